using System.Text.Json.Serialization;
using Portal.Shared.Abstractions;

namespace Portal.Modules.Invitations.Contracts;

/// <summary>Where a patient's invitation stands: on the wire <c>pending</c>, <c>accepted</c>, <c>expired</c> or <c>revoked</c>.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<InvitationStatus>))]
public enum InvitationStatus
{
    Pending,
    Accepted,
    Expired,
    Revoked,
}
