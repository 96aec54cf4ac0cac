using System.Text.Json.Serialization;
using Portal.Shared.Abstractions;

namespace Portal.Modules.Identity.Contracts;

/// <summary>
/// Whose account it is: a practice's staff member, or a patient linked to records. On the wire (<c>GET /api/me</c>, the
/// access token's <c>kind</c> claim) <c>practitioner</c> and <c>patient</c>.
/// </summary>
[JsonConverter(typeof(CamelCaseEnumConverter<AccountKind>))]
public enum AccountKind
{
    Practitioner,
    Patient,
}
