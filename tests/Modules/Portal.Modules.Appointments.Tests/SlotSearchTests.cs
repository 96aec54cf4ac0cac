using NodaTime;
using NodaTime.Text;
using Portal.Modules.Appointments.Domain;
using Xunit;

namespace Portal.Modules.Appointments.Tests;

/// <summary>
/// Free slots across daylight-saving changes, checked against an independent reference: the operating system's time
/// zone database through <see cref="TimeZoneInfo"/> (Portal computes with NodaTime's own copy of the tz database).
/// Sydney ended daylight saving on Sunday 5 April 2026 (03:00 back to 02:00) and starts it on Sunday 4 October 2026
/// (02:00 forward to 03:00); Brisbane has none; Adelaide is half an hour off Sydney all year.
/// </summary>
public sealed class SlotSearchTests
{
    private static readonly Duration HalfHour = Duration.FromMinutes(30);

    private static IReadOnlyList<WeeklyHours> WeekdaysNineToFive() =>
        [.. new[] { IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday }
            .Select(day => new WeeklyHours(day, new LocalTime(9, 0), new LocalTime(17, 0)))];

    private static IReadOnlyList<Interval> Slots(string zone, LocalDate from, LocalDate to, IEnumerable<Interval>? busy = null, IReadOnlyList<WeeklyHours>? hours = null, Duration? buffer = null) =>
        new SlotSearch(DateTimeZoneProviders.Tzdb[zone], hours ?? WeekdaysNineToFive(), busy ?? [])
            .FreeSlots(new DateInterval(from, to), HalfHour, buffer ?? Duration.Zero, Instant.MinValue, Instant.MaxValue);

