using Portal.Web.Admin;
using Portal.Web.Admin.Features.Appointments;
using Portal.Web.Components.Api;
using Xunit;

namespace Portal.Web.Tests;

/// <summary>
/// The admin app's wall-clock times at a location (the zone of the location, never the server's, across the Sydney
/// daylight-saving changes) and the words for the API's refusals of a booking.
/// </summary>
public sealed class AdminCalendarTimesTests
{
    [Theory]
    [InlineData("Australia/Sydney", "2027-01-11", "09:30", 11)]    // summer
    [InlineData("Australia/Sydney", "2027-06-14", "09:30", 10)]    // winter
    [InlineData("Australia/Brisbane", "2027-01-11", "09:30", 10)]  // no daylight saving
    [InlineData("Australia/Perth", "2027-01-11", "16:00", 8)]
    [InlineData("Australia/Sydney", "2027-04-04", "02:30", 11)]    // clocks go back at 03:00: 02:30 happens twice, the first is meant
    public void A_typed_time_is_that_wall_clock_at_the_location(string zone, string date, string time, int offsetHours)
    {
        var (start, problem) = LocalTimes.At(LocalTimes.ParseDate(date)!.Value, LocalTimes.ParseTime(time)!.Value, zone);

        Assert.Null(problem);
        Assert.Equal(TimeSpan.FromHours(offsetHours), start!.Value.Offset);
        Assert.Equal($"{date} {time}", start.Value.DateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_time_the_clocks_skip_is_refused_in_words()
    {
        var (start, problem) = LocalTimes.At(new DateOnly(2027, 10, 3), new TimeOnly(2, 30), "Australia/Sydney");

        Assert.Null(start);
        Assert.Contains("clocks go forward", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Today_is_the_locations_date_not_the_servers()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2027, 1, 10, 14, 0, 0, TimeSpan.Zero));   // 01:00 on the 11th in Sydney

        Assert.Equal(new DateOnly(2027, 1, 11), LocalTimes.Today(clock, "Australia/Sydney"));
        Assert.Equal(new DateOnly(2027, 1, 10), LocalTimes.Today(clock, "Australia/Perth"));
        Assert.Equal(new DateOnly(2027, 1, 4), LocalTimes.WeekStart(new DateOnly(2027, 1, 10)));   // a Sunday's week starts on Monday
    }

    [Theory]
    [InlineData("appointments.slot-taken", "That time is taken: Sam Lee already has an appointment then. Choose another time.", "time")]
    [InlineData("appointments.outside-availability", "Sam Lee cannot be booked at Sydney at that time. Choose a time on the five minutes.", "time")]
    [InlineData("appointments.not-booked", "This appointment is no longer booked (someone may have just changed it), so it cannot be changed.", null)]
    public void The_apis_refusals_are_said_in_words(string code, string message, string? field)
    {
        var said = Labels.AppointmentProblem(new ApiProblem(409, code, "The API's words.", new Dictionary<string, string[]>()), "Sam Lee", "Sydney");

        Assert.Equal(message, said.Message);
        Assert.Equal(field is null ? null : message, field is null ? null : said.For(field));
        Assert.Equal(code, said.Code);
    }
}
