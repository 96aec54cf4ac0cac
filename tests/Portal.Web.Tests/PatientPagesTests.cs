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
/// The patients' server-rendered pages over HTTP against the real Host (in memory, fresh database): the session cookie,
/// what reaches the browser, anti-forgery, two-factor sign-in, sign-out, renewal, and the edits under each policy.
/// Each test has a practice and patient of its own.
/// </summary>
public sealed class PatientPagesTests(PortalApp app) : IClassFixture<PortalApp>
{
    private async Task<(TestPractice Practice, TestPatient Patient)> PatientWithAccountAsync()
    {
        var practice = await app.NewPracticeAsync();
        var patient = await practice.AddPatientAsync();
        await app.LinkPatientRecordAsync(patient.Email, TestPractice.Password, patient.Id, practice.Id);
        return (practice, patient);
    }

    [Fact]
    public async Task Signing_in_keeps_the_tokens_in_an_encrypted_http_only_lax_cookie_that_the_api_does_not_accept()
    {
        var (practice, patient) = await PatientWithAccountAsync();
        using var browser = new PageClient(app);

        await browser.SignInAsync(patient.Email, TestPractice.Password);

        Assert.Equal("Hello Ava", browser.Text("h1"));
        Assert.Contains(practice.Name, browser.Text("main"), StringComparison.Ordinal);
        var session = Assert.Single(browser.SetCookies, c => c.StartsWith(WebSession.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", session, StringComparison.OrdinalIgnoreCase);

        // The cookie holds the API's tokens, encrypted: neither appears in it, in a page, or in any cookie script can read.
        var tokens = TokensIn(session);
        Assert.NotNull(tokens.Access);
        foreach (var page in new[] { "/", "/details", "/health-record", "/account", "/access-log" })
        {
            await browser.OpenAsync(page);
            Assert.Equal(HttpStatusCode.OK, browser.Status);
            Assert.DoesNotContain(tokens.Access!, browser.Html, StringComparison.Ordinal);
            Assert.DoesNotContain(tokens.Refresh!, browser.Html, StringComparison.Ordinal);
        }

        Assert.All(browser.SetCookies, cookie =>
        {
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(tokens.Access!, cookie, StringComparison.Ordinal);
            Assert.DoesNotContain(tokens.Refresh!, cookie, StringComparison.Ordinal);
        });

        // The REST API keeps bearer tokens: the web session's cookie alone is no sign-in there (no cross-site forgery through it).
        using var withCookieOnly = app.CreateClient();
        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        me.Headers.Add("Cookie", session.Split(';')[0]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await withCookieOnly.SendAsync(me)).StatusCode);
    }

    [Fact]
    public async Task A_form_posted_without_the_anti_forgery_token_is_refused()
    {
        var (_, patient) = await PatientWithAccountAsync();
        using var browser = new PageClient(app);
        await browser.OpenAsync("/");

        await browser.PostRawAsync("/", new Dictionary<string, string>
        {
            ["_handler"] = "sign-in", ["Input.Email"] = patient.Email, ["Input.Password"] = TestPractice.Password,
        });

        Assert.Equal(HttpStatusCode.BadRequest, browser.Status);
        Assert.DoesNotContain(browser.SetCookies, c => c.StartsWith(WebSession.CookieName + "=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_password_is_said_and_nothing_is_signed_in()
    {
        var (_, patient) = await PatientWithAccountAsync();
        using var browser = new PageClient(app);
        await browser.OpenAsync("/details");

        await browser.SubmitAsync("sign-in", new Dictionary<string, string> { ["Input.Email"] = patient.Email, ["Input.Password"] = "not the password at all" });

        Assert.Contains("Not signed in.", browser.Text(".problem"), StringComparison.Ordinal);
        Assert.Null(browser.Page.QuerySelector("nav[aria-label=Main]"));
    }

    [Fact]
    public async Task With_two_factor_the_code_step_carries_the_password_only_encrypted_and_a_right_code_signs_in()
    {
        var (_, patient) = await PatientWithAccountAsync();
        using var api = await app.SignedInClientAsync(patient.Email, TestPractice.Password);
        var setup = (await (await api.PostAsJsonAsync("/api/me/two-factor/setup", new { currentPassword = TestPractice.Password }))
            .Content.ReadFromJsonAsync<Setup>(PortalClients.Json))!;
        (await api.PostAsJsonAsync("/api/me/two-factor/enable", new { code = Totp.Code(setup.SharedKey, app.Clock.GetUtcNow()), currentPassword = TestPractice.Password }))
            .EnsureSuccessStatusCode();
        app.Clock.Advance(TimeSpan.FromSeconds(31));   // a code is accepted once: the next one is of the next period
        using var browser = new PageClient(app);
        await browser.OpenAsync("/");

        await browser.SubmitAsync("sign-in", new Dictionary<string, string> { ["Input.Email"] = patient.Email, ["Input.Password"] = TestPractice.Password });

        Assert.True(browser.Page.QuerySelector("#code") is not null, browser.Html);
        Assert.DoesNotContain(TestPractice.Password, browser.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(patient.Email, browser.Html, StringComparison.Ordinal);
        await browser.SubmitAsync("sign-in", new Dictionary<string, string> { ["Input.Code"] = "000000" });
        Assert.NotNull(browser.Page.QuerySelector("#code"));   // a wrong code: asked again
        Assert.Contains("Not signed in.", browser.Text(".problem"), StringComparison.Ordinal);

        await browser.SubmitAsync("sign-in", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(setup.SharedKey, app.Clock.GetUtcNow()) });

        Assert.Equal("Hello Ava", browser.Text("h1"));
    }

    [Fact]
    public async Task Signing_out_ends_the_server_session_and_deletes_the_cookie()
    {
        var (_, patient) = await PatientWithAccountAsync();
        using var browser = new PageClient(app);
        await browser.SignInAsync(patient.Email, TestPractice.Password);
        var tokens = TokensIn(browser.SetCookies.Last(c => c.StartsWith(WebSession.CookieName + "=", StringComparison.Ordinal)));

        await browser.SubmitAsync("sign-out");

        Assert.NotNull(browser.Page.QuerySelector("#password"));   // back at sign-in
        Assert.Contains(browser.SetCookies, c => c.StartsWith(WebSession.CookieName + "=;", StringComparison.Ordinal) && c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));
        using var anonymous = app.CreateClient();
        using var refresh = await anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.Refresh });
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);   // the session's refresh token stopped working
    }

