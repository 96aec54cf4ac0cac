using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Host;
using Portal.Modules.Invitations.Contracts;
using Portal.Modules.Notifications.Contracts;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Modules.PortalSettings.Contracts;
using Portal.Shared.Abstractions;
using Portal.Shared.Messaging;
using Xunit;

namespace Portal.Host.Tests;

/// <summary>
/// The vocabulary (record parts, access-log actions and subjects, notification kinds, invitation statuses) is enums in
/// the Contracts, but the outbox keeps the camelCase words it kept when they were strings: rows stored before still read,
/// and new rows say the same words.
/// </summary>
public sealed class VocabularyOnTheWireTests
{
    private static readonly IntegrationEventTypes Types = IntegrationEventTypes.Of(PortalModules.All);
    private const string Ids = "\"eventId\":\"0193a000-0000-7000-8000-000000000001\",\"occurredAt\":\"2026-12-01T09:00:00+00:00\"";
    private const string Record = "\"patientId\":\"0193a000-0000-7000-8000-000000000002\",\"practiceGroupId\":\"0193a000-0000-7000-8000-000000000003\"";

    [Fact]
    public void Rows_stored_while_the_vocabulary_was_strings_still_read()
    {
        var requested = Read<PatientChangeRequested>(
            $$"""{{{Ids}},"changeRequestId":"0193a000-0000-7000-8000-000000000004",{{Record}},"patientName":"Ava Nguyen","part":"healthRecord","fields":["allergies"]}""");
        Assert.Equal(RecordPart.HealthRecord, requested.Part);

        var withdrawn = Read<PatientChangeWithdrawn>(
            $$"""{{{Ids}},"changeRequestIds":[],{{Record}},"patientName":"Ava Nguyen","part":"profile"}""");
        Assert.Equal(RecordPart.Profile, withdrawn.Part);

        var accessed = Read<PatientRecordAccessed>(
            $$"""{{{Ids}},{{Record}},"actorUserId":"0193a000-0000-7000-8000-000000000005","actorName":"Sam Lee","action":"invitationResent","subject":"portalAccess","remoteAddress":null}""");
        Assert.Equal((PatientAccessAction.InvitationResent, AccessLogSubject.PortalAccess), (accessed.Action, accessed.Subject));

        var closed = Read<InvitationClosed>(
            $$"""{{{Ids}},"practiceGroupId":"0193a000-0000-7000-8000-000000000003","patientId":"0193a000-0000-7000-8000-000000000002","invitationId":"0193a000-0000-7000-8000-000000000006","reason":"expired"}""");
        Assert.Equal(InvitationStatus.Expired, closed.Reason);

        // Decisions were stored by their C# name before they were camelCase words; either reads.
        foreach (var word in new[] { "Approved", "approved" })
        {
            var decided = Read<PatientChangeDecided>(
                $$"""{{{Ids}},"changeRequestId":"0193a000-0000-7000-8000-000000000004",{{Record}},"patientName":"Ava Nguyen","part":"profile","fields":["mobilePhone"],"decision":"{{word}}","decidedByUserId":"0193a000-0000-7000-8000-000000000005","decidedByName":"Sam Lee"}""");
            Assert.Equal(ChangeDecision.Approved, decided.Decision);
        }
    }

    [Fact]
    public void New_rows_say_the_same_camel_case_words()
    {
        var now = DateTimeOffset.UtcNow;
        var patientId = Guid.CreateVersion7();
        var groupId = Guid.CreateVersion7();
        var payloads = Published(
            new PatientChangeRequested(Guid.CreateVersion7(), now, Guid.CreateVersion7(), patientId, groupId, "Ava Nguyen", RecordPart.HealthRecord, ["allergies"]),
            new PatientRecordAccessed(Guid.CreateVersion7(), now, patientId, groupId, Guid.CreateVersion7(), "Sam Lee",
                PatientAccessAction.InvitationResent, AccessLogSubject.PortalAccess, null),
            new InvitationClosed(Guid.CreateVersion7(), now, groupId, patientId, Guid.CreateVersion7(), InvitationStatus.Revoked));

        Assert.Equal("healthRecord", (string?)payloads[0]["part"]);
        Assert.Equal(("invitationResent", "portalAccess"), ((string?)payloads[1]["action"], (string?)payloads[1]["subject"]));
        Assert.Equal("revoked", (string?)payloads[2]["reason"]);
    }

    [Fact]
    public void Settings_events_stored_the_update_policy_as_a_number_and_now_say_its_word()
    {
        const string Change = "\"practiceGroupId\":\"0193a000-0000-7000-8000-000000000003\",\"changedByUserId\":\"0193a000-0000-7000-8000-000000000005\",\"changedByName\":\"Sam Lee\"";
        var stored = Read<PortalSettingsChanged>(
            $$"""{{{Ids}},{{Change}},"before":{"portalEnabled":true,"patientInvitations":true,"patientUpdates":1,"noteSharing":false},"after":{"portalEnabled":true,"patientInvitations":true,"patientUpdates":0,"noteSharing":false} }""");
        Assert.Equal((PatientUpdatePolicy.RequireApproval, PatientUpdatePolicy.AutoUpdate), (stored.Before.PatientUpdates, stored.After.PatientUpdates));

        var payload = Published(stored with { EventId = Guid.CreateVersion7() })[0];
        Assert.Equal(("requireApproval", "autoUpdate"), ((string?)payload["before"]!["patientUpdates"], (string?)payload["after"]!["patientUpdates"]));
        Assert.Equal(PatientUpdatePolicy.AutoUpdate, Read<PortalSettingsChanged>(payload.ToJsonString()).After.PatientUpdates);
    }

    [Fact]
    public void A_number_is_not_a_word_of_the_vocabulary()
    {
        var payload = $$"""{{{Ids}},"changeRequestIds":[],{{Record}},"patientName":"Ava Nguyen","part":1}""";
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => Read<PatientChangeWithdrawn>(payload));
    }

    [Fact]
    public void Every_enum_name_has_its_camel_case_word_and_back()
    {
        Assert.Equal("profileChangePending", CamelCaseNames.Of(NotificationKind.ProfileChangePending));
        Assert.Equal(NotificationKind.ProfileChangePending, CamelCaseNames.Parse<NotificationKind>("profileChangePending"));
        Assert.Null(CamelCaseNames.Parse<NotificationKind>("ProfileChangePending"));   // one spelling, as the API's
        Assert.Null(CamelCaseNames.Parse<NotificationKind>("2"));
    }

    private static TEvent Read<TEvent>(string payload) where TEvent : IIntegrationEvent =>
        (TEvent)Outbox.Read(new OutboxMessage(payload) { Type = IntegrationEventTypes.NameOf(typeof(TEvent)) }, Types);

    private static List<JsonObject> Published(params IIntegrationEvent[] events)
    {
        using var db = new OutboxOnly();
        foreach (var integrationEvent in events)
        {
            db.Publish(integrationEvent);
        }

        return db.ChangeTracker.Entries<OutboxMessage>().Select(e => JsonNode.Parse(e.Entity.Payload)!.AsObject()).ToList();
    }

    /// <summary>A database with only the outbox, never opened: <see cref="Outbox.Publish"/> writes the payload as it is added.</summary>
    private sealed class OutboxOnly() : DbContext(new DbContextOptionsBuilder().UseSqlite("Data Source=:memory:").Options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddOutboxAndInbox();
    }
}
