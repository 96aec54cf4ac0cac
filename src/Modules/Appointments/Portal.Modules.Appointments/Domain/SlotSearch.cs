using NodaTime;
using NodaTime.TimeZones;

namespace Portal.Modules.Appointments.Domain;

/// <summary>
/// The free times a practitioner can be booked for one appointment type at one location: every
/// <see cref="Step"/> from the start of each of their weekly hours that day, as long as the appointment ends by the end
/// of those hours and it and its buffer after overlap nothing busy (other appointments with their buffers, time off).
/// Days and hours are the location's wall-clock; slots are instants, so the answer does not depend on the server's own
/// time zone.
/// </summary>
internal sealed class SlotSearch
{
    public static readonly Duration Step = Duration.FromMinutes(15);

    /// <summary>
    /// Wall-clock hours that start or end in a skipped hour (the spring-forward gap) move to the end of the gap; in a
    /// repeated hour (fall-back) the first occurrence counts. Portal's demo hours never touch either; evening and
    /// overnight hours might.
    /// </summary>
    private static readonly ZoneLocalMappingResolver HoursResolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    private readonly DateTimeZone _zone;
    private readonly IReadOnlyList<WeeklyHours> _hours;
    private readonly List<Interval> _busy;

    /// <param name="zone">The location's zone.</param>
    /// <param name="hours">The practitioner's weekly hours at that location.</param>
    /// <param name="busy">Booked appointments (each to the end of its buffer) and time off, in any order, overlapping or not.</param>
    public SlotSearch(DateTimeZone zone, IReadOnlyList<WeeklyHours> hours, IEnumerable<Interval> busy)
    {
        _zone = zone;
        _hours = hours;
        _busy = Merged(busy);
    }

    /// <summary>
    /// Free slots of <paramref name="length"/> (with <paramref name="bufferAfter"/> kept free after each) on the given
    /// local dates, starting no earlier than <paramref name="earliestStart"/> and before <paramref name="startsBefore"/>,
    /// in time order, each once.
    /// </summary>
    public IReadOnlyList<Interval> FreeSlots(DateInterval dates, Duration length, Duration bufferAfter, Instant earliestStart, Instant startsBefore)
    {
        var slots = new SortedSet<Instant>();
        foreach (var date in dates)
        {
            foreach (var hours in _hours.Where(h => h.AppliesOn(date)))
            {
                var opens = ToInstant(date + hours.Start);
                var closes = ToInstant(date + hours.End);
                for (var start = opens; start + length <= closes; start += Step)
                {
                    if (start >= earliestStart && start < startsBefore && IsFree(new Interval(start, start + length + bufferAfter)))
                    {
                        slots.Add(start);
                    }
                }
            }
        }

        return slots.Select(start => new Interval(start, start + length)).ToList();
    }

    /// <summary>Whether an appointment at exactly this time fits the practitioner's hours on its day (busy or not).</summary>
    public bool WithinHours(Interval appointment)
    {
        var date = appointment.Start.InZone(_zone).Date;
        return _hours.Where(h => h.AppliesOn(date))
            .Any(h => ToInstant(date + h.Start) <= appointment.Start && appointment.End <= ToInstant(date + h.End));
    }

    public bool IsFree(Interval wanted)
    {
        // The first busy interval that ends after the wanted one starts; the merged list is sorted and disjoint.
        int low = 0, high = _busy.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_busy[middle].End <= wanted.Start)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low == _busy.Count || _busy[low].Start >= wanted.End;
    }

    private Instant ToInstant(LocalDateTime local) => _zone.ResolveLocal(local, HoursResolver).ToInstant();

    private static List<Interval> Merged(IEnumerable<Interval> intervals)
    {
        var merged = new List<Interval>();
        foreach (var interval in intervals.Where(i => i.HasStart && i.HasEnd && i.End > i.Start).OrderBy(i => i.Start))
        {
            if (merged.Count > 0 && interval.Start <= merged[^1].End)
            {
                var last = merged[^1];
                merged[^1] = new Interval(last.Start, Instant.Max(last.End, interval.End));
            }
            else
            {
                merged.Add(interval);
            }
        }

        return merged;
    }
}
