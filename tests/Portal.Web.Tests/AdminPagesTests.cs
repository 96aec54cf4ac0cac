using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Testing;
using Portal.Web.Server.Session;
using Xunit;

namespace Portal.Web.Tests;

/// <summary>
/// The practitioners' server-rendered pages at /admin over HTTP against the real Host (in memory, fresh database), as
/// <see cref="PatientPagesTests"/> does for the patients' pages: sign-in (two-factor included) and sign-out with the
/// shared session cookie, anti-forgery, the patients list. Each test has a practice of its own.
/// </summary>
public sealed class AdminPagesTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task A_practitioner_signs_in_at_admin_and_no_token_reaches_the_page()
    {
        var practice = await app.NewPracticeAsync();
        using var browser = new PageClient(app);
        await browser.OpenAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, browser.Status);
        Assert.Equal("/admin/", browser.Page.QuerySelector("base")!.GetAttribute("href"));
        Assert.DoesNotContain("blazor.webassembly.js", browser.Html, StringComparison.Ordinal);

        await browser.SignInAsync(practice.AdminEmail, TestPractice.Password, "/admin");

        Assert.Equal("Patients", browser.Text("h1"));
        Assert.Contains(practice.Name, browser.Text(".sidebar"), StringComparison.Ordinal);
        var session = Assert.Single(browser.SetCookies, c => c.StartsWith(WebSession.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", session, StringComparison.OrdinalIgnoreCase);
        var tokens = TokensIn(session);
        await browser.OpenAsync("/admin");
        Assert.DoesNotContain(tokens.Access!, browser.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(tokens.Refresh!, browser.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_session_per_origin_a_practitioner_opening_the_patients_app_is_pointed_to_admin()
    {
        var practice = await app.NewPracticeAsync();
        using var browser = new PageClient(app);
        await browser.SignInAsync(practice.AdminEmail, TestPractice.Password, "/admin");

        await browser.OpenAsync("/");

        Assert.Equal("This is the patients' portal", browser.Text("h1"));
    }

    [Fact]
    public async Task A_patient_opening_admin_is_told_it_is_the_practices_app()
    {
        var practice = await app.NewPracticeAsync();
        var patient = await practice.AddPatientAsync();
        await app.LinkPatientRecordAsync(patient.Email, TestPractice.Password, patient.Id, practice.Id);
        using var browser = new PageClient(app);
        await browser.SignInAsync(patient.Email, TestPractice.Password);

        await browser.OpenAsync("/admin");

        Assert.Equal("This is the practice's app", browser.Text("h1"));
        Assert.DoesNotContain("Nguyen", browser.Html, StringComparison.Ordinal);   // no patient list
    }

    [Fact]
    public async Task A_form_posted_without_the_anti_forgery_token_is_refused()
    {
        var practice = await app.NewPracticeAsync();
        using var browser = new PageClient(app);
        await browser.OpenAsync("/admin");

        await browser.PostRawAsync("/admin", new Dictionary<string, string>
        {
            ["_handler"] = "sign-in", ["Input.Email"] = practice.AdminEmail, ["Input.Password"] = TestPractice.Password,
        });

        Assert.Equal(HttpStatusCode.BadRequest, browser.Status);
        Assert.DoesNotContain(browser.SetCookies, c => c.StartsWith(WebSession.CookieName + "=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_password_is_said_and_nothing_is_signed_in()
    {
        var practice = await app.NewPracticeAsync();
        using var browser = new PageClient(app);
        await browser.OpenAsync("/admin");

        await browser.SubmitAsync("sign-in", new Dictionary<string, string> { ["Input.Email"] = practice.AdminEmail, ["Input.Password"] = "not the password at all" });

        Assert.Contains("Not signed in.", browser.Text(".problem"), StringComparison.Ordinal);
        Assert.Null(browser.Page.QuerySelector("nav[aria-label=Main]"));
    }

    [Fact]
    public async Task With_two_factor_the_code_step_carries_the_password_only_encrypted_and_a_right_code_signs_in()
    {
        var practice = await app.NewPracticeAsync();
        using var api = await practice.SignedInAdminAsync();
        var setup = (await (await api.PostAsJsonAsync("/api/me/two-factor/setup", new { currentPassword = TestPractice.Password }))
            .Content.ReadFromJsonAsync<Setup>(PortalClients.Json))!;
        (await api.PostAsJsonAsync("/api/me/two-factor/enable", new { code = Totp.Code(setup.SharedKey, app.Clock.GetUtcNow()), currentPassword = TestPractice.Password }))
            .EnsureSuccessStatusCode();
        app.Clock.Advance(TimeSpan.FromSeconds(31));   // a code is accepted once: the next one is of the next period
        using var browser = new PageClient(app);
        await browser.OpenAsync("/admin");

        await browser.SubmitAsync("sign-in", new Dictionary<string, string> { ["Input.Email"] = practice.AdminEmail, ["Input.Password"] = TestPractice.Password });

        Assert.True(browser.Page.QuerySelector("#code") is not null, browser.Html);
        Assert.DoesNotContain(TestPractice.Password, browser.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(practice.AdminEmail, browser.Html, StringComparison.Ordinal);
        await browser.SubmitAsync("sign-in", new Dictionary<string, string> { ["Input.Code"] = "000000" });
        Assert.NotNull(browser.Page.QuerySelector("#code"));   // a wrong code: asked again

        await browser.SubmitAsync("sign-in", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(setup.SharedKey, app.Clock.GetUtcNow()) });

        Assert.Equal("Patients", browser.Text("h1"));
    }

    [Fact]
    public async Task Signing_out_ends_the_server_session_and_deletes_the_cookie()
    {
        var practice = await app.NewPracticeAsync();
        using var browser = new PageClient(app);
        await browser.SignInAsync(practice.AdminEmail, TestPractice.Password, "/admin");
        var tokens = TokensIn(browser.SetCookies.Last(c => c.StartsWith(WebSession.CookieName + "=", StringComparison.Ordinal)));

        await browser.SubmitAsync("admin-sign-out");

        Assert.Equal("/admin", browser.Path);
        Assert.NotNull(browser.Page.QuerySelector("#password"));   // back at sign-in
        Assert.Contains(browser.SetCookies, c => c.StartsWith(WebSession.CookieName + "=;", StringComparison.Ordinal) && c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));
        using var anonymous = app.CreateClient();
        using var refresh = await anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.Refresh });
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
    }

    [Fact]
    public async Task The_patients_list_searches_with_a_get_form_and_pages_with_links()
    {
        var practice = await app.NewPracticeAsync();
        var lee = await practice.AddPatientAsync(new { givenName = "Jordan", familyName = "Leeworth", dateOfBirth = "1985-01-02", email = "jordan@leeworth.test" });
        for (var i = 0; i < 25; i++)
        {
            await practice.AddPatientAsync();
        }

        using var browser = new PageClient(app);
        await browser.SignInAsync(practice.AdminEmail, TestPractice.Password, "/admin");

        Assert.Equal(25, browser.Page.QuerySelectorAll("tbody tr").Length);
        Assert.Contains("Page 1 of 2 (26 in all)", browser.Text(".pager"), StringComparison.Ordinal);
        var next = browser.Page.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!;
        await browser.OpenAsync(new Uri(new Uri("http://localhost/admin/"), next).PathAndQuery);
        Assert.Single(browser.Page.QuerySelectorAll("tbody tr"));

        await browser.OpenAsync("/admin?search=leeworth");

        var row = Assert.Single(browser.Page.QuerySelectorAll("tbody tr"));
        Assert.Equal($"/admin/patients/{lee.Id}", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Leeworth, Jordan", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Not invited", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("leeworth", browser.Page.QuerySelector("#search")!.GetAttribute("value"));

        await browser.OpenAsync("/admin?search=nobody-at-all");
        Assert.Equal("No patients match.", browser.Text("main p.muted"));
    }

    [Fact]
    public async Task Forgot_password_asks_for_a_link_and_the_admin_link_sets_a_new_password()
    {
        var practice = await app.NewPracticeAsync();
        using var browser = new PageClient(app);
        await browser.OpenAsync("/admin");
        Assert.Equal("/admin/forgot-password", browser.Page.QuerySelector("a[href$=forgot-password]")!.GetAttribute("href"));
        await browser.OpenAsync("/admin/forgot-password");
        await browser.SubmitAsync("forgot-password", new Dictionary<string, string> { ["Input.Email"] = practice.AdminEmail });
        Assert.Contains($"If an account uses {practice.AdminEmail}", browser.Text("[role=status]"), StringComparison.Ordinal);

        await app.RunJobAsync(Jobs.OutboxRelay);   // the ask, then the email it queues
        await app.RunMessagingAsync();
        using var anonymous = app.CreateClient();
        var mail = (await anonymous.GetFromJsonAsync<List<MailboxEmail>>($"/api/dev/mailbox?to={Uri.EscapeDataString(practice.AdminEmail)}", PortalClients.Json))!;
        var link = System.Text.RegularExpressions.Regex.Match(mail.First(m => m.Body.Contains("/reset-password/", StringComparison.Ordinal)).Body, @"/admin/reset-password/[A-Za-z0-9_-]+").Value;
        Assert.NotEmpty(link);   // a practitioner's link opens the admin app
        await browser.OpenAsync(link);
        Assert.Equal("Choose a new password", browser.Text("h1"));
        await browser.SubmitAsync("reset-password", new Dictionary<string, string> { ["Input.Password"] = "a brand new harbour passphrase", ["Input.Confirm"] = "a brand new harbour passphrase" });
        Assert.Equal("Your password is changed", browser.Text("h1"));
        await browser.OpenAsync(link);
        Assert.Equal("This link has already been used", browser.Text("h1"));

        await browser.SignInAsync(practice.AdminEmail, "a brand new harbour passphrase", "/admin");
        Assert.Equal("Patients", browser.Text("h1"));
    }

    [Fact]
    public async Task An_invited_practitioner_joins_on_the_emailed_page_is_signed_in_and_the_link_works_once()
    {
        var practice = await app.NewPracticeAsync();
        var email = $"alex.{Guid.NewGuid():N}@staff.test";
        using (var admin = await practice.SignedInAdminAsync())
        {
            (await admin.PostAsJsonAsync("/api/practice/staff/invitations", new { email, givenName = "Alex", familyName = "Park", practiceAdmin = false })).EnsureSuccessStatusCode();
        }

        await app.RunMessagingAsync();
        using var anonymous = app.CreateClient();
        var mail = (await anonymous.GetFromJsonAsync<List<MailboxEmail>>($"/api/dev/mailbox?to={Uri.EscapeDataString(email)}", PortalClients.Json))!;
        var link = System.Text.RegularExpressions.Regex.Match(mail[0].Body, @"/admin/join/[A-Za-z0-9_-]+").Value;
        using var browser = new PageClient(app);

        await browser.OpenAsync(link);
        Assert.Equal($"Join {practice.Name} on Portal", browser.Text("h1"));
        Assert.Equal("Alex", browser.Page.QuerySelector("#givenName")!.GetAttribute("value"));
        await browser.SubmitAsync("join", new Dictionary<string, string> { ["Input.Password"] = "short", ["Input.Confirm"] = "short" });
        Assert.Contains("Use at least 12 characters.", browser.Html, StringComparison.Ordinal);
        await browser.SubmitAsync("join", new Dictionary<string, string> { ["Input.Password"] = "a long staff passphrase", ["Input.Confirm"] = "a long staff passphrase" });

        Assert.Equal("/admin", browser.Path);
        Assert.Equal("Patients", browser.Text("h1"));
        Assert.Contains("Alex Park", browser.Text(".sidebar"), StringComparison.Ordinal);
        await browser.OpenAsync(link);
        Assert.Equal("This invitation has already been used", browser.Text("h1"));
    }

    [Fact]
    public async Task A_patients_details_are_edited_on_their_page_and_a_stale_form_saves_nothing()
    {
        var practice = await app.NewPracticeAsync();
        var patient = await practice.AddPatientAsync();
        using var browser = new PageClient(app);
        await browser.SignInAsync(practice.AdminEmail, TestPractice.Password, "/admin");
        await browser.OpenAsync("/admin");
        var href = browser.Page.QuerySelector("tbody a")!.GetAttribute("href")!;
        Assert.Equal($"/admin/patients/{patient.Id}", href);

        await browser.OpenAsync(href);

        Assert.StartsWith("Ava Nguyen", browser.Text("h1"), StringComparison.Ordinal);
        Assert.Equal("Nguyen", browser.Page.QuerySelector("#familyName")!.GetAttribute("value"));
        Assert.Equal("page", browser.Page.QuerySelector(".tabs a[aria-current]")!.GetAttribute("aria-current"));
        await browser.SubmitAsync("patient-details", new Dictionary<string, string> { ["Input.Details.PreferredName"] = "Avie" });
        Assert.Equal("Saved.", browser.Text("[role=status]"));
        Assert.Equal("Avie", browser.Page.QuerySelector("#preferredName")!.GetAttribute("value"));

        // Someone else saves meanwhile: this form's version is old, and nothing of it is saved.
        using (var admin = await practice.SignedInAdminAsync())
        {
            var current = (await admin.GetFromJsonAsync<VersionOnly>($"/api/practice/patients/{patient.Id}", PortalClients.Json))!;
            (await admin.PutAsJsonAsync($"/api/practice/patients/{patient.Id}", new
            {
                givenName = "Ava", familyName = "Nguyen", preferredName = "A", dateOfBirth = "1990-04-12", sex = "female", email = patient.Email,
                mobilePhone = "+61412345678", version = current.Version,
            })).EnsureSuccessStatusCode();
        }

        await browser.SubmitAsync("patient-details", new Dictionary<string, string> { ["Input.Details.PreferredName"] = "Mine" });

        Assert.Contains("Someone else saved this patient", browser.Text("[role=alert]"), StringComparison.Ordinal);
        await browser.OpenAsync(href);
        Assert.Equal("A", browser.Page.QuerySelector("#preferredName")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_patients_health_record_adds_rows_on_the_server_and_saves_them()
    {
        var practice = await app.NewPracticeAsync();
        var patient = await practice.AddPatientAsync();
        using var browser = new PageClient(app);
        await browser.SignInAsync(practice.AdminEmail, TestPractice.Password, "/admin");
        await browser.OpenAsync($"/admin/patients/{patient.Id}?tab=health-record");
        Assert.Equal("page", browser.Page.QuerySelector(".tabs a[href$='tab=health-record']")!.GetAttribute("aria-current"));
        Assert.Null(browser.Page.QuerySelector("#allergy0"));

        await browser.SubmitAsync("health-record", button: ("Input.Command", "add-allergies"));
        Assert.NotNull(browser.Page.QuerySelector("#allergy0"));
        await browser.SubmitAsync("health-record", new Dictionary<string, string> { ["Input.Rows.Allergies[0].Severity"] = "severe" });
        Assert.NotNull(browser.Page.QuerySelector("[id='error-allergies-0--substance']"));   // a row without its substance is not sent
        await browser.SubmitAsync("health-record", new Dictionary<string, string>
        {
            ["Input.Rows.Allergies[0].Substance"] = "Penicillin", ["Input.Rows.Allergies[0].Severity"] = "severe",
        });

        Assert.Equal("Saved.", browser.Text("[role=status]"));
        using var admin = await practice.SignedInAdminAsync();
        var record = (await admin.GetFromJsonAsync<AllergiesOnly>($"/api/practice/patients/{patient.Id}/health-record", PortalClients.Json))!;
        Assert.Equal("Penicillin", Assert.Single(record.Allergies).Substance);
    }

    [Fact]
    public async Task A_health_record_row_is_removed_on_the_server_and_a_stale_form_saves_nothing()
    {
        var practice = await app.NewPracticeAsync();
        var patient = await practice.AddPatientAsync();
        using (var admin = await practice.SignedInAdminAsync())
        {
            (await admin.PutAsJsonAsync($"/api/practice/patients/{patient.Id}/health-record", new
            {
                allergies = new[] { new { substance = "Penicillin", severity = "severe" } }, medications = Array.Empty<object>(),
                conditions = new[] { new { name = "Asthma", since = "2004" } }, version = 1,
            })).EnsureSuccessStatusCode();
        }

        using var browser = new PageClient(app);
        await browser.SignInAsync(practice.AdminEmail, TestPractice.Password, "/admin");
        await browser.OpenAsync($"/admin/patients/{patient.Id}?tab=health-record");
        Assert.Equal("Penicillin", browser.Page.QuerySelector("#allergy0")!.GetAttribute("value"));

        await browser.SubmitAsync("health-record", button: ("Input.Command", "remove-allergies-0"));
        Assert.Null(browser.Page.QuerySelector("#allergy0"));
        Assert.Equal("Asthma", browser.Page.QuerySelector("#condition0")!.GetAttribute("value"));   // the other lists stay as they were
        using (var admin = await practice.SignedInAdminAsync())
        {
            // Nothing is saved until "Save health record"; meanwhile someone else saves.
            var current = (await admin.GetFromJsonAsync<AllergiesAndVersion>($"/api/practice/patients/{patient.Id}/health-record", PortalClients.Json))!;
            Assert.Single(current.Allergies);
            (await admin.PutAsJsonAsync($"/api/practice/patients/{patient.Id}/health-record", new
            {
                allergies = new[] { new { substance = "Latex" } }, medications = Array.Empty<object>(), conditions = Array.Empty<object>(), version = current.Version,
            })).EnsureSuccessStatusCode();
        }

        await browser.SubmitAsync("health-record");

        Assert.Contains("Someone else saved this health record", browser.Text("[role=alert]"), StringComparison.Ordinal);
        using var check = await practice.SignedInAdminAsync();
        var record = (await check.GetFromJsonAsync<AllergiesAndVersion>($"/api/practice/patients/{patient.Id}/health-record", PortalClients.Json))!;
        Assert.Equal("Latex", Assert.Single(record.Allergies).Substance);
    }

    [Fact]
    public async Task A_patients_access_log_is_a_tab_that_lists_who_read_the_record()
    {
        var practice = await app.NewPracticeAsync();
        var patient = await practice.AddPatientAsync();
        using var browser = new PageClient(app);
        await browser.SignInAsync(practice.AdminEmail, TestPractice.Password, "/admin");
        await browser.OpenAsync($"/admin/patients/{patient.Id}");

        var tab = browser.Page.QuerySelectorAll(".tabs a").Single(a => a.TextContent == "Access log").GetAttribute("href")!;
        await browser.OpenAsync(tab);

        Assert.Null(browser.Page.QuerySelector("#familyName"));
        Assert.NotEmpty(browser.Page.QuerySelectorAll("tbody tr"));   // at least the reads of this very page
        Assert.Equal(HttpStatusCode.OK, browser.Status);
    }

    [Fact]
    public async Task A_patient_of_another_practice_is_not_shown()
    {
        var practice = await app.NewPracticeAsync();
        var other = await app.NewPracticeAsync();
        var theirs = await other.AddPatientAsync();
        using var browser = new PageClient(app);
        await browser.SignInAsync(practice.AdminEmail, TestPractice.Password, "/admin");

        await browser.OpenAsync($"/admin/patients/{theirs.Id}");

        Assert.Equal("Patient", browser.Text("h1"));
        Assert.NotNull(browser.Page.QuerySelector(".problem"));
        Assert.DoesNotContain("Nguyen", browser.Html, StringComparison.Ordinal);
    }

    private (string? Access, string? Refresh) TokensIn(string setCookie)
    {
        var value = setCookie.Split(';')[0][(WebSession.CookieName.Length + 1)..];
        var options = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(WebSession.Scheme);
        var ticket = options.TicketDataFormat.Unprotect(value);
        Assert.NotNull(ticket);
        return (ticket.Properties.GetTokenValue("access_token"), ticket.Properties.GetTokenValue("refresh_token"));
    }

    [Fact]
    public async Task Add_patient_is_a_form_on_the_patients_list_that_checks_the_fields_and_opens_the_new_patient()
    {
        var practice = await app.NewPracticeAsync();
        using var browser = new PageClient(app);
        await browser.SignInAsync(practice.AdminEmail, TestPractice.Password, "/admin");
        Assert.Null(browser.Page.QuerySelector("form[aria-labelledby=newPatientHeading]"));
        await browser.OpenAsync(browser.Page.QuerySelector("a.add-patient")!.GetAttribute("href")!);
        Assert.Equal("New patient", browser.Text("#newPatientHeading"));

        await browser.SubmitAsync("patient-new", new Dictionary<string, string> { ["New.GivenName"] = "Noor" });
        Assert.Equal("true", browser.Page.QuerySelector("#familyName")!.GetAttribute("aria-invalid"));
        Assert.NotNull(browser.Page.QuerySelector("#error-dateOfBirth"));
        Assert.Equal("Noor", browser.Page.QuerySelector("#givenName")!.GetAttribute("value"));   // what was typed stays
        using (var admin = await practice.SignedInAdminAsync())
        {
            Assert.Equal(0, (await admin.GetFromJsonAsync<PatientsTotal>("/api/practice/patients", PortalClients.Json))!.Total);   // nothing was sent
        }

        await browser.SubmitAsync("patient-new", new Dictionary<string, string>
        {
            ["New.GivenName"] = "Noor", ["New.FamilyName"] = "Haddad", ["New.DateOfBirth"] = "1979-08-30", ["New.Email"] = "noor@haddad.test",
        });

        Assert.StartsWith("/admin/patients/", browser.Path, StringComparison.Ordinal);
        Assert.StartsWith("Noor Haddad", browser.Text("h1"), StringComparison.Ordinal);
        Assert.Equal("Not invited", browser.Text("h1 .status"));
    }

    [Fact]
    public async Task The_portal_access_tab_invites_resends_and_revokes_and_the_header_follows_at_once()
    {
        var practice = await app.NewPracticeAsync();
        var patient = await practice.AddPatientAsync();
        using var browser = new PageClient(app);
        await browser.SignInAsync(practice.AdminEmail, TestPractice.Password, "/admin");
        await browser.OpenAsync($"/admin/patients/{patient.Id}?tab=portal-access");
        Assert.Equal("page", browser.Page.QuerySelector(".tabs a[href$='tab=portal-access']")!.GetAttribute("aria-current"));
        Assert.Equal("Not invited", browser.Text("h1 .status"));
        Assert.Equal(patient.Email, browser.Page.QuerySelector("#inviteEmail")!.GetAttribute("placeholder"));

        await browser.SubmitAsync("portal-invite", new Dictionary<string, string> { ["Invite.Message"] = "See you on the portal." });

        Assert.StartsWith($"Invitation sent to {patient.Email}.", browser.Text("[role=status]"), StringComparison.Ordinal);
        Assert.Equal("Invited", browser.Text("h1 .status"));   // the record's own status follows a moment later; the header does not wait
        Assert.Null(browser.Page.QuerySelector("form[aria-label='Invite to the portal']"));
        await browser.OpenAsync($"/admin/patients/{patient.Id}?tab=notes");
        Assert.Equal("Invited", browser.Text("h1 .status"));   // on the other tabs too
        await browser.OpenAsync($"/admin/patients/{patient.Id}?tab=portal-access");
        var resend = browser.Page.QuerySelector("button[name='Invitation.Command'][value^='resend:']")!.GetAttribute("value")!;
        var invitationId = Guid.Parse(resend["resend:".Length..]);

        await browser.SubmitAsync("portal-invitation", button: ("Invitation.Command", resend));
        Assert.Contains("A new invitation email is on its way", browser.Text("[role=status]"), StringComparison.Ordinal);
        await browser.SubmitAsync("portal-invitation", button: ("Invitation.Command", $"revoke:{invitationId}"));

        Assert.Contains("The invitation was revoked", browser.Text("[role=status]"), StringComparison.Ordinal);
        Assert.Equal("Not invited", browser.Text("h1 .status"));
        Assert.Equal("Revoked", browser.Text(".invitations .status"));
        Assert.NotNull(browser.Page.QuerySelector("form[aria-label='Invite to the portal']"));   // invite again
        using var admin = await practice.SignedInAdminAsync();
        var invitations = (await admin.GetFromJsonAsync<InvitationsOnly>($"/api/practice/invitations?patientId={patient.Id}", PortalClients.Json))!;
        Assert.Equal("revoked", Assert.Single(invitations.Items).Status);
    }

    [Fact]
    public async Task An_invitation_the_api_refuses_says_why_at_the_field()
    {
        var practice = await app.NewPracticeAsync();
        var patient = await practice.AddPatientAsync(new { givenName = "Kai", familyName = "Tan", dateOfBirth = "2001-02-03" });   // no email on record
        using var browser = new PageClient(app);
        await browser.SignInAsync(practice.AdminEmail, TestPractice.Password, "/admin");
        await browser.OpenAsync($"/admin/patients/{patient.Id}?tab=portal-access");

        await browser.SubmitAsync("portal-invite");

        Assert.NotNull(browser.Page.QuerySelector(".problem[role=alert]"));
        Assert.Null(browser.Page.QuerySelector(".notice[role=status]"));
        Assert.Equal("Not invited", browser.Text("h1 .status"));
    }

    [Fact]
    public async Task Removing_a_patients_portal_access_asks_first_then_offers_a_new_invitation()
    {
        var practice = await app.NewPracticeAsync();
        var patient = await practice.AddPatientAsync();
        using (var admin = await practice.SignedInAdminAsync())
        {
            (await admin.PostAsJsonAsync($"/api/practice/patients/{patient.Id}/invitations", new { })).EnsureSuccessStatusCode();
        }

        var token = await app.LatestInvitationTokenAsync(patient.Email);
        using (var anonymous = app.CreateClient())
        {
            (await anonymous.PostAsJsonAsync($"/api/invitations/{token}/accept", new { password = TestPractice.Password })).EnsureSuccessStatusCode();
        }

        await app.RunMessagingAsync();   // the record's status follows the accepted invitation's event
        using var browser = new PageClient(app);
        await browser.SignInAsync(practice.AdminEmail, TestPractice.Password, "/admin");
        await browser.OpenAsync($"/admin/patients/{patient.Id}?tab=portal-access");
        Assert.Equal("Uses the portal", browser.Text("h1 .status"));
        Assert.Null(browser.Page.QuerySelector("form[aria-label='Invite to the portal']"));

        await browser.SubmitAsync("portal-remove", button: ("Remove.Command", "ask"));
        Assert.Contains("Remove this patient's portal access?", browser.Text("#removeAccessQuestion"), StringComparison.Ordinal);
        using (var patientApi = await app.SignedInClientAsync(patient.Email, TestPractice.Password))
        {
            Assert.Equal(HttpStatusCode.OK, (await patientApi.GetAsync($"/api/portal/profile?patientId={patient.Id}")).StatusCode);   // nothing removed yet
        }

        await browser.SubmitAsync("portal-remove", button: ("Remove.Command", "remove"));

        Assert.Contains("Portal access removed", browser.Text("[role=status]"), StringComparison.Ordinal);
        Assert.Equal("Not invited", browser.Text("h1 .status"));
        Assert.NotNull(browser.Page.QuerySelector("form[aria-label='Invite to the portal']"));
        using var signedIn = await app.SignedInClientAsync(patient.Email, TestPractice.Password);
        Assert.NotEqual(HttpStatusCode.OK, (await signedIn.GetAsync($"/api/portal/profile?patientId={patient.Id}")).StatusCode);
    }

    [Fact]
    public async Task Notes_are_written_amended_by_their_author_and_say_who_read_them()
    {
        var practice = await app.NewPracticeAsync();
        var patient = await practice.AddPatientAsync();
        using var browser = new PageClient(app);
        await browser.SignInAsync(practice.AdminEmail, TestPractice.Password, "/admin");
        await browser.OpenAsync($"/admin/patients/{patient.Id}?tab=notes");
        Assert.Equal("No notes you can read.", browser.Text("section > p.muted"));

        await browser.SubmitAsync("note-new", new Dictionary<string, string> { ["New.Body"] = "  ", ["New.Visibility"] = "Group" });
        Assert.Equal("Write the note first.", browser.Text("#error-body"));
        Assert.Equal("true", browser.Page.QuerySelector("#noteBody")!.GetAttribute("aria-invalid"));
        await browser.SubmitAsync("note-new", new Dictionary<string, string> { ["New.Body"] = "Reviewed bloods.\nAll normal.", ["New.Visibility"] = "Private" });

        Assert.Equal("", browser.Text("#noteBody"));   // a fresh form once saved
        Assert.Equal("Reviewed bloods.\nAll normal.", browser.Text("article.note .body"));
        Assert.EndsWith("only the author", browser.Text("article.note .meta"), StringComparison.Ordinal);
        await browser.OpenAsync(browser.Page.QuerySelectorAll("article.note a").Single(a => a.TextContent.StartsWith("Amend", StringComparison.Ordinal)).GetAttribute("href")!);
        await browser.SubmitAsync("note-amend", new Dictionary<string, string> { ["Amend.Body"] = "" });
        Assert.Equal("Write the amendment first.", browser.Text("#error-amendment"));
        Assert.Equal("true", browser.Page.QuerySelector("form[aria-label='Amend the note'] textarea")!.GetAttribute("aria-invalid"));
        await browser.SubmitAsync("note-amend", new Dictionary<string, string> { ["Amend.Body"] = "Potassium slightly high." });

        Assert.Equal("Reviewed bloods.\nAll normal.", browser.Text("article.note > .body"));   // the original stays as written
        Assert.Equal("Potassium slightly high.", browser.Text("article.note .amendment .body"));
        Assert.Null(browser.Page.QuerySelector("form[aria-label='Amend the note']"));
        await browser.OpenAsync(browser.Page.QuerySelectorAll("article.note a").Single(a => a.TextContent.StartsWith("Who read this", StringComparison.Ordinal)).GetAttribute("href")!);
        Assert.All(browser.Page.QuerySelectorAll("article.note ul.readers li"), r => Assert.StartsWith("Pat Admin, ", r.TextContent, StringComparison.Ordinal));
        Assert.NotEmpty(browser.Page.QuerySelectorAll("article.note ul.readers li"));   // listing the notes counts as reading them
    }

    [Fact]
    public async Task Another_practitioners_notes_show_only_while_the_practice_shares_notes()
    {
        var practice = await app.NewPracticeAsync();
        var patient = await practice.AddPatientAsync();
        using (var browser = new PageClient(app))
        {
            await browser.SignInAsync(practice.AdminEmail, TestPractice.Password, "/admin");
            await browser.OpenAsync($"/admin/patients/{patient.Id}?tab=notes");
            await browser.SubmitAsync("note-new", new Dictionary<string, string> { ["New.Body"] = "For the practice.", ["New.Visibility"] = "Group" });
            await browser.SubmitAsync("note-new", new Dictionary<string, string> { ["New.Body"] = "Mine alone.", ["New.Visibility"] = "Private" });
            Assert.Equal(2, browser.Page.QuerySelectorAll("article.note").Length);
        }

        var colleague = await practice.AddPractitionerAsync();
        using var other = new PageClient(app);
        await other.SignInAsync(colleague, TestPractice.Password, "/admin");
        await other.OpenAsync($"/admin/patients/{patient.Id}?tab=notes");
        Assert.Empty(other.Page.QuerySelectorAll("article.note"));
        Assert.Contains("Note sharing is off", other.Text("#sharingOff"), StringComparison.Ordinal);

        await practice.PutPortalSettingsAsync(noteSharing: true);
        await other.OpenAsync($"/admin/patients/{patient.Id}?tab=notes");

        Assert.Null(other.Page.QuerySelector("#sharingOff"));
        var note = Assert.Single(other.Page.QuerySelectorAll("article.note"));
        Assert.Equal("For the practice.", note.QuerySelector(".body")!.TextContent);
        Assert.DoesNotContain(note.QuerySelectorAll("a"), a => a.TextContent.StartsWith("Amend", StringComparison.Ordinal));   // not the author
        Assert.DoesNotContain(note.QuerySelectorAll("a"), a => a.TextContent.StartsWith("Who read this", StringComparison.Ordinal));   // nor an admin
    }

    [Fact]
    public async Task The_history_shows_each_change_before_and_after_and_restores_after_confirming()
    {
        var practice = await app.NewPracticeAsync();
        var patient = await practice.AddPatientAsync();
        using var browser = new PageClient(app);
        await browser.SignInAsync(practice.AdminEmail, TestPractice.Password, "/admin");
        await browser.OpenAsync($"/admin/patients/{patient.Id}");
        await browser.SubmitAsync("patient-details", new Dictionary<string, string> { ["Input.Details.PreferredName"] = "Avie" });
        await browser.OpenAsync($"/admin/patients/{patient.Id}?tab=health-record");
        await browser.SubmitAsync("health-record", button: ("Input.Command", "add-allergies"));
        await browser.SubmitAsync("health-record", new Dictionary<string, string>
        {
            ["Input.Rows.Allergies[0].Substance"] = "Penicillin", ["Input.Rows.Allergies[0].Reaction"] = "Hives", ["Input.Rows.Allergies[0].Severity"] = "moderate",
        });

        await browser.OpenAsync($"/admin/patients/{patient.Id}?tab=history");

        Assert.Equal(2, browser.Page.QuerySelectorAll("ol.history > li").Length);
        Assert.Equal("page", browser.Page.QuerySelector(".filters a[aria-current]")!.GetAttribute("aria-current"));
        var allergy = browser.Page.QuerySelector("ol.history tr.entry")!;
        Assert.Equal("Penicillin, Hives, moderate", allergy.QuerySelector("td.to")!.TextContent);   // who recorded it is not shown
        Assert.Equal("added", allergy.QuerySelector(".status")!.TextContent);
        Assert.Contains("changed", browser.Page.QuerySelectorAll("ol.history > li > p").Last().TextContent, StringComparison.Ordinal);
        var preferred = browser.Page.QuerySelectorAll("ol.history > li").Last().QuerySelector("tbody tr")!;
        Assert.Equal("—", preferred.QuerySelector("td.from")!.TextContent);
        Assert.Equal("Avie", preferred.QuerySelector("td.to")!.TextContent);

        await browser.OpenAsync(browser.Page.QuerySelector(".filters a[href$='subject=profile']")!.GetAttribute("href")!);
        Assert.Single(browser.Page.QuerySelectorAll("ol.history > li"));
        await browser.OpenAsync(browser.Page.QuerySelector("ol.history > li a[href*='restore=']")!.GetAttribute("href")!);
        Assert.Contains("Bring back what the", browser.Text("#restore-question"), StringComparison.Ordinal);
        using (var admin = await practice.SignedInAdminAsync())
        {
            Assert.Equal("Avie", (await admin.GetFromJsonAsync<PreferredNameOnly>($"/api/practice/patients/{patient.Id}", PortalClients.Json))!.PreferredName);   // not before confirming
        }

        await browser.SubmitAsync("history-restore");

        Assert.StartsWith("Restored:", browser.Text("[role=status]"), StringComparison.Ordinal);
        Assert.Equal(2, browser.Page.QuerySelectorAll("ol.history > li").Length);   // the restore is a change in the history too
        Assert.Contains("restored", browser.Page.QuerySelector("ol.history > li > p")!.TextContent, StringComparison.Ordinal);
        using var check = await practice.SignedInAdminAsync();
        Assert.Null((await check.GetFromJsonAsync<PreferredNameOnly>($"/api/practice/patients/{patient.Id}", PortalClients.Json))!.PreferredName);

        // The same change again: that part already is as it was before it, and the refusal is said.
        await browser.OpenAsync(browser.Page.QuerySelector("ol.history > li:last-child a[href*='restore=']")!.GetAttribute("href")!);
        await browser.SubmitAsync("history-restore");
        Assert.StartsWith("Not restored.", browser.Text(".problem[role=alert]"), StringComparison.Ordinal);
        Assert.Null(browser.Page.QuerySelector(".notice[role=status]"));
    }

    private sealed record Setup(string SharedKey);

    private sealed record VersionOnly(int Version);

    private sealed record AllergiesOnly(List<AllergyOnly> Allergies);

    private sealed record AllergyOnly(string Substance);

    private sealed record AllergiesAndVersion(List<AllergyOnly> Allergies, int Version);

    private sealed record PatientsTotal(int Total);

    private sealed record InvitationsOnly(List<InvitationOnly> Items);

    private sealed record InvitationOnly(string Status);

    private sealed record PreferredNameOnly(string? PreferredName);
}
