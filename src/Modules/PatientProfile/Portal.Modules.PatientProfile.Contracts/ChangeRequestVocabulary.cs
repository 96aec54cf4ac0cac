using System.Text.Json.Nodes;

namespace Portal.Modules.PatientProfile.Contracts;

/// <summary>One field of a change request: <c>{field, from, to}</c>, the values as JSON.</summary>
public sealed record FieldChange(string Field, JsonNode? From, JsonNode? To);

public enum ChangeRequestStatus
{
    Pending,
    Approved,
    Rejected,

    /// <summary>
    /// The patient edited again before anyone decided: a newer request, which carries what is still wanted of this
    /// one, replaced it, so the practice decides once, on the patient's latest wish.
    /// </summary>
    Superseded,

    /// <summary>The patient set the fields back to today's values before anyone decided.</summary>
    Withdrawn,
}