    [Fact]
    public async Task Near_its_end_the_access_token_is_renewed_before_the_page_renders_and_the_cookie_written_again()
    {
        var (_, patient) = await PatientWithAccountAsync();
        using var browser = new PageClient(app);
        await browser.SignInAsync(patient.Email, TestPractice.Password);
        var first = TokensIn(browser.SetCookies.Last(c => c.StartsWith(WebSession.CookieName + "=", StringComparison.Ordinal)));
        var cookies = browser.SetCookies.Count;

        app.Clock.Advance(TimeSpan.FromMinutes(14.5));
        await browser.OpenAsync("/details");

        Assert.Equal("My details", browser.Text("h1"));
        var renewed = Assert.Single(browser.SetCookies.Skip(cookies), c => c.StartsWith(WebSession.CookieName + "=", StringComparison.Ordinal));
        Assert.NotEqual(first.Refresh, TokensIn(renewed).Refresh);
    }

    [Fact]
    public async Task A_session_signed_out_on_another_device_lands_on_sign_in_and_loses_its_cookie()
    {
        var (_, patient) = await PatientWithAccountAsync();
        using var browser = new PageClient(app);
        await browser.SignInAsync(patient.Email, TestPractice.Password);
        using var other = await app.SignedInClientAsync(patient.Email, TestPractice.Password);
        var sessions = (await other.GetFromJsonAsync<List<Session>>("/api/me/sessions", PortalClients.Json))!;
        (await other.DeleteAsync($"/api/me/sessions/{sessions.Single(s => !s.Current).Id}")).EnsureSuccessStatusCode();

        await browser.OpenAsync("/details");

        Assert.NotNull(browser.Page.QuerySelector("#password"));
        Assert.Null(browser.Page.QuerySelector("#mobilePhone"));
        Assert.Contains(browser.SetCookies, c => c.StartsWith(WebSession.CookieName + "=;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Under_each_policy_the_details_page_says_what_happens_and_sends_only_what_changed()
    {
        var (practice, patient) = await PatientWithAccountAsync();
        using var browser = new PageClient(app);
        await browser.SignInAsync(patient.Email, TestPractice.Password, "/details");
        Assert.Contains($"sent to {practice.Name} for approval", browser.Text(".notice"), StringComparison.Ordinal);

        await browser.SubmitAsync("details", new Dictionary<string, string> { ["Input.Details.MobilePhone"] = "0499 111 222" });

        Assert.Contains($"Sent to {practice.Name} for approval", browser.Text("[role=status]"), StringComparison.Ordinal);
        Assert.Contains("Waiting for the practice", browser.Text(".requests"), StringComparison.Ordinal);
        Assert.Equal("+61499111222", browser.Page.QuerySelector("#mobilePhone")!.GetAttribute("value"));   // the form shows what was asked
        Assert.NotNull(browser.Page.QuerySelector("form input[name=_handler][value=withdraw-details]"));

        // Withdrawn: nothing waits any more, the form shows the record as it is.
        await browser.SubmitAsync("withdraw-details");
        Assert.Contains("Your request is withdrawn", browser.Text("[role=status]"), StringComparison.Ordinal);
        Assert.Equal("+61412345678", browser.Page.QuerySelector("#mobilePhone")!.GetAttribute("value"));

        // Auto update: saved at once.
        await practice.PutPortalSettingsAsync("autoUpdate");
        await browser.OpenAsync("/details");
        await browser.SubmitAsync("details", new Dictionary<string, string> { ["Input.Details.PreferredName"] = "Avie" });
        Assert.Contains("Saved.", browser.Text("[role=status]"), StringComparison.Ordinal);
        using var admin = await practice.SignedInAdminAsync();
        Assert.Equal("Avie", (await admin.GetFromJsonAsync<PreferredName>($"/api/practice/patients/{patient.Id}", PortalClients.Json))!.Value);

        // A field the API refuses: its message at the field.
        await browser.SubmitAsync("details", new Dictionary<string, string> { ["Input.Details.Email"] = "not-an-email" });
        Assert.NotNull(browser.Page.QuerySelector("#error-email"));
        Assert.Equal("true", browser.Page.QuerySelector("#email")!.GetAttribute("aria-invalid"));

        // Disabled: said before typing, and the form cannot be changed or sent.
        await practice.PutPortalSettingsAsync("disabled");
        await browser.OpenAsync("/details");
        Assert.Contains("does not accept changes online", browser.Text(".warning"), StringComparison.Ordinal);
        Assert.True(browser.Page.QuerySelector("form[aria-label='My details'] fieldset")!.HasAttribute("disabled"));
        Assert.Null(browser.Page.QuerySelector("form[aria-label='My details'] button[type=submit]"));
    }

    [Fact]
    public async Task The_health_record_adds_a_row_without_sending_then_sends_the_changed_list()
    {
        var (practice, patient) = await PatientWithAccountAsync();
        using var browser = new PageClient(app);
        await browser.SignInAsync(patient.Email, TestPractice.Password, "/health-record");
        var rows = browser.Page.QuerySelectorAll("input[id^=allergy]").Length;

        await browser.SubmitAsync("health-record", button: ("Input.Command", "add-allergies"));
        Assert.True(rows + 1 == browser.Page.QuerySelectorAll("input[id^=allergy]").Length, browser.Html + app.ServerErrors());
        Assert.Null(browser.Page.QuerySelector("[role=status]"));   // nothing sent yet

        await browser.SubmitAsync("health-record", new Dictionary<string, string>
        {
            [$"Input.Rows.Allergies[{rows}].Substance"] = "Peanuts", [$"Input.Rows.Allergies[{rows}].Severity"] = "severe",
        });

        Assert.Contains($"Sent to {practice.Name} for approval", browser.Text("[role=status]"), StringComparison.Ordinal);
        Assert.Equal("Peanuts", browser.Page.QuerySelector($"#allergy{rows}")!.GetAttribute("value"));   // the form builds on what was asked
        using var admin = await practice.SignedInAdminAsync();
        var pending = await admin.GetFromJsonAsync<PendingPage>($"/api/practice/change-requests?status=pending", PortalClients.Json);
        Assert.Equal("allergies", Assert.Single(Assert.Single(pending!.Items).Changes).Field);
    }

    [Fact]
    public async Task An_invitation_creates_the_account_signs_in_and_opens_the_portal()
    {
        var practice = await app.NewPracticeAsync();
        var patient = await practice.AddPatientAsync();
        using (var admin = await practice.SignedInAdminAsync())
        {
            (await admin.PostAsJsonAsync($"/api/practice/patients/{patient.Id}/invitations", new { })).EnsureSuccessStatusCode();
        }

        var token = await app.LatestInvitationTokenAsync(patient.Email);
        using var browser = new PageClient(app);
        await browser.OpenAsync($"/invite/{token}");
        Assert.Equal($"{practice.Name} invites you to its patient portal", browser.Text("h1"));

        await browser.SubmitAsync("create-account", new Dictionary<string, string> { ["Input.Password"] = "short", ["Input.Confirm"] = "short" });
        Assert.Contains("Too short", browser.Text("#error-password"), StringComparison.Ordinal);

        await browser.SubmitAsync("create-account", new Dictionary<string, string> { ["Input.Password"] = "Ava's own long passphrase", ["Input.Confirm"] = "Ava's own long passphrase" });

        Assert.Equal("Hello Ava", browser.Text("h1"));
        await browser.OpenAsync($"/invite/{token}");
        Assert.Equal("This invitation has already been used", browser.Text("h1"));
        await browser.OpenAsync("/invite/not-a-real-token");
        Assert.Equal("This invitation link is not valid", browser.Text("h1"));
    }

    [Fact]
    public async Task The_account_page_sets_up_two_factor_with_a_qr_code_without_the_password_in_the_page()
    {
        var (_, patient) = await PatientWithAccountAsync();
        using var browser = new PageClient(app);
        await browser.SignInAsync(patient.Email, TestPractice.Password, "/account");
        Assert.Contains("(this one)", browser.Text(".sessions"), StringComparison.Ordinal);

        await browser.SubmitAsync("two-factor-setup", new Dictionary<string, string> { ["Setup.Password"] = TestPractice.Password });

        Assert.NotNull(browser.Page.QuerySelector(".qr svg"));
        Assert.DoesNotContain(TestPractice.Password, browser.Html, StringComparison.Ordinal);
        var key = browser.Text("code.key");
        await browser.SubmitAsync("two-factor-on", new Dictionary<string, string> { ["Enable.Code"] = Totp.Code(key, app.Clock.GetUtcNow()) });
        Assert.Contains("Keep these recovery codes somewhere safe", browser.Text(".warning"), StringComparison.Ordinal);
        Assert.Equal(10, browser.Page.QuerySelectorAll(".codes li").Length);
        Assert.Contains("On: signing in asks for a code", browser.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_account_page_signs_out_another_device_and_changes_the_password()
    {
        var (_, patient) = await PatientWithAccountAsync();
        using var other = await app.SignedInClientAsync(patient.Email, TestPractice.Password);
        using var browser = new PageClient(app);
        await browser.SignInAsync(patient.Email, TestPractice.Password, "/account");
        var sessions = browser.Page.QuerySelectorAll(".sessions li");
        Assert.Equal(2, sessions.Length);
        var otherForm = browser.Page.QuerySelectorAll(".sessions form input[name=_handler]")
            .Select(i => i.GetAttribute("value")!).Single(v => v.StartsWith("end-session-", StringComparison.Ordinal));

        await browser.SubmitAsync(otherForm);

        Assert.Single(browser.Page.QuerySelectorAll(".sessions li"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/me")).StatusCode);   // that device is signed out

        await browser.SubmitAsync("change-password", new Dictionary<string, string> { ["Password.Current"] = "not my password at all", ["Password.New"] = "a new and long passphrase" });
        Assert.Contains("Password not changed.", browser.Text(".problem"), StringComparison.Ordinal);
        await browser.SubmitAsync("change-password", new Dictionary<string, string> { ["Password.Current"] = TestPractice.Password, ["Password.New"] = "a new and long passphrase" });
        Assert.Contains("Password changed.", browser.Text("[role=status]"), StringComparison.Ordinal);
        await browser.OpenAsync("/account");
        Assert.Equal("Account access", browser.Text("h1"));   // this browser stays signed in
    }

    [Fact]
    public async Task Forgot_password_asks_for_a_link_and_the_link_sets_a_new_password()
    {
        var (_, patient) = await PatientWithAccountAsync();
        using var browser = new PageClient(app);
        await browser.OpenAsync("/forgot-password");
        await browser.SubmitAsync("forgot-password", new Dictionary<string, string> { ["Input.Email"] = patient.Email });
        Assert.Contains($"If a portal account uses {patient.Email}", browser.Text("[role=status]"), StringComparison.Ordinal);

        await app.RunJobAsync(Jobs.OutboxRelay);   // the ask, then the email it queues
        await app.RunMessagingAsync();
        using var anonymous = app.CreateClient();
        var mail = (await anonymous.GetFromJsonAsync<List<MailboxEmail>>($"/api/dev/mailbox?to={Uri.EscapeDataString(patient.Email)}", PortalClients.Json))!;
        var link = System.Text.RegularExpressions.Regex.Match(mail.First(m => m.Body.Contains("/reset-password/", StringComparison.Ordinal)).Body, @"/reset-password/[A-Za-z0-9_-]+").Value;
        await browser.OpenAsync(link);
        Assert.Equal("Choose a new password", browser.Text("h1"));
        await browser.SubmitAsync("reset-password", new Dictionary<string, string> { ["Input.Password"] = "a brand new harbour passphrase", ["Input.Confirm"] = "a brand new harbour passphrase" });
        Assert.Equal("Your password is changed", browser.Text("h1"));
        await browser.OpenAsync(link);
        Assert.Equal("This link has already been used", browser.Text("h1"));
    }

    [Fact]
    public async Task Someone_with_an_account_signs_in_on_the_invitation_adds_the_practice_and_switches_between_records()
    {
        var (first, patient) = await PatientWithAccountAsync();
        var second = await app.NewPracticeAsync();
        var there = await second.AddPatientAsync(new
        {
            givenName = "Ava", familyName = "Nguyen", dateOfBirth = "1990-04-12", email = patient.Email,
        });
        using (var admin = await second.SignedInAdminAsync())
        {
            (await admin.PostAsJsonAsync($"/api/practice/patients/{there.Id}/invitations", new { })).EnsureSuccessStatusCode();
        }

        var token = await app.LatestInvitationTokenAsync(patient.Email);
        using var browser = new PageClient(app);
        await browser.OpenAsync($"/invite/{token}");
        Assert.Contains("You already have a portal account with this email", browser.Text("main"), StringComparison.Ordinal);
        Assert.Null(browser.Page.QuerySelector("#newPassword"));   // no second account for the same email

        await browser.SubmitAsync("sign-in", new Dictionary<string, string> { ["Input.Email"] = patient.Email, ["Input.Password"] = TestPractice.Password });
        Assert.Contains($"Add {second.Name} to my account", browser.Text("form button.primary"), StringComparison.Ordinal);
        await browser.SubmitAsync("link-account");

        Assert.Equal("Hello Ava", browser.Text("h1"));
        Assert.Contains(second.Name, browser.Text("#practices-heading + ul"), StringComparison.Ordinal);
        var shown = browser.Text(".patient-header .practice");
        var other = shown.Contains(first.Name, StringComparison.Ordinal) ? there.Id : patient.Id;
        await browser.SubmitAsync($"show-{other}");
        Assert.NotEqual(shown, browser.Text(".patient-header .practice"));   // every page now acts on the other record
        Assert.Contains(other == there.Id ? second.Name : first.Name, browser.Text(".patient-header .practice"), StringComparison.Ordinal);
    }

    /// <summary>What the session cookie holds, read as the Host reads it (with its key ring): a test may look inside, a browser cannot.</summary>
    private (string? Access, string? Refresh) TokensIn(string setCookie)
    {
        var value = setCookie.Split(';')[0][(WebSession.CookieName.Length + 1)..];
        var options = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(WebSession.Scheme);
        var ticket = options.TicketDataFormat.Unprotect(value);
        Assert.NotNull(ticket);
        return (ticket.Properties.GetTokenValue("access_token"), ticket.Properties.GetTokenValue("refresh_token"));
    }

    private sealed record Setup(string SharedKey);

    private sealed record Session(Guid Id, bool Current);

    private sealed record PreferredName([property: System.Text.Json.Serialization.JsonPropertyName("preferredName")] string? Value);

    private sealed record PendingPage(List<PendingItem> Items);

    private sealed record PendingItem(List<ChangedField> Changes);

    private sealed record ChangedField(string Field);
}
