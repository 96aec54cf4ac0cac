using Portal.Modules.PatientProfile.Contracts;
using Portal.Modules.PatientProfile.Domain;

namespace Portal.Modules.PatientProfile.Features.Shared;

/// <summary>A row of the practice's patient list.</summary>
public sealed record PatientListItem(Guid Id, string GivenName, string FamilyName, DateOnly DateOfBirth, string? Email, PortalStatus PortalStatus);

/// <summary>The full patient record as the practice sees it.</summary>
public sealed record PatientResponse(
    Guid Id,
    string GivenName,
    string FamilyName,
    string? PreferredName,
    DateOnly DateOfBirth,
    Sex? Sex,
    string? Email,
    string? MobilePhone,
    AddressDto? Address,
    EmergencyContactDto? EmergencyContact,
    PortalStatus PortalStatus,
    int Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    internal static PatientResponse From(Patient p) => new(
        p.Id,
        p.GivenName,
        p.FamilyName,
        p.PreferredName,
        p.DateOfBirth,
        p.Sex,
        p.Email,
        p.MobilePhone,
        p.Address is { } a ? new AddressDto(a.Line1, a.Line2, a.Suburb, a.State, a.Postcode, a.Country) : null,
        p.EmergencyContact is { } c ? new EmergencyContactDto(c.Name, c.Relationship, c.Phone) : null,
        p.PortalStatus,
        p.Version,
        p.CreatedAt,
        p.UpdatedAt);
}

internal static class PatientErrors
{
    public static readonly Portal.Shared.Abstractions.Error NotFound = PatientRecordErrors.NotFound;
}
