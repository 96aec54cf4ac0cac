using Portal.Modules.PatientProfile.Contracts;

namespace Portal.Modules.PatientProfile.Domain;

/// <summary>A patient record of one practice group. <see cref="Version"/> guards against two people's edits crossing.</summary>
internal sealed class Patient
{
    public Guid Id { get; init; }
    public Guid PracticeGroupId { get; init; }
    public string GivenName { get; set; } = string.Empty;
    public string FamilyName { get; set; } = string.Empty;
    public string? PreferredName { get; set; }
    public DateOnly DateOfBirth { get; set; }
    public Sex? Sex { get; set; }
    public string? Email { get; set; }
    public string? MobilePhone { get; set; }
    public Address? Address { get; set; }
    public EmergencyContact? EmergencyContact { get; set; }
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
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}

internal sealed record Address(string Line1, string? Line2, string Suburb, string State, string Postcode, string Country);

internal sealed record EmergencyContact(string Name, string Relationship, string Phone);
