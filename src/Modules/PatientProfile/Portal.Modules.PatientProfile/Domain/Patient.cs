using Portal.Modules.PatientProfile.Contracts;

namespace Portal.Modules.PatientProfile.Domain;

/// <summary>A patient record of one practice group. <see cref="Version"/> guards against two people's edits crossing.</summary>
internal sealed class Patient
{
    public Guid Id { get; init; }
    public Guid PracticeGroupId { get; init; }
    public string GivenName { get; private set; } = string.Empty;
    public string FamilyName { get; private set; } = string.Empty;
    public string? PreferredName { get; private set; }
    public DateOnly DateOfBirth { get; private set; }
    public Sex? Sex { get; private set; }
    public string? Email { get; private set; }
    public string? MobilePhone { get; private set; }
    public Address? Address { get; private set; }
    public EmergencyContact? EmergencyContact { get; private set; }
    public PortalStatus PortalStatus { get; private set; } = PortalStatus.NotInvited;

    /// <summary>When the event that set <see cref="PortalStatus"/> happened; older events arriving late change nothing.</summary>
    public DateTimeOffset? PortalStatusAt { get; private set; }

    /// <summary>
    /// Applies an invitation event. Events can arrive out of order (a failed one is retried after later ones),
    /// so only a newer event counts, and an active patient stays active.
    /// </summary>
    public void ApplyPortalStatus(PortalStatus status, DateTimeOffset occurredAt, PortalStatus? onlyFrom = null)
    {
        if ((PortalStatusAt is { } last && occurredAt < last) || PortalStatus == PortalStatus.Active
            || (onlyFrom is { } required && PortalStatus != required))
        {
            return;
        }

        PortalStatus = status;
        PortalStatusAt = occurredAt;
    }

    /// <summary>The practice removed the patient account's access (unlinked it): the one way out of <c>active</c>.</summary>
    public void EndPortalAccess(DateTimeOffset occurredAt)
    {
        if (PortalStatusAt is { } last && occurredAt < last)
        {
            return;
        }

        PortalStatus = PortalStatus.NotInvited;
        PortalStatusAt = occurredAt;
    }
    public DateTimeOffset CreatedAt { get; init; }
    public Guid CreatedBy { get; init; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; private set; }

    /// <summary>A new record of the practice group; its details come next, with <see cref="ChangeDetails"/> (version 1).</summary>
    public static Patient New(Guid id, Guid practiceGroupId, Guid createdBy, DateTimeOffset now) =>
        new() { Id = id, PracticeGroupId = practiceGroupId, CreatedAt = now, CreatedBy = createdBy, UpdatedAt = now };

    /// <summary>Writes valid, normalized details (checked by the caller) and moves the version on.</summary>
    public void ChangeDetails(
        string givenName, string familyName, string? preferredName, DateOnly dateOfBirth, Sex? sex, string? email, string? mobilePhone,
        Address? address, EmergencyContact? emergencyContact, DateTimeOffset now)
    {
        GivenName = givenName;
        FamilyName = familyName;
        PreferredName = preferredName;
        DateOfBirth = dateOfBirth;
        Sex = sex;
        Email = email;
        MobilePhone = mobilePhone;
        Address = address;
        EmergencyContact = emergencyContact;
        UpdatedAt = now;
        Version++;
    }
}

internal sealed record Address(string Line1, string? Line2, string Suburb, string State, string Postcode, string Country);

internal sealed record EmergencyContact(string Name, string Relationship, string Phone);
