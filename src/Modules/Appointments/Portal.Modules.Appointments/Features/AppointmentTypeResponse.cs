using Portal.Modules.Appointments.Domain;

namespace Portal.Modules.Appointments.Features;

/// <summary>An appointment type as the practice sees it.</summary>
public sealed record AppointmentTypeResponse(Guid Id, string Name, int DurationMinutes, int BufferMinutes, long PriceCents, bool BookableOnline, bool NewPatients)
{
    internal static AppointmentTypeResponse From(AppointmentType type) =>
        new(type.Id, type.Name, (int)type.Length.TotalMinutes, (int)type.BufferAfter.TotalMinutes, type.PriceCents, type.BookableOnline, type.NewPatients);
}

public sealed record AppointmentTypeBody(string? Name, int? DurationMinutes, int? BufferMinutes, long? PriceCents, bool? BookableOnline, bool? NewPatients);
