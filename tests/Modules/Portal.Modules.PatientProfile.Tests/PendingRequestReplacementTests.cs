using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.PatientProfile.Tests;

/// <summary>
/// Under approval a patient has at most one pending request per part of the record: a new edit replaces it with one
/// that carries both, so the practice decides once, on the patient's latest wish.
/// </summary>
public sealed class PendingRequestReplacementTests : IAsyncLifetime
{
    private readonly PortalApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_second_edit_replaces_the_pending_request_with_one_that_carries_both()
    {
        using var ava = await _app.SignedInAvaAsync();
        var first = await ava.RequestChangeAsync(new { mobilePhone = "0499 111 222", preferredName = "Avie" });

        var second = await ava.RequestChangeAsync(new { preferredName = "Ava-Marie", address = new { line1 = "1 New St", suburb = "Glebe", state = "NSW", postcode = "2037" } });

        Assert.NotEqual(first, second);
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        var queue = await (await drLee.GetAsync("/api/practice/change-requests?status=pending")).JsonAsync();
        var pending = Assert.Single(queue.GetProperty("items").EnumerateArray());
        Assert.Equal(second, pending.GetProperty("id").GetGuid());
        var changes = pending.GetProperty("changes").EnumerateArray().ToDictionary(c => c.GetProperty("field").GetString()!);
        Assert.Equal(["address", "mobilePhone", "preferredName"], changes.Keys.Order());
        Assert.Equal("+61499111222", changes["mobilePhone"].GetProperty("to").GetString());        // kept from the first request
        Assert.Equal("Ava-Marie", changes["preferredName"].GetProperty("to").GetString());         // the latest wish wins
        Assert.Equal(JsonValueKind.Null, changes["preferredName"].GetProperty("from").ValueKind);   // "from" is today's record

        var mine = (await (await ava.GetAsync("/api/portal/change-requests")).JsonAsync()).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([("pending", second), ("superseded", first)],
            mine.Select(r => (r.GetProperty("status").GetString(), r.GetProperty("id").GetGuid())));

        await ProblemAssert.IsProblemAsync(await drLee.PostAsync($"/api/practice/change-requests/{first}/approve", null),
            HttpStatusCode.Conflict, "change-requests.superseded");
        await ProblemAssert.IsProblemAsync(await drLee.PostAsJsonAsync($"/api/practice/change-requests/{first}/reject", new { reason = "No" }),
            HttpStatusCode.Conflict, "change-requests.superseded");
        (await drLee.PostAsync($"/api/practice/change-requests/{second}/approve", null)).EnsureSuccessStatusCode();
        var profile = await (await ava.GetAsync("/api/portal/profile")).JsonAsync();
        Assert.Equal("+61499111222", profile.GetProperty("mobilePhone").GetString());
        Assert.Equal("Ava-Marie", profile.GetProperty("preferredName").GetString());
        Assert.Equal("Glebe", profile.GetProperty("address").GetProperty("suburb").GetString());
    }