    /// <summary>The wall-clock time of an instant in a zone, by the operating system's zone data.</summary>
    private static DateTime ReferenceWallClock(Instant instant, string zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(instant.ToDateTimeUtc(), TimeZoneInfo.FindSystemTimeZoneById(zone));

    private static TimeSpan ReferenceOffset(Instant instant, string zone) =>
        TimeZoneInfo.FindSystemTimeZoneById(zone).GetUtcOffset(instant.ToDateTimeUtc());

    [Theory]
    [InlineData("Australia/Sydney", "2026-04-02", "2026-04-07")]     // Thu 2 - Tue 7 April: daylight saving ends on the Sunday
    [InlineData("Australia/Sydney", "2026-10-01", "2026-10-06")]     // Thu 1 - Tue 6 October: it starts on the Sunday
    [InlineData("Australia/Brisbane", "2026-04-02", "2026-04-07")]
    [InlineData("Australia/Brisbane", "2026-10-01", "2026-10-06")]
    [InlineData("Australia/Adelaide", "2026-04-02", "2026-04-07")]
    [InlineData("Australia/Adelaide", "2026-10-01", "2026-10-06")]
    public void Nine_to_five_stays_nine_to_five_on_the_wall_clock_either_side_of_a_change(string zone, string from, string to)
    {
        var slots = Slots(zone, LocalDatePattern.Iso.Parse(from).Value, LocalDatePattern.Iso.Parse(to).Value);

        var byDay = slots.GroupBy(s => ReferenceWallClock(s.Start, zone).Date).ToList();
        Assert.Equal(4, byDay.Count);   // Thu, Fri, Mon, Tue: no weekend slot
        foreach (var day in byDay)
        {
            var times = day.Select(s => ReferenceWallClock(s.Start, zone).TimeOfDay).ToList();
            Assert.Equal(31, times.Count);   // 09:00, 09:15, ... 16:30
            Assert.Equal(new TimeSpan(9, 0, 0), times[0]);
            Assert.Equal(new TimeSpan(16, 30, 0), times[^1]);
            Assert.All(day, s => Assert.Equal(ReferenceWallClock(s.Start, zone).AddMinutes(30), ReferenceWallClock(s.End, zone)));
        }
    }

    [Fact]
    public void The_offsets_change_with_the_season_in_Sydney_and_Adelaide_and_never_in_Brisbane()
    {
        Instant FirstSlot(string zone, LocalDate date) => Slots(zone, date, date)[0].Start;
        var before = new LocalDate(2026, 4, 3);
        var after = new LocalDate(2026, 4, 6);

        Assert.Equal(TimeSpan.FromHours(11), ReferenceOffset(FirstSlot("Australia/Sydney", before), "Australia/Sydney"));
        Assert.Equal(TimeSpan.FromHours(10), ReferenceOffset(FirstSlot("Australia/Sydney", after), "Australia/Sydney"));
        Assert.Equal(TimeSpan.FromHours(10.5), ReferenceOffset(FirstSlot("Australia/Adelaide", before), "Australia/Adelaide"));
        Assert.Equal(TimeSpan.FromHours(9.5), ReferenceOffset(FirstSlot("Australia/Adelaide", after), "Australia/Adelaide"));
        Assert.Equal(TimeSpan.FromHours(10), ReferenceOffset(FirstSlot("Australia/Brisbane", before), "Australia/Brisbane"));
        Assert.Equal(TimeSpan.FromHours(10), ReferenceOffset(FirstSlot("Australia/Brisbane", after), "Australia/Brisbane"));
        // 09:00 in Sydney: 22:00 UTC the day before in summer, 23:00 UTC in winter.
        Assert.Equal(Instant.FromUtc(2026, 4, 2, 22, 0), FirstSlot("Australia/Sydney", before));
        Assert.Equal(Instant.FromUtc(2026, 4, 5, 23, 0), FirstSlot("Australia/Sydney", after));
    }

    [Fact]
    public void Hours_across_the_skipped_hour_give_the_hours_that_exist()
    {
        // Sunday 4 October 2026, Sydney: 01:00-04:00 on the wall clock is two hours long.
        var hours = new[] { new WeeklyHours(IsoDayOfWeek.Sunday, new LocalTime(1, 0), new LocalTime(4, 0)) };
        var day = new LocalDate(2026, 10, 4);

        var slots = Slots("Australia/Sydney", day, day, hours: hours);

        Assert.Equal(
            ["01:00", "01:15", "01:30", "01:45", "03:00", "03:15", "03:30"],
            slots.Select(s => ReferenceWallClock(s.Start, "Australia/Sydney").ToString("HH:mm")));
        Assert.All(slots, s => Assert.Equal(HalfHour, s.Duration));
    }

    [Fact]
    public void Hours_across_the_repeated_hour_give_four_hours_of_slots()
    {
        // Sunday 5 April 2026, Sydney: 01:00-04:00 on the wall clock is four hours long (02:00-03:00 happens twice).
        var hours = new[] { new WeeklyHours(IsoDayOfWeek.Sunday, new LocalTime(1, 0), new LocalTime(4, 0)) };
        var day = new LocalDate(2026, 4, 5);

        var slots = Slots("Australia/Sydney", day, day, hours: hours);

        Assert.Equal(15, slots.Count);   // every 15 minutes over 4 hours, the last ending at 04:00
        Assert.Equal(Duration.FromHours(4) - HalfHour, slots[^1].Start - slots[0].Start);
        Assert.Equal(slots.Count, slots.Select(s => s.Start).Distinct().Count());
    }

    [Fact]
    public void An_appointment_and_its_buffer_take_the_slots_that_would_overlap_them()
    {
        var day = new LocalDate(2026, 3, 2);   // a Monday, Brisbane
        var zone = DateTimeZoneProviders.Tzdb["Australia/Brisbane"];
        Instant At(int hour, int minute) => (day + new LocalTime(hour, minute)).InZoneStrictly(zone).ToInstant();
        var booked = new Interval(At(10, 0), At(10, 40));   // 10:00-10:30 with a 10-minute buffer

        var starts = Slots("Australia/Brisbane", day, day, [booked], buffer: Duration.FromMinutes(10))
            .Select(s => s.Start.InZone(zone).TimeOfDay.ToString("HH:mm", null)).ToList();

        // A 30-minute slot with its own 10-minute buffer must end its buffer by 10:00 and may start at 10:40 at the
        // earliest; slots start on the quarter hour.
        Assert.Contains("09:15", starts);
        Assert.DoesNotContain("09:30", starts);   // its buffer would run to 10:10
        Assert.DoesNotContain("10:00", starts);
        Assert.DoesNotContain("10:30", starts);
        Assert.Contains("10:45", starts);
    }

    [Fact]
    public void Time_off_lead_time_and_the_booking_horizon_are_left_out()
    {
        var zone = DateTimeZoneProviders.Tzdb["Australia/Sydney"];
        var monday = new LocalDate(2026, 3, 2);
        Instant At(LocalDate date, int hour) => (date + new LocalTime(hour, 0)).InZoneStrictly(zone).ToInstant();
        var search = new SlotSearch(zone, WeekdaysNineToFive(), [new Interval(At(monday, 12), At(monday, 14))]);

        var slots = search.FreeSlots(new DateInterval(monday, monday.PlusDays(2)), HalfHour, Duration.Zero,
            earliestStart: At(monday, 11), startsBefore: At(monday.PlusDays(2), 0));

        Assert.Equal(At(monday, 11), slots[0].Start);
        Assert.DoesNotContain(slots, s => s.Start < At(monday, 14) && s.End > At(monday, 12));
        Assert.All(slots, s => Assert.True(s.Start < At(monday.PlusDays(2), 0)));
        Assert.Contains(slots, s => s.Start == At(monday.PlusDays(1), 9));
    }

    [Fact]
    public void Hours_apply_only_between_their_dates()
    {
        var hours = new[] { new WeeklyHours(IsoDayOfWeek.Monday, new LocalTime(9, 0), new LocalTime(10, 0), ValidFrom: new LocalDate(2026, 3, 9), ValidTo: new LocalDate(2026, 3, 16)) };

        var slots = Slots("Australia/Perth", new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 31), hours: hours);

        var zone = DateTimeZoneProviders.Tzdb["Australia/Perth"];
        Assert.Equal([new LocalDate(2026, 3, 9), new LocalDate(2026, 3, 16)], slots.Select(s => s.Start.InZone(zone).Date).Distinct());
    }

