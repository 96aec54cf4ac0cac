using NodaTime;

namespace Portal.Modules.Appointments.Domain;

/// <summary>A kind of appointment a practice offers: how long it is, the time kept free after it, its price.</summary>
internal sealed class AppointmentType
{
    private AppointmentType()
    {
    }

    public Guid Id { get; private set; }
    public Guid PracticeGroupId { get; private set; }
    public string Name { get; private set; } = "";
    public Duration Length { get; private set; }
    public Duration BufferAfter { get; private set; }
    public long PriceCents { get; private set; }

    /// <summary>Whether patients may book it themselves (staff may always book it for them).</summary>
    public bool BookableOnline { get; private set; }

    /// <summary>Whether patients the practice has not seen before may book it online.</summary>
    public bool NewPatients { get; private set; }

    public static AppointmentType Create(Guid practiceGroupId, string name, Duration length, Duration bufferAfter, long priceCents, bool bookableOnline, bool newPatients)
    {
        var type = new AppointmentType { Id = Guid.CreateVersion7(), PracticeGroupId = practiceGroupId };
        type.Change(name, length, bufferAfter, priceCents, bookableOnline, newPatients);
        return type;
    }

    /// <summary>Lengths and buffers are whole <see cref="TimeUnits"/>: the validator of the request checks before this is called.</summary>
    public void Change(string name, Duration length, Duration bufferAfter, long priceCents, bool bookableOnline, bool newPatients)
    {
        if (!TimeUnits.IsWhole(length) || length <= Duration.Zero || !TimeUnits.IsWhole(bufferAfter) || bufferAfter < Duration.Zero)
        {
            throw new ArgumentException("An appointment's length and buffer are whole five-minute units.");
        }

        Name = name.Trim();
        Length = length;
        BufferAfter = bufferAfter;
        PriceCents = priceCents;
        BookableOnline = bookableOnline;
        NewPatients = newPatients;
    }
}
