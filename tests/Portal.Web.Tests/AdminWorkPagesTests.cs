using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Testing;
using Xunit;

namespace Portal.Web.Tests;

/// <summary>
/// The practitioners' work pages at /admin over HTTP against the real Host (in memory, fresh database), as
/// <see cref="AdminPagesTests"/> does for sign-in and the patients: approvals, settings, the account, notifications,
/// invitations, staff and the security log. Each test has a practice of its own.
/// </summary>
public sealed class AdminWorkPagesTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task A_conflicting_approval_names_the_fields_and_applies_only_when_asked_to_apply_anyway()
    {
        var practice = await app.NewPracticeAsync();
        var patient = await practice.AddPatientAsync();
        using (var ava = await practice.SignedInPatientAsync(patient))
        {
            (await ava.PatchAsJsonAsync("/api/portal/profile", new { mobilePhone = "+61499111222" })).EnsureSuccessStatusCode();
        }

        using var browser = new PageClient(app);
        await browser.SignInAsync(practice.AdminEmail, TestPractice.Password, "/admin/approvals");
        Assert.Equal("Patients' changes waiting for approval", browser.Text("h1"));
        Assert.Contains("+61499111222", browser.Text("table.diff"), StringComparison.Ordinal);
        Assert.Equal($"/admin/patients/{patient.Id}", browser.Page.QuerySelector("article h2 a")!.GetAttribute("href"));

        // The practice changes the same field meanwhile.
        await SetMobilePhoneAsync(practice, patient, "+61400000000");
        await browser.SubmitAsync($"approve-{await PendingIdAsync(practice)}", button: ("Decision.Force", "false"));

        Assert.Contains("The record changed since the patient asked", browser.Text(".warning"), StringComparison.Ordinal);
        Assert.Contains("now +61400000000", browser.Text(".warning"), StringComparison.Ordinal);
        Assert.Contains("(changed since)", browser.Text("table.diff"), StringComparison.Ordinal);
        Assert.Equal("+61400000000", await MobilePhoneAsync(practice, patient));   // nothing applied

        await browser.SubmitAsync($"approve-{await PendingIdAsync(practice)}", button: ("Decision.Force", "true"));

        Assert.Contains("Approved: Ava Nguyen's", browser.Text("[role=status]"), StringComparison.Ordinal);
        Assert.Equal("Nothing is waiting for approval.", browser.Text("main p.muted:last-of-type"));
        Assert.Equal("+61499111222", await MobilePhoneAsync(practice, patient));
    }

    [Fact]
    public async Task Rejecting_needs_a_reason_before_anything_is_sent_then_tells_the_patient()
    {
        var practice = await app.NewPracticeAsync();
        var patient = await practice.AddPatientAsync();
        using var ava = await practice.SignedInPatientAsync(patient);
        (await ava.PatchAsJsonAsync("/api/portal/health-record", new { allergies = new[] { new { substance = "Peanuts", reaction = "Rash", severity = "severe" } } }))
            .EnsureSuccessStatusCode();
        var id = await PendingIdAsync(practice);
        using var browser = new PageClient(app);
        await browser.SignInAsync(practice.AdminEmail, TestPractice.Password, "/admin/approvals");
        var row = browser.Page.QuerySelectorAll("table.diff tbody tr").Single();
        Assert.Contains("added", row.QuerySelector("th")!.TextContent, StringComparison.Ordinal);   // a list reads entry by entry
        Assert.Equal("Peanuts, Rash, severe", row.QuerySelector("td.to")!.TextContent.Trim());

        await browser.SubmitAsync($"reject-{id}", new Dictionary<string, string> { ["Decision.Reason"] = " " });

        Assert.Equal("Tell the patient why the change was not made.", browser.Text("#error-reason"));
        Assert.Equal("true", browser.Page.QuerySelector($"#reason-{id}")!.GetAttribute("aria-invalid"));
        Assert.Equal(id, await PendingIdAsync(practice));   // still waiting: nothing was sent

        await browser.SubmitAsync($"reject-{id}", new Dictionary<string, string> { ["Decision.Reason"] = "Please tell us at your next visit." });

        Assert.Contains("Rejected: Ava Nguyen's", browser.Text("[role=status]"), StringComparison.Ordinal);
        var mine = await ava.GetFromJsonAsync<JsonElement>("/api/portal/change-requests", PortalClients.Json);
        var decided = mine.GetProperty("items")[0];
        Assert.Equal("rejected", decided.GetProperty("status").GetString());
        Assert.Equal("Please tell us at your next visit.", decided.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_request_the_patient_replaced_meanwhile_reloads_the_queue_and_says_why()
    {
        var practice = await app.NewPracticeAsync();
        var patient = await practice.AddPatientAsync();
        using var ava = await practice.SignedInPatientAsync(patient);
        (await ava.PatchAsJsonAsync("/api/portal/profile", new { preferredName = "Avie" })).EnsureSuccessStatusCode();
        var first = await PendingIdAsync(practice);
        using var browser = new PageClient(app);
        await browser.SignInAsync(practice.AdminEmail, TestPractice.Password, "/admin/approvals");

        (await ava.PatchAsJsonAsync("/api/portal/profile", new { preferredName = "Aves" })).EnsureSuccessStatusCode();
        await browser.SubmitAsync($"approve-{first}", button: ("Decision.Force", "false"));

        Assert.Contains("Ava Nguyen replaced that request with a newer one", browser.Text("[role=status]"), StringComparison.Ordinal);
        Assert.Contains("Aves", browser.Text("table.diff"), StringComparison.Ordinal);   // the queue shows what waits now
        Assert.NotEqual(first, await PendingIdAsync(practice));
    }

    [Fact]
    public async Task A_plain_practitioner_sees_the_settings_read_only_without_their_history()
    {
        var practice = await app.NewPracticeAsync();
        var sam = await practice.AddPractitionerAsync();
        using var browser = new PageClient(app);
        await browser.SignInAsync(sam, TestPractice.Password, "/admin/settings");

        Assert.Contains("Only practice admins can change them", browser.Text(".warning"), StringComparison.Ordinal);
        Assert.True(browser.Page.QuerySelector("form[aria-label='Portal settings'] fieldset")!.HasAttribute("disabled"));
        Assert.Null(browser.Page.QuerySelector("button.primary"));
        Assert.True(browser.Page.QuerySelector("#updates-requireApproval")!.HasAttribute("checked"));
        Assert.DoesNotContain("Change history", browser.Html, StringComparison.Ordinal);
        Assert.Null(browser.Page.QuerySelector("nav[aria-label=Main] a[href='/admin/staff']"));
    }

    [Fact]
    public async Task An_admin_saves_with_the_etag_a_stale_form_saves_nothing_and_the_history_says_what_changed()
    {
        var practice = await app.NewPracticeAsync();
        using var browser = new PageClient(app);
        await browser.SignInAsync(practice.AdminEmail, TestPractice.Password, "/admin/settings");
        Assert.NotNull(browser.Page.QuerySelector("input[name='Input.ETag'][value]"));

        await practice.PutPortalSettingsAsync("autoUpdate");   // someone else, meanwhile
        await browser.SubmitAsync("settings", new Dictionary<string, string> { ["Input.PatientUpdates"] = "Disabled" });

        Assert.Contains("Someone else changed these settings", browser.Text(".problem"), StringComparison.Ordinal);
        Assert.Equal("autoUpdate", (await SettingsAsync(practice)).GetProperty("patientUpdates").GetString());

        await browser.OpenAsync("/admin/settings");
        Assert.True(browser.Page.QuerySelector("#updates-autoUpdate")!.HasAttribute("checked"));   // their version
        var approvedBefore = (await SettingsAsync(practice)).GetProperty("alwaysApproveFields").EnumerateArray().Select(f => f.GetString()).ToList();
        Assert.DoesNotContain("email", approvedBefore);
        await browser.SubmitAsync("settings", new Dictionary<string, string> { ["Input.PatientUpdates"] = "Disabled", ["Input.AlwaysApprove[email]"] = "true" });

        Assert.Equal("Saved. The settings apply to every practitioner now.", browser.Text("[role=status]"));
        var saved = await SettingsAsync(practice);
        Assert.Equal("disabled", saved.GetProperty("patientUpdates").GetString());
        Assert.True(saved.GetProperty("portalEnabled").GetBoolean());   // the boxes left as they were stay on
        Assert.Equal(approvedBefore.Append("email").Order(), saved.GetProperty("alwaysApproveFields").EnumerateArray().Select(f => f.GetString()).Order());
        Assert.True(browser.Page.QuerySelector("#approve-email")!.HasAttribute("checked"));
        Assert.Contains("patient updates: Disabled", browser.Text("table tbody tr"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notifications_are_listed_with_the_unread_count_in_the_menu_and_marking_read_lowers_it()
    {
        var practice = await app.NewPracticeAsync();
        var patient = await practice.AddPatientAsync();
        using (var ava = await practice.SignedInPatientAsync(patient))
        {
            (await ava.PatchAsJsonAsync("/api/portal/profile", new { preferredName = "Avie" })).EnsureSuccessStatusCode();
            (await ava.PatchAsJsonAsync("/api/portal/health-record", new { allergies = new[] { new { substance = "Peanuts", reaction = "Rash", severity = "severe" } } }))
                .EnsureSuccessStatusCode();
        }

        await app.RunMessagingAsync();
        using var browser = new PageClient(app);
        await browser.SignInAsync(practice.AdminEmail, TestPractice.Password, "/admin/notifications");
        var unread = browser.Page.QuerySelectorAll("ul.notifications li.unread").Length;
        Assert.True(unread >= 2, browser.Html);
        Assert.Equal($"{unread} unread", browser.Text("nav[aria-label=Main] a[href='/admin/notifications'] .badge"));
        Assert.NotNull(browser.Page.QuerySelector("ul.notifications a[href='/admin/approvals']"));

        var first = browser.Page.QuerySelector("ul.notifications li.unread input[name=_handler]")!.GetAttribute("value")!;
        await browser.SubmitAsync(first);
        Assert.Equal("/admin/notifications", browser.Path);
        Assert.Equal(unread - 1, browser.Page.QuerySelectorAll("ul.notifications li.unread").Length);
        Assert.Equal($"{unread - 1} unread", browser.Text("nav[aria-label=Main] a[href='/admin/notifications'] .badge"));

        await browser.SubmitAsync("read-all");

        Assert.Equal($"Marked {unread - 1} notification{(unread - 1 == 1 ? "" : "s")} as read.", browser.Text("[role=status]"));
        Assert.Empty(browser.Page.QuerySelectorAll("ul.notifications li.unread"));
        Assert.Null(browser.Page.QuerySelector("nav[aria-label=Main] .badge"));
        Assert.DoesNotContain("Mark all as read", browser.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invitations_are_listed_by_status_sent_again_withdrawn_after_confirming_and_sent_in_bulk()
    {
        var practice = await app.NewPracticeAsync();
        var invited = await practice.AddPatientAsync();
        var other = await practice.AddPatientAsync(new { givenName = "Noah", familyName = "Park", dateOfBirth = "1980-02-03", email = $"noah.{Guid.NewGuid():N}@patients.test" });
        using (var admin = await practice.SignedInAdminAsync())
        {
            (await admin.PostAsJsonAsync($"/api/practice/patients/{invited.Id}/invitations", new { })).EnsureSuccessStatusCode();
        }

        using var browser = new PageClient(app);
        await browser.SignInAsync(practice.AdminEmail, TestPractice.Password, "/admin/invitations");
        var row = Assert.Single(browser.Page.QuerySelectorAll("ul.invitations li"));
        Assert.Contains("Pending", row.TextContent, StringComparison.Ordinal);
        var id = row.QuerySelector("input[name=_handler][value^=resend-]")!.GetAttribute("value")!["resend-".Length..];

        await browser.SubmitAsync($"resend-{id}");
        Assert.Contains($"Sent again to {invited.Email}", browser.Text("[role=status]"), StringComparison.Ordinal);

        await browser.OpenAsync(browser.Page.QuerySelector("ul.invitations a[href*='confirm=']")!.GetAttribute("href")!);
        Assert.Contains("Withdraw the invitation to Ava Nguyen?", browser.Text("form.confirm"), StringComparison.Ordinal);
        await browser.SubmitAsync($"revoke-{id}");
        Assert.Contains("is withdrawn", browser.Text("[role=status]"), StringComparison.Ordinal);
        await browser.OpenAsync("/admin/invitations?status=revoked");
        Assert.Contains("Withdrawn", Assert.Single(browser.Page.QuerySelectorAll("ul.invitations li")).TextContent, StringComparison.Ordinal);
        await browser.OpenAsync("/admin/invitations?status=pending");
        Assert.Equal("No invitations here.", browser.Text("main p.muted"));

        await browser.SubmitAsync("bulk-find");
        Assert.Equal("This emails an invitation to 2 patients. Send them?", browser.Text("form p.warning"));   // Ava's withdrawn invitation counts as none
        await browser.SubmitAsync("bulk-start");

        Assert.True(browser.Path.StartsWith("/admin/invitations?bulk=", StringComparison.Ordinal), browser.Html);
        Assert.Contains("of 2", browser.Text("label[for=bulk-progress]"), StringComparison.Ordinal);
        await app.RunJobAsync("invitations.bulk-send");
        await browser.OpenAsync(browser.Path);
        Assert.Equal("Finished.", browser.Text("[role=status]"));
        await browser.OpenAsync("/admin/invitations?status=pending");
        Assert.Contains("Noah Park", browser.Text("ul.invitations"), StringComparison.Ordinal);
        Assert.Contains(browser.Page.QuerySelectorAll("ul.invitations a"), a => a.GetAttribute("href") == $"/admin/patients/{other.Id}");
    }

    [Fact]
    public async Task A_plain_practitioner_gets_no_staff_screen()
    {
        var practice = await app.NewPracticeAsync();
        var sam = await practice.AddPractitionerAsync();
        using var browser = new PageClient(app);
        await browser.SignInAsync(sam, TestPractice.Password, "/admin/staff");

        Assert.Equal("Only practice admins manage the practice's staff.", browser.Text("main p"));
        Assert.Null(browser.Page.QuerySelector("form[aria-labelledby=invite-heading]"));
        Assert.DoesNotContain(practice.AdminEmail, browser.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_invites_staff_withdraws_an_invitation_and_deactivates_after_confirming()
    {
        var practice = await app.NewPracticeAsync();
        var sam = await practice.AddPractitionerAsync();
        using var browser = new PageClient(app);
        await browser.SignInAsync(practice.AdminEmail, TestPractice.Password, "/admin/staff");
        Assert.Contains(sam, browser.Text("ul.staff"), StringComparison.Ordinal);

        await browser.SubmitAsync("invite-staff", new Dictionary<string, string> { ["Invite.GivenName"] = "Alex" });
        Assert.Equal("Enter an email address.", browser.Text("#error-email"));
        Assert.Equal("Alex", browser.Page.QuerySelector("#staffGivenName")!.GetAttribute("value"));   // what was typed stays

        var email = $"alex.{Guid.NewGuid():N}@staff.test";
        await browser.SubmitAsync("invite-staff", new Dictionary<string, string> { ["Invite.Email"] = email, ["Invite.PracticeAdmin"] = "true" });
        Assert.StartsWith($"Invitation sent to {email}", browser.Text("[role=status]"), StringComparison.Ordinal);
        var invitation = browser.Page.QuerySelectorAll("ul.staff li").Single(li => li.TextContent.Contains(email, StringComparison.Ordinal));
        Assert.Contains("Practice admin", invitation.TextContent, StringComparison.Ordinal);
        await browser.SubmitAsync(invitation.QuerySelector("input[name=_handler]")!.GetAttribute("value")!);
        Assert.Contains("was withdrawn", browser.Text("[role=status]"), StringComparison.Ordinal);
        Assert.Contains("Withdrawn", browser.Page.QuerySelectorAll("ul.staff li").Single(li => li.TextContent.Contains(email, StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);

        var samRow = browser.Page.QuerySelectorAll("ul.staff li[id^=staff-]").Single(li => li.TextContent.Contains(sam, StringComparison.Ordinal));
        await browser.OpenAsync(samRow.QuerySelector("a[href*='deactivate=']")!.GetAttribute("href")!);
        Assert.Contains("Deactivate Sam Lee?", browser.Text("form.confirm"), StringComparison.Ordinal);
        using (var samApi = await app.SignedInClientAsync(sam, TestPractice.Password))
        {
            Assert.Equal(HttpStatusCode.OK, (await samApi.GetAsync("/api/me")).StatusCode);   // nothing happened before confirming
        }

        await browser.SubmitAsync(browser.Page.QuerySelector("form.confirm input[name=_handler]")!.GetAttribute("value")!);
        Assert.Equal("Sam Lee was deactivated and signed out everywhere.", browser.Text("[role=status]"));
        using var login = await app.PostLoginAsync(sam, TestPractice.Password);
        Assert.NotEqual(HttpStatusCode.OK, login.StatusCode);

        // The practice's only admin cannot give up the role: the API's refusal is shown.
        var me = browser.Page.QuerySelectorAll("ul.staff li[id^=staff-]").Single(li => li.TextContent.Contains("(you)", StringComparison.Ordinal));
        await browser.SubmitAsync(me.QuerySelector("input[name=_handler][value^=role-]")!.GetAttribute("value")!);
        Assert.NotNull(browser.Page.QuerySelector(".problem"));
        Assert.Equal("Staff", browser.Text("h1"));
    }

    [Fact]
    public async Task The_security_log_says_what_happened_to_whom_from_where_and_by_whom()
    {
        var practice = await app.NewPracticeAsync();
        var sam = await practice.AddPractitionerAsync();
        using (await app.PostLoginAsync(sam, "not Sam's password at all"))
        {
        }

        using var browser = new PageClient(app);
        await browser.SignInAsync(practice.AdminEmail, TestPractice.Password, "/admin/security-log");

        Assert.Equal("Security log", browser.Text("h1"));
        var entries = browser.Page.QuerySelectorAll("ul.log li").Select(li => li.TextContent).ToList();
        Assert.Contains(entries, e => e.Contains("Failed sign-in attempt", StringComparison.Ordinal) && e.Contains($"Sam Lee ({sam})", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Contains("Staff member invited", StringComparison.Ordinal) && e.Contains($"by Pat Admin ({practice.AdminEmail})", StringComparison.Ordinal));
        Assert.NotNull(browser.Page.QuerySelector("nav[aria-label=Main] a[href='/admin/security-log']"));
    }

    [Fact]
    public async Task A_plain_practitioner_is_shown_the_refusal_not_an_empty_security_log()
    {
        var practice = await app.NewPracticeAsync();
        var sam = await practice.AddPractitionerAsync();
        using var browser = new PageClient(app);
        await browser.SignInAsync(sam, TestPractice.Password, "/admin/security-log");

        Assert.Contains("The security log could not be loaded.", browser.Text(".problem"), StringComparison.Ordinal);
        Assert.DoesNotContain("Nothing logged yet", browser.Html, StringComparison.Ordinal);
        Assert.Null(browser.Page.QuerySelector("nav[aria-label=Main] a[href='/admin/security-log']"));
    }

    private static async Task<Guid> PendingIdAsync(TestPractice practice)
    {
        using var admin = await practice.SignedInAdminAsync();
        var pending = await admin.GetFromJsonAsync<JsonElement>("/api/practice/change-requests?status=pending", PortalClients.Json);
        return pending.GetProperty("items")[0].GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> SettingsAsync(TestPractice practice)
    {
        using var admin = await practice.SignedInAdminAsync();
        return await admin.GetFromJsonAsync<JsonElement>("/api/practice/settings/portal", PortalClients.Json);
    }

    private static async Task<string?> MobilePhoneAsync(TestPractice practice, TestPatient patient)
    {
        using var admin = await practice.SignedInAdminAsync();
        return (await admin.GetFromJsonAsync<JsonElement>($"/api/practice/patients/{patient.Id}", PortalClients.Json)).GetProperty("mobilePhone").GetString();
    }

    private static async Task SetMobilePhoneAsync(TestPractice practice, TestPatient patient, string phone)
    {
        using var admin = await practice.SignedInAdminAsync();
        var current = await admin.GetFromJsonAsync<JsonElement>($"/api/practice/patients/{patient.Id}", PortalClients.Json);
        string[] editable = ["givenName", "familyName", "preferredName", "dateOfBirth", "sex", "email", "mobilePhone", "address", "emergencyContact", "version"];
        var body = current.EnumerateObject().Where(p => editable.Contains(p.Name)).ToDictionary(p => p.Name, p => p.Value);
        body["mobilePhone"] = JsonSerializer.SerializeToElement(phone);
        using var saved = await admin.PutAsJsonAsync($"/api/practice/patients/{patient.Id}", body);
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
    }
}