    [Fact]
    public void An_exact_time_is_within_hours_only_if_it_fits_them_whole()
    {
        var zone = DateTimeZoneProviders.Tzdb["Australia/Sydney"];
        var search = new SlotSearch(zone, WeekdaysNineToFive(), []);
        Interval At(int hour, int minute)
        {
            var start = (new LocalDate(2026, 3, 2) + new LocalTime(hour, minute)).InZoneStrictly(zone).ToInstant();
            return new Interval(start, start + HalfHour);
        }

        Assert.True(search.WithinHours(At(9, 0)));
        Assert.True(search.WithinHours(At(16, 30)));
        Assert.False(search.WithinHours(At(16, 45)));   // would end 17:15
        Assert.False(search.WithinHours(At(8, 45)));
    }

    [Fact]
    public void Time_units_cover_an_appointment_and_its_buffer_and_refuse_ragged_edges()
    {
        var start = Instant.FromUtc(2026, 3, 1, 23, 0);

        var units = TimeUnits.Covering(start, start + Duration.FromMinutes(40)).ToList();

        Assert.Equal(8, units.Count);
        Assert.Equal(units[0] + 7, units[^1]);
        Assert.True(TimeUnits.IsBoundary(Instant.FromUtc(2026, 3, 1, 23, 5)));
        Assert.False(TimeUnits.IsBoundary(Instant.FromUtc(2026, 3, 1, 23, 7)));
        Assert.False(TimeUnits.IsWhole(Duration.FromMinutes(12)));
        Assert.Throws<ArgumentException>(() => TimeUnits.Covering(start, start + Duration.FromMinutes(12)).ToList());
    }
}
