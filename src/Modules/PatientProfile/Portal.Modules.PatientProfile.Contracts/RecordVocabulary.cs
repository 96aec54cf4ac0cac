using System.Text.Json.Serialization;
using Portal.Shared.Abstractions;

namespace Portal.Modules.PatientProfile.Contracts;

/// <summary>
/// The parts of a patient's record that change requests, record versions, events and notifications name: on the wire
/// (and in the database) <c>profile</c>, <c>healthRecord</c> and <c>funding</c>. Their labels are <see cref="PatientProfileFields"/>'.
/// </summary>
[JsonConverter(typeof(CamelCaseEnumConverter<RecordPart>))]
public enum RecordPart
{
    Profile,
    HealthRecord,

    /// <summary>Medicare, private health, NDIS, DVA and the IHI, kept by module Funding (<see cref="IRecordPartKeeper"/>).</summary>
    Funding,
}

/// <summary>
/// What a line of the patient's access log (<c>GET /api/portal/access-log</c>) is about: on the wire <c>profile</c>,
/// <c>healthRecord</c>, <c>history</c> (the record's versions), <c>changeRequests</c> (the approvals queue), <c>notes</c> (clinical notes, reported by NoteSharing), <c>appointments</c>, <c>funding</c> or
/// <c>portalAccess</c> (invitations and links, reported by Invitations and Identity).
/// </summary>
[JsonConverter(typeof(CamelCaseEnumConverter<AccessLogSubject>))]
public enum AccessLogSubject
{
    Profile,
    HealthRecord,

    /// <summary>The record's versions (every applied change with before and after).</summary>
    History,

    /// <summary>The patient's change requests, as the practice's approvals queue shows them.</summary>
    ChangeRequests,

    Notes,
    PortalAccess,

    /// <summary>The patient's appointments (module Appointments), as the practice lists and books them.</summary>
    Appointments,

    /// <summary>The patient's funding details (module Funding): Medicare, private health, NDIS, DVA, IHI.</summary>
    Funding,
}

/// <summary>What someone in the practice did, as a line of the patient's access log says it (on the wire <c>viewed</c>, <c>changeApproved</c>, ...).</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<PatientAccessAction>))]
public enum PatientAccessAction
{
    Viewed,
    Created,
    Updated,
    ChangeApproved,
    ChangeRejected,

    /// <summary>A practitioner brought back part of the record as it was before an earlier change.</summary>
    Restored,

    // Portal access, reported by Invitations and Identity.
    Invited,
    InvitationResent,
    InvitationRevoked,
    Accepted,
    Unlinked,
}