    [Fact]
    public async Task Asking_for_the_same_change_again_keeps_the_pending_request_and_tells_nobody_twice()
    {
        using var ava = await _app.SignedInAvaAsync();
        var first = await ava.RequestChangeAsync(new { preferredName = "Avie" });

        var again = await ava.RequestChangeAsync(new { preferredName = "Avie" });

        Assert.Equal(first, again);
        await _app.RunMessagingAsync();
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        var notifications = await (await drLee.GetAsync("/api/practice/notifications")).JsonAsync();
        Assert.Single(notifications.GetProperty("items").EnumerateArray(), n => n.GetProperty("kind").GetString() == "profileChangePending");
        Assert.Single((await (await ava.GetAsync("/api/portal/change-requests")).JsonAsync()).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Practitioners_get_one_notification_per_waiting_change_not_one_per_edit()
    {
        using var ava = await _app.SignedInAvaAsync();
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        using var admin = await _app.SignedInClientAsync(DemoData.HarbourAdminEmail);
        await ava.RequestChangeAsync(new { preferredName = "Avie" });
        await _app.RunMessagingAsync();
        var adminsFirst = Assert.Single(await ChangeNotificationsAsync(admin));
        (await admin.PostAsync($"/api/practice/notifications/{adminsFirst.GetProperty("id").GetGuid()}/read", null)).EnsureSuccessStatusCode();

        await ava.RequestChangeAsync(new { mobilePhone = "0499 111 222" });
        await _app.RunMessagingAsync();

        var drLees = Assert.Single(await ChangeNotificationsAsync(drLee));   // unread: updated in place
        Assert.Equal("Ava Nguyen changed their request about their personal details (preferred name, mobile phone); it waits for approval.",
            drLees.GetProperty("summary").GetString());
        Assert.Equal(2, (await ChangeNotificationsAsync(admin)).Count);      // already read: the change is news
        Assert.Equal(JsonValueKind.Null, drLees.GetProperty("readAt").ValueKind);

        var today = await (await ava.GetAsync("/api/portal/profile")).JsonAsync();
        (await ava.PatchAsJsonAsync("/api/portal/profile", new { preferredName = (string?)null, mobilePhone = today.GetProperty("mobilePhone").GetString() }))
            .EnsureSuccessStatusCode();
        await _app.RunMessagingAsync();

        var withdrawn = Assert.Single(await ChangeNotificationsAsync(drLee));
        Assert.Equal("profileChangeWithdrawn", withdrawn.GetProperty("kind").GetString());
        Assert.Equal("Ava Nguyen withdrew their request about their personal details; nothing waits for approval.", withdrawn.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task Edits_relayed_together_still_leave_one_notification_that_tells_the_outcome()
    {
        using var ava = await _app.SignedInAvaAsync();
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        await ava.RequestChangeAsync(new { preferredName = "Avie" });
        await _app.RunMessagingAsync();

        // Three edits before the next relay: the second and third requests are closed by the time they are relayed.
        await ava.RequestChangeAsync(new { preferredName = "Ava-Marie" });
        await ava.RequestChangeAsync(new { mobilePhone = "0499 111 222" });
        var today = await (await ava.GetAsync("/api/portal/profile")).JsonAsync();
        (await ava.PatchAsJsonAsync("/api/portal/profile", new { preferredName = (string?)null, mobilePhone = today.GetProperty("mobilePhone").GetString() }))
            .EnsureSuccessStatusCode();
        await _app.RunMessagingAsync();

        var only = Assert.Single(await ChangeNotificationsAsync(drLee));
        Assert.Equal("profileChangeWithdrawn", only.GetProperty("kind").GetString());

        // Asking again after the withdrawal turns the same unread notification back into news.
        await ava.RequestChangeAsync(new { preferredName = "Avie" });
        await _app.RunMessagingAsync();
        var again = Assert.Single(await ChangeNotificationsAsync(drLee));
        Assert.Equal("profileChangePending", again.GetProperty("kind").GetString());
        Assert.StartsWith("Ava Nguyen asked to change their personal details (preferred name)", again.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_decided_before_its_notification_is_relayed_is_not_announced()
    {
        using var ava = await _app.SignedInAvaAsync();
        var requestId = await ava.RequestChangeAsync(new { preferredName = "Avie" });
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        (await drLee.PostAsync($"/api/practice/change-requests/{requestId}/approve", null)).EnsureSuccessStatusCode();

        await _app.RunMessagingAsync();

        Assert.Empty(await ChangeNotificationsAsync(drLee));
    }

    private static async Task<List<JsonElement>> ChangeNotificationsAsync(HttpClient practitioner) =>
        (await (await practitioner.GetAsync("/api/practice/notifications")).JsonAsync()).GetProperty("items").EnumerateArray()
        .Where(n => n.GetProperty("kind").GetString() is "profileChangePending" or "profileChangeWithdrawn").ToList();

    [Fact]
    public async Task Setting_a_field_back_withdraws_what_was_asked_for_it()
    {
        using var ava = await _app.SignedInAvaAsync();
        var both = await ava.RequestChangeAsync(new { preferredName = "Avie", mobilePhone = "0499 111 222" });
        var today = await (await ava.GetAsync("/api/portal/profile")).JsonAsync();

        var onlyPhone = await ava.RequestChangeAsync(new { preferredName = (string?)null });

        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        var pending = Assert.Single((await (await drLee.GetAsync("/api/practice/change-requests?status=pending")).JsonAsync()).GetProperty("items").EnumerateArray());
        Assert.Equal(onlyPhone, pending.GetProperty("id").GetGuid());
        Assert.Equal("mobilePhone", Assert.Single(pending.GetProperty("changes").EnumerateArray()).GetProperty("field").GetString());

        // Back to today's phone too: nothing is left to ask, so nothing waits and the record is as it was.
        using var nothingLeft = await ava.PatchAsJsonAsync("/api/portal/profile", new { mobilePhone = today.GetProperty("mobilePhone").GetString() });
        Assert.Equal(HttpStatusCode.OK, nothingLeft.StatusCode);
        Assert.Equal("withdrawn", (await nothingLeft.JsonAsync()).GetProperty("outcome").GetString());
        Assert.Equal(0, (await (await drLee.GetAsync("/api/practice/change-requests?status=pending")).JsonAsync()).GetProperty("total").GetInt32());
        var mine = (await (await ava.GetAsync("/api/portal/change-requests")).JsonAsync()).GetProperty("items").EnumerateArray()
            .Select(r => (r.GetProperty("id").GetGuid(), r.GetProperty("status").GetString()));
        Assert.Equal([(onlyPhone, "withdrawn"), (both, "superseded")], mine);
        Assert.Equal(today.GetProperty("version").GetInt32(), (await (await ava.GetAsync("/api/portal/profile")).JsonAsync()).GetProperty("version").GetInt32());
        await ProblemAssert.IsProblemAsync(await drLee.PostAsync($"/api/practice/change-requests/{onlyPhone}/approve", null),
            HttpStatusCode.Conflict, "change-requests.withdrawn");
        var none = await (await ava.GetAsync("/api/portal/change-requests?status=pending")).JsonAsync();
        Assert.Equal(0, none.GetProperty("total").GetInt32());
        await ProblemAssert.IsProblemAsync(await ava.GetAsync("/api/portal/change-requests?status=maybe"), HttpStatusCode.BadRequest, "validation.failed");
    }

    [Fact]
    public async Task A_patient_withdraws_a_waiting_request_with_a_command_and_nobody_can_decide_it_after()
    {
        using var ava = await _app.SignedInAvaAsync();
        var before = await (await ava.GetAsync("/api/portal/profile")).JsonAsync();
        var requestId = await ava.RequestChangeAsync(new { preferredName = "Avie", mobilePhone = "0499 111 222" });
        await _app.RunMessagingAsync();

        using var withdrawn = await ava.PostAsync($"/api/portal/change-requests/{requestId}/withdraw", null);

        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        var body = await withdrawn.JsonAsync();
        Assert.Equal("withdrawn", body.GetProperty("status").GetString());
        Assert.Equal(requestId, body.GetProperty("id").GetGuid());
        var after = await (await ava.GetAsync("/api/portal/profile")).JsonAsync();
        Assert.Equal(before.GetProperty("version").GetInt32(), after.GetProperty("version").GetInt32());   // the record is untouched
        Assert.Equal(before.GetProperty("mobilePhone").GetString(), after.GetProperty("mobilePhone").GetString());

        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        Assert.Equal(0, (await (await drLee.GetAsync("/api/practice/change-requests?status=pending")).JsonAsync()).GetProperty("total").GetInt32());
        await ProblemAssert.IsProblemAsync(await drLee.PostAsync($"/api/practice/change-requests/{requestId}/approve", null),
            HttpStatusCode.Conflict, "change-requests.withdrawn");
        await ProblemAssert.IsProblemAsync(await ava.PostAsync($"/api/portal/change-requests/{requestId}/withdraw", null),
            HttpStatusCode.Conflict, "change-requests.withdrawn");
        await _app.RunMessagingAsync();
        var told = Assert.Single(await ChangeNotificationsAsync(drLee));   // the colleagues' notification says so, updated in place
        Assert.Equal("profileChangeWithdrawn", told.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Withdrawing_is_the_patients_own_a_decided_request_stays_decided_and_others_ids_are_404()
    {
        using var ava = await _app.SignedInAvaAsync();
        var decided = await ava.RequestChangeAsync(new { preferredName = "Avie" });
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        (await drLee.PostAsync($"/api/practice/change-requests/{decided}/approve", null)).EnsureSuccessStatusCode();
        await ProblemAssert.IsProblemAsync(await ava.PostAsync($"/api/portal/change-requests/{decided}/withdraw", null),
            HttpStatusCode.Conflict, "change-requests.already-decided");

        var waiting = await ava.RequestChangeAsync(new { mobilePhone = "0499 111 222" });
        await ProblemAssert.IsProblemAsync(await drLee.PostAsync($"/api/portal/change-requests/{waiting}/withdraw", null),
            HttpStatusCode.Forbidden, "auth.forbidden");
        await ProblemAssert.IsProblemAsync(await ava.PostAsync($"/api/portal/change-requests/{Guid.NewGuid()}/withdraw", null),
            HttpStatusCode.NotFound, "change-requests.not-found");

        using var other = await _app.SignedInNoahAsync();
        await ProblemAssert.IsProblemAsync(await other.PostAsync($"/api/portal/change-requests/{waiting}/withdraw", null),
            HttpStatusCode.NotFound, "change-requests.not-found");
        Assert.Equal(1, (await (await drLee.GetAsync("/api/practice/change-requests?status=pending")).JsonAsync()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_wish_carried_into_a_new_request_still_names_what_the_practice_changed_since()
    {
        using var ava = await _app.SignedInAvaAsync();
        await ava.RequestChangeAsync(new { mobilePhone = "0499 111 222" });
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        var record = await (await drLee.GetAsync($"/api/practice/patients/{DemoPatients.AvaNguyenId}")).JsonAsync();
        (await drLee.PutAsJsonAsync($"/api/practice/patients/{DemoPatients.AvaNguyenId}",
            PracticeEditTests.WithChanges(record, ("mobilePhone", "0400 000 000")))).EnsureSuccessStatusCode();   // Ava rang the practice

        var carried = await ava.RequestChangeAsync(new { preferredName = "Avie" });

        var conflict = await ProblemAssert.IsProblemAsync(await drLee.PostAsync($"/api/practice/change-requests/{carried}/approve", null),
            HttpStatusCode.Conflict, "change-requests.conflict");
        Assert.Equal("mobilePhone", Assert.Single(conflict.GetProperty("fields").EnumerateArray()).GetString());
        var phone = (await (await drLee.GetAsync($"/api/practice/patients/{DemoPatients.AvaNguyenId}")).JsonAsync()).GetProperty("mobilePhone").GetString();
        Assert.Equal("+61400000000", phone);   // nothing overwritten without the practitioner choosing to
    }

    [Fact]
    public async Task A_replaced_request_keeps_its_place_in_the_queue_and_its_age_for_reminders()
    {
        _app.Settings["PatientProfile:ApprovalReminders:PendingLongerThan"] = "02:00:00";
        await _app.LinkPatientRecordAsync("noah@example.test", PortalPatients.NoahPassword, DemoPatients.NoahSmithId, DemoData.HarbourHealthId);
        DateTimeOffset firstAsked;
        using (var ava = await _app.SignedInAvaAsync())
        {
            firstAsked = await SubmittedAtAsync(ava, await ava.RequestChangeAsync(new { preferredName = "Avie" }));
        }

        _app.Clock.Advance(TimeSpan.FromMinutes(90));   // each step signs in again: access tokens expire on this clock too
        using (var noah = await _app.SignedInClientAsync("noah@example.test", PortalPatients.NoahPassword))
        {
            await noah.RequestChangeAsync(new { preferredName = "Noey" });
        }

        _app.Clock.Advance(TimeSpan.FromMinutes(20));
        Guid replacement;
        using (var ava = await _app.SignedInClientAsync("ava@example.test", PortalPatients.AvaPassword))
        {
            replacement = await ava.RequestChangeAsync(new { preferredName = "Ava-Marie" });
        }

        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        var queue = (await (await drLee.GetAsync("/api/practice/change-requests?status=pending")).JsonAsync()).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["Ava Nguyen", "Noah Smith"], queue.Select(r => r.GetProperty("patientName").GetString()));
        Assert.Equal(replacement, queue[0].GetProperty("id").GetGuid());
        Assert.Equal(firstAsked, queue[0].GetProperty("waitingSince").GetDateTimeOffset());
        Assert.True(queue[0].GetProperty("submittedAt").GetDateTimeOffset() > firstAsked);

        _app.Clock.Advance(TimeSpan.FromMinutes(15));   // Ava's wish: 2 h 5 min old; her newest edit 15 min; Noah's 35 min
        await _app.RunJobAsync("patient-profile.approval-reminders");
        await _app.RunMessagingAsync();
        using var anyone = _app.CreateClient();
        var mailbox = await (await anyone.GetAsync($"/api/dev/mailbox?to={Uri.EscapeDataString(DemoData.DrLeeEmail)}")).JsonAsync();
        var digest = Assert.Single(mailbox.EnumerateArray(), m => m.GetProperty("subject").GetString()!.Contains("waiting for approval", StringComparison.Ordinal));
        Assert.Equal("1 patient change is waiting for approval", digest.GetProperty("subject").GetString());
        Assert.Contains("Ava Nguyen: personal details", digest.GetProperty("body").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_part_of_the_record_keeps_its_own_pending_request()
    {
        using var ava = await _app.SignedInAvaAsync();
        var details = await ava.RequestChangeAsync(new { preferredName = "Avie" });

        var health = await ava.RequestChangeAsync(new { allergies = new[] { new { substance = "Penicillin", reaction = "Rash", severity = "moderate" } } }, "/api/portal/health-record");

        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        var pending = (await (await drLee.GetAsync("/api/practice/change-requests?status=pending")).JsonAsync()).GetProperty("items").EnumerateArray()
            .Select(r => r.GetProperty("id").GetGuid()).Order().ToList();
        Assert.Equal(new[] { details, health }.Order(), pending);
        var healthOnly = await (await ava.GetAsync("/api/portal/change-requests?subject=healthRecord")).JsonAsync();
        Assert.Equal(health, Assert.Single(healthOnly.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        await ProblemAssert.IsProblemAsync(await ava.GetAsync("/api/portal/change-requests?subject=notes"), HttpStatusCode.BadRequest, "validation.failed");
    }

    [Fact]
    public async Task A_patient_replacing_a_request_never_touches_another_patients_request()
    {
        using var ava = await _app.SignedInAvaAsync();
        await _app.LinkPatientRecordAsync("noah@example.test", PortalPatients.NoahPassword, DemoPatients.NoahSmithId, DemoData.HarbourHealthId);
        using var noah = await _app.SignedInClientAsync("noah@example.test", PortalPatients.NoahPassword);
        var noahsRequest = await noah.RequestChangeAsync(new { preferredName = "Noey" });

        await ava.RequestChangeAsync(new { preferredName = "Avie" });
        await ava.RequestChangeAsync(new { preferredName = "Ava-Marie" });

        var noahs = Assert.Single((await (await noah.GetAsync("/api/portal/change-requests")).JsonAsync()).GetProperty("items").EnumerateArray());
        Assert.Equal(noahsRequest, noahs.GetProperty("id").GetGuid());
        Assert.Equal("pending", noahs.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_new_edit_racing_an_approval_of_the_pending_request_ends_one_way_or_the_other_never_both()
    {
        using var ava = await _app.SignedInAvaAsync();
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        for (var round = 0; round < 5; round++)
        {
            var pending = await ava.RequestChangeAsync(new { preferredName = $"Avie {round}" });

            var answers = await Task.WhenAll(
                drLee.PostAsync($"/api/practice/change-requests/{pending}/approve", null),
                ava.PatchAsJsonAsync("/api/portal/profile", new { mobilePhone = $"0499 111 {200 + round}" }));
            var (approval, edit) = (answers[0], answers[1]);

            var old = (await (await ava.GetAsync("/api/portal/change-requests?pageSize=100")).JsonAsync()).GetProperty("items").EnumerateArray()
                .Single(r => r.GetProperty("id").GetGuid() == pending).GetProperty("status").GetString();
            if (old == "approved")
            {
                Assert.Equal(HttpStatusCode.OK, approval.StatusCode);
                if (edit.StatusCode != HttpStatusCode.Accepted)
                {
                    await ProblemAssert.IsProblemAsync(edit, HttpStatusCode.Conflict, "concurrency.conflict");   // asked to try again; nothing saved
                }

                var profile = await (await ava.GetAsync("/api/portal/profile")).JsonAsync();
                Assert.Equal($"Avie {round}", profile.GetProperty("preferredName").GetString());
            }
            else
            {
                Assert.Equal("superseded", old);
                Assert.Equal(HttpStatusCode.Accepted, edit.StatusCode);
                await ProblemAssert.IsProblemAsync(approval, HttpStatusCode.Conflict, "change-requests.superseded");
            }

            var queue = (await (await drLee.GetAsync("/api/practice/change-requests?status=pending")).JsonAsync()).GetProperty("items").EnumerateArray().ToList();
            Assert.True(queue.Count <= 1);
            foreach (var leftover in queue)
            {
                (await drLee.PostAsJsonAsync($"/api/practice/change-requests/{leftover.GetProperty("id").GetGuid()}/reject", new { reason = "Next round" }))
                    .EnsureSuccessStatusCode();
            }
        }
    }

    private static async Task<DateTimeOffset> SubmittedAtAsync(HttpClient patient, Guid requestId) =>
        (await (await patient.GetAsync("/api/portal/change-requests")).JsonAsync()).GetProperty("items").EnumerateArray()
        .Single(r => r.GetProperty("id").GetGuid() == requestId).GetProperty("submittedAt").GetDateTimeOffset();
}
