using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Portal.Modules.PatientProfile.ChangeRequests;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Modules.PatientProfile.Domain;
using Portal.Modules.PatientProfile.Features.Shared;
using Portal.Modules.PortalSettings.Contracts;
using Xunit;

namespace Portal.Modules.PatientProfile.Tests;

/// <summary>
/// The change-request rules on their own (no Host): the carry of pending wishes into a new request, the approval's
/// conflict check, the decisions only a pending request takes, and what auto update applies at once.
/// </summary>
public sealed class ChangeRequestRulesTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Practice = Guid.NewGuid();
    private static readonly Guid Patient = Guid.NewGuid();
    private static readonly Guid Practitioner = Guid.NewGuid();

    [Fact]
    public void With_nothing_pending_the_carry_is_the_edited_fields_whose_value_changes()
    {
        var current = Record(("mobilePhone", "+61412345678"), ("preferredName", null), ("email", "ava@example.test"));
        var proposed = Record(("mobilePhone", "+61499111222"), ("preferredName", null), ("email", "ava@example.test"));

        var carried = ChangeRequest.Carry(current, proposed, [], ["mobilePhone", "email"]);

        var change = Assert.Single(carried);
        Assert.Equal(("mobilePhone", "+61412345678", "+61499111222"), Flat(change));
    }

    [Fact]
    public void A_field_the_new_edit_did_not_touch_keeps_the_from_the_patient_first_saw()
    {
        // The patient asked for a new phone while it was ...678; the practice has since changed it to ...000.
        var pending = Request(Monday, ("mobilePhone", "+61412345678", "+61499111222"));
        var current = Record(("mobilePhone", "+61400000000"), ("preferredName", null));
        var proposed = Record(("mobilePhone", "+61499111222"), ("preferredName", "Avie"));

        var carried = ChangeRequest.Carry(current, proposed, [pending], ["preferredName"]);

        Assert.Equal(
            [("mobilePhone", "+61412345678", "+61499111222"), ("preferredName", null, "Avie")],
            carried.Select(Flat));
    }

    [Fact]
    public void An_edited_field_is_compared_with_todays_value_and_a_wish_that_is_todays_value_drops_out()
    {
        var pending = Request(Monday, ("mobilePhone", "+61412345678", "+61499111222"), ("preferredName", null, "Avie"));
        var current = Record(("mobilePhone", "+61400000000"), ("preferredName", null));
        var proposed = Record(("mobilePhone", "+61400000000"), ("preferredName", "Ava-Lee"));

        var carried = ChangeRequest.Carry(current, proposed, [pending], ["mobilePhone", "preferredName"]);

        Assert.Equal([("preferredName", null, "Ava-Lee")], carried.Select(Flat));
    }

    [Fact]
    public void The_first_pending_request_names_the_from_of_a_field_two_requests_carry()
    {
        var older = Request(Monday, ("preferredName", null, "Avie"));
        var newer = Request(Monday.AddHours(1), ("preferredName", "Avie", "Ava-Lee"));
        var current = Record(("preferredName", null));
        var proposed = Record(("preferredName", "Ava-Lee"));

        var carried = ChangeRequest.Carry(current, proposed, [older, newer], []);

        Assert.Equal([("preferredName", null, "Ava-Lee")], carried.Select(Flat));
    }

    [Fact]
    public void A_request_that_replaces_others_waits_since_the_oldest_and_supersedes_them()
    {
        var oldest = Request(Monday, ("preferredName", null, "Avie"));
        var later = Request(Monday.AddDays(1), ("mobilePhone", "+61412345678", "+61499111222"));
        var now = Monday.AddDays(2);

        var request = ChangeRequest.Submit(Practice, Patient, RecordPart.Profile, later.Changes, Patient, now, replacing: [later, oldest]);

        Assert.Equal(now, request.SubmittedAt);
        Assert.Equal(Monday, request.WaitingSince);
        Assert.Equal(ChangeRequestStatus.Pending, request.Status);
        Assert.All([oldest, later], replaced =>
        {
            Assert.Equal(ChangeRequestStatus.Superseded, replaced.Status);
            Assert.Equal(now, replaced.DecidedAt);
            Assert.Null(replaced.DecidedBy);
        });
    }

    [Fact]
    public void A_new_request_waits_since_it_was_submitted()
    {
        var request = ChangeRequest.Submit(Practice, Patient, RecordPart.Profile, [Change("preferredName", null, "Avie")], Patient, Monday);

        Assert.Equal(Monday, request.WaitingSince);
        Assert.Equal(Monday, request.SubmittedAt);
    }

    [Fact]
    public void Approval_applies_the_requested_values_and_records_who_decided()
    {
        var request = Request(Monday, ("mobilePhone", "+61412345678", "+61499111222"));
        var current = Record(("mobilePhone", "+61412345678"), ("preferredName", "Avie"));

        var approved = request.Approve(current, force: false, Practitioner, "Sam Lee", Monday.AddHours(2));

        Assert.True(approved.IsSuccess);
        Assert.Equal("+61499111222", (string?)approved.Value["mobilePhone"]);
        Assert.Equal("Avie", (string?)approved.Value["preferredName"]);
        Assert.Equal("+61412345678", (string?)current["mobilePhone"]);   // the current value is not changed in place
        Assert.Equal(ChangeRequestStatus.Approved, request.Status);
        Assert.Equal((Practitioner, "Sam Lee", Monday.AddHours(2)), (request.DecidedBy!.Value, request.DecidedByName!, request.DecidedAt!.Value));
        Assert.False(request.Forced);
        Assert.Null(request.Reason);
    }

    [Fact]
    public void Approval_refuses_a_request_whose_fields_changed_since_naming_them_and_decides_nothing()
    {
        var request = Request(Monday, ("mobilePhone", "+61412345678", "+61499111222"), ("preferredName", null, "Avie"));
        var current = Record(("mobilePhone", "+61400000000"), ("preferredName", null));

        var refused = request.Approve(current, force: false, Practitioner, "Sam Lee", Monday.AddHours(2));

        Assert.True(refused.IsFailure);
        Assert.Equal(ChangeRequestErrors.ConflictCode, refused.Error!.Code);
        Assert.Equal(["mobilePhone"], (IReadOnlyList<string>)refused.Error.Extensions!["fields"]!);
        Assert.Equal(["mobilePhone"], request.FieldsChangedSince(current));
        Assert.Equal(ChangeRequestStatus.Pending, request.Status);
        Assert.Null(request.DecidedAt);
    }

    [Fact]
    public void A_field_that_already_holds_the_value_asked_for_is_no_conflict()
    {
        // The practice made the same change meanwhile, or an approval interrupted after the keeping module applied it is made again.
        var request = Request(Monday, ("mobilePhone", "+61412345678", "+61499111222"));
        var current = Record(("mobilePhone", "+61499111222"));

        var approved = request.Approve(current, force: false, Practitioner, "Sam Lee", Monday.AddHours(2));

        Assert.True(approved.IsSuccess);
        Assert.Empty(request.FieldsChangedSince(current));
        Assert.False(request.Forced);
        Assert.Equal(ChangeRequestStatus.Approved, request.Status);
    }

    [Fact]
    public void Approval_with_force_applies_a_request_whose_fields_changed_since_and_says_so()
    {
        var request = Request(Monday, ("mobilePhone", "+61412345678", "+61499111222"));
        var current = Record(("mobilePhone", "+61400000000"));

        var approved = request.Approve(current, force: true, Practitioner, "Sam Lee", Monday.AddHours(2));

        Assert.True(approved.IsSuccess);
        Assert.Equal("+61499111222", (string?)approved.Value["mobilePhone"]);
        Assert.True(request.Forced);
        Assert.Equal(ChangeRequestStatus.Approved, request.Status);
    }

    [Fact]
    public void Force_on_a_request_nothing_changed_under_is_not_recorded_as_forced()
    {
        var request = Request(Monday, ("mobilePhone", "+61412345678", "+61499111222"));

        Assert.True(request.Approve(Record(("mobilePhone", "+61412345678")), force: true, Practitioner, "Sam Lee", Monday).IsSuccess);
        Assert.False(request.Forced);
    }

    [Fact]
    public void Rejection_keeps_the_reason_and_who_decided()
    {
        var request = Request(Monday, ("preferredName", null, "Avie"));

        Assert.True(request.Reject("Please call the front desk.", Practitioner, "Sam Lee", Monday.AddHours(1)).IsSuccess);

        Assert.Equal(ChangeRequestStatus.Rejected, request.Status);
        Assert.Equal("Please call the front desk.", request.Reason);
        Assert.Equal((Practitioner, "Sam Lee"), (request.DecidedBy!.Value, request.DecidedByName!));
    }

    [Fact]
    public void A_withdrawn_request_is_closed_without_a_decider()
    {
        var request = Request(Monday, ("preferredName", null, "Avie"));

        Assert.True(request.Withdraw(Monday.AddHours(1)).IsSuccess);

        Assert.Equal(ChangeRequestStatus.Withdrawn, request.Status);
        Assert.Equal(Monday.AddHours(1), request.DecidedAt);
        Assert.Null(request.DecidedBy);
    }

    [Theory]
    [InlineData("approve", "change-requests.already-decided")]
    [InlineData("reject", "change-requests.already-decided")]
    [InlineData("withdraw", "change-requests.withdrawn")]
    [InlineData("supersede", "change-requests.superseded")]
    public void Only_a_pending_request_can_be_decided_and_the_answer_says_what_became_of_it(string first, string code)
    {
        var request = Request(Monday, ("preferredName", null, "Avie"));
        var current = Record(("preferredName", null));
        switch (first)
        {
            case "approve": Assert.True(request.Approve(current, false, Practitioner, "Sam Lee", Monday).IsSuccess); break;
            case "reject": Assert.True(request.Reject("no", Practitioner, "Sam Lee", Monday).IsSuccess); break;
            case "withdraw": Assert.True(request.Withdraw(Monday).IsSuccess); break;
            default: ChangeRequest.Submit(Practice, Patient, RecordPart.Profile, request.Changes, Patient, Monday, replacing: [request]); break;
        }

        var status = request.Status;
        Assert.Equal(code, request.Approve(current, force: true, Practitioner, "Jo Other", Monday.AddDays(1)).Error!.Code);
        Assert.Equal(code, request.Reject("late", Practitioner, "Jo Other", Monday.AddDays(1)).Error!.Code);
        Assert.Equal(code, request.Withdraw(Monday.AddDays(1)).Error!.Code);
        Assert.Equal(status, request.Status);
        Assert.Equal(Monday, request.DecidedAt);
    }

    [Fact]
    public void A_request_asks_for_exactly_its_own_changes_in_any_order()
    {
        var request = Request(Monday, ("mobilePhone", "+61412345678", "+61499111222"), ("preferredName", null, "Avie"));

        Assert.True(request.AsksFor([Change("preferredName", null, "Avie"), Change("mobilePhone", "+61412345678", "+61499111222")]));
        Assert.False(request.AsksFor([Change("preferredName", null, "Avie")]));
        Assert.False(request.AsksFor([Change("preferredName", null, "Avie"), Change("mobilePhone", "+61400000000", "+61499111222")]));
    }

    [Fact]
    public void Under_auto_update_the_always_approved_fields_keep_their_current_value_and_the_rest_applies()
    {
        var part = new ProfilePart(Options.Create(new JsonOptions()), TimeProvider.System);
        var current = Record(("givenName", "Ava"), ("familyName", "Nguyen"), ("mobilePhone", "+61412345678"));
        var merged = Record(("givenName", "Eva"), ("familyName", "Nguyen"), ("mobilePhone", "+61499111222"));

        var byDefault = part.ApplicableAtOnce(current, merged, PortalSettingsSnapshot.Defaults);
        var approveNothing = part.ApplicableAtOnce(current, merged, PortalSettingsSnapshot.Defaults with { AlwaysApproveFields = FieldList.Empty });

        Assert.Equal("Ava", (string?)byDefault["givenName"]);
        Assert.Equal("+61499111222", (string?)byDefault["mobilePhone"]);
        Assert.Equal("Eva", (string?)merged["givenName"]);   // the merged value is not changed in place
        Assert.Equal(["dateOfBirth", "familyName", "givenName", "sex"], AlwaysApproved.Fields(RecordPart.Profile, PortalSettingsSnapshot.Defaults));
        Assert.Equal("Eva", (string?)approveNothing["givenName"]);
        Assert.Empty(AlwaysApproved.Fields(RecordPart.Profile, PortalSettingsSnapshot.Defaults with { AlwaysApproveFields = FieldList.Empty }));
    }

    private static JsonObject Record(params (string Field, string? Value)[] fields)
    {
        var record = new JsonObject();
        foreach (var (field, value) in fields)
        {
            record[field] = value is null ? null : JsonValue.Create(value);
        }

        return record;
    }

    private static FieldChange Change(string field, string? from, string? to) =>
        new(field, from is null ? null : JsonValue.Create(from), to is null ? null : JsonValue.Create(to));

    private static ChangeRequest Request(DateTimeOffset submittedAt, params (string Field, string? From, string? To)[] changes) =>
        ChangeRequest.Submit(Practice, Patient, RecordPart.Profile, changes.Select(c => Change(c.Field, c.From, c.To)).ToList(), Patient, submittedAt);

    private static (string Field, string? From, string? To) Flat(FieldChange change) =>
        (change.Field, (string?)change.From, (string?)change.To);
}
