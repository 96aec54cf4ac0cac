using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Data;
using Portal.Shared.Messaging;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Identity.Tests;

public sealed class SecurityLogTests(PortalAppAtClientAddresses app) : IClassFixture<PortalAppAtClientAddresses>
{
    private const string Address = "192.0.2.44";

    [Fact]
    public async Task Sign_ins_failures_and_lockouts_are_in_the_accounts_own_log_with_the_address()
    {
        var drLee = await NewPractitionerAsync();
        var drLeeId = await UserIdAsync(drLee);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var failed = await app.PostLoginFromAsync(Address, drLee, "Wrong-Secret-" + attempt);
        }

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var tokens = await SignInFromAsync(drLee);
        using var client = ClientFrom(tokens.AccessToken);

        var (raw, log) = await LogAsync(client, "/api/me/security-log");
        Assert.Equal(7, log.Total);
        var kinds = log.Items.Select(e => e.Kind).ToList();
        Assert.Equal("signInSucceeded", kinds[0]);
        Assert.Equal(5, kinds.Count(k => k == "signInFailed"));
        Assert.Equal(1, kinds.Count(k => k == "lockedOut"));
        Assert.All(log.Items, e => Assert.Equal(Address, e.RemoteAddress));
        Assert.All(log.Items, e => Assert.Equal(drLeeId, e.Account!.UserId));
        Assert.Equal(drLeeId, log.Items[0].Actor!.UserId);
        Assert.DoesNotContain("Wrong-Secret", raw, StringComparison.Ordinal);
        Assert.DoesNotContain(TestPractice.Password, raw, StringComparison.Ordinal);
        Assert.DoesNotContain(tokens.RefreshToken, raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sign_in_to_an_email_without_an_account_is_kept_with_the_email_tried_and_no_password()
    {
        var before = (await WithoutAccountAsync()).Select(e => e.Id).ToHashSet();
        using var failed = await app.PostLoginFromAsync(Address, "Nobody@Nowhere.test", "Typed-Secret-1");
        using var passwordInEmailBox = await app.PostLoginFromAsync(Address, "Typed-Secret-2", "Typed-Secret-3");

        var entries = (await WithoutAccountAsync()).Where(e => !before.Contains(e.Id)).ToList();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal(SecurityEventKind.SignInFailed, e.Kind));
        Assert.All(entries, e => Assert.Equal(Address, e.RemoteAddress));
        Assert.Contains(entries, e => e.Email == "Nobody@Nowhere.test");
        Assert.DoesNotContain(entries, e => (e.Email + e.Detail).Contains("Typed-Secret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Password_two_factor_and_session_changes_are_logged_and_ended_sessions_name_their_reason()
    {
        var adminEmail = (await app.NewPracticeAsync()).AdminEmail;
        var other = await SignInFromAsync(adminEmail);
        var tokens = await SignInFromAsync(adminEmail);
        using var client = ClientFrom(tokens.AccessToken);

        var setup = (await (await client.PostAsJsonAsync("/api/me/two-factor/setup", new { currentPassword = TestPractice.Password })).Content.ReadFromJsonAsync<Setup>(PortalClients.Json))!;
        var key = setup.SharedKey;
        (await client.PostAsJsonAsync("/api/me/two-factor/enable", new { code = Totp.Code(key, app.Clock.GetUtcNow()), currentPassword = TestPractice.Password })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/api/me/two-factor/recovery-codes", new { currentPassword = TestPractice.Password })).EnsureSuccessStatusCode();
        (await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/me/two-factor") { Content = JsonContent.Create(new { currentPassword = TestPractice.Password }) })).EnsureSuccessStatusCode();
        var third = await SignInFromAsync(adminEmail);
        (await client.PostAsJsonAsync("/api/me/password", new { currentPassword = TestPractice.Password, newPassword = "Another-Long-Passphrase" })).EnsureSuccessStatusCode();
        var fourth = await SignInFromAsync(adminEmail, "Another-Long-Passphrase");
        var fourthSession = (await ClientFrom(fourth.AccessToken).GetFromJsonAsync<List<Session>>("/api/me/sessions", PortalClients.Json))!
            .Single(s => s.Current).Id;
        (await client.DeleteAsync($"/api/me/sessions/{fourthSession}")).EnsureSuccessStatusCode();
        (await client.PostAsync("/api/auth/logout", null)).EnsureSuccessStatusCode();

        using var own = await ClientFrom(fourth.AccessToken).GetAsync("/api/me/security-log?pageSize=200");
        Assert.Equal(HttpStatusCode.Unauthorized, own.StatusCode);   // the fourth session was ended
        var newest = await SignInFromAsync(adminEmail, "Another-Long-Passphrase");
        var (raw, page) = await LogAsync(ClientFrom(newest.AccessToken), "/api/me/security-log?pageSize=200");
        var log = page.Items;
        var kinds = log.Select(e => e.Kind).ToList();
        Assert.Contains("twoFactorEnabled", kinds);
        Assert.Contains("recoveryCodesRegenerated", kinds);
        Assert.Contains("twoFactorDisabled", kinds);
        Assert.Contains("passwordChanged", kinds);
        var revocations = log.Where(e => e.Kind == "sessionRevoked").Select(e => e.Detail!).ToList();
        Assert.Single(revocations, d => d.StartsWith("two-factor-enabled", StringComparison.Ordinal));   // the first other session
        Assert.Single(revocations, d => d.StartsWith("password-changed", StringComparison.Ordinal));     // the third
        Assert.Single(revocations, d => d.StartsWith("revoked-by-user", StringComparison.Ordinal));      // the fourth
        Assert.Single(revocations, d => d.StartsWith("logout", StringComparison.Ordinal));
        Assert.DoesNotContain("Another-Long-Passphrase", raw, StringComparison.Ordinal);
        _ = other;
        _ = third;
    }

    [Fact]
    public async Task A_reused_refresh_token_ending_the_session_is_logged_without_an_actor()
    {
        var drLee = await NewPractitionerAsync();
        var tokens = await SignInFromAsync(drLee);
        using var anonymous = app.ClientAt(Address);
        (await anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken })).EnsureSuccessStatusCode();
        using var reuse = await anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken });
        Assert.Equal(HttpStatusCode.Unauthorized, reuse.StatusCode);

        var fresh = await SignInFromAsync(drLee);
        var (raw, log) = await LogAsync(ClientFrom(fresh.AccessToken), "/api/me/security-log");
        var revoked = Assert.Single(log.Items, e => e.Kind == "sessionRevoked");
        Assert.StartsWith("refresh-token-reused", revoked.Detail);
        Assert.Null(revoked.Actor);
        Assert.Contains("\"actor\":null", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_practice_log_shows_its_staff_and_its_events_never_another_groups_and_only_to_its_admins()
    {
        var harbour = await app.NewPracticeAsync();
        var drLee = await harbour.AddPractitionerAsync();
        var drLeeId = await UserIdAsync(drLee);
        var harbourAdminId = await UserIdAsync(harbour.AdminEmail);
        var summit = await app.NewPracticeAsync();
        var summitAdminId = await UserIdAsync(summit.AdminEmail);
        await SignInFromAsync(drLee);
        await SignInFromAsync(summit.AdminEmail);
        using var wrong = await app.PostLoginFromAsync(Address, summit.AdminEmail, "summit-wrong-password");
        var ownEvent = Event(SecurityEventKind.InvitationToOtherAddress, harbour.Id, "Invitation for patient 12 sent to other@example.test", actorId: harbourAdminId);
        var otherEvent = Event(SecurityEventKind.PatientUnlinked, summit.Id, "Summit unlinked a patient", actorId: summitAdminId);
        await ConsumeAsync(ownEvent);
        await ConsumeAsync(otherEvent);

        var admin = await SignInFromAsync(harbour.AdminEmail);
        var (_, log) = await LogAsync(ClientFrom(admin.AccessToken), "/api/practice/security-log?pageSize=200");
        var items = log.Items;
        Assert.Equal(items.Count, log.Total);
        Assert.Contains(items, e => e.Kind == "signInSucceeded" && e.Account?.UserId == drLeeId);
        Assert.Contains(items, e => e.Kind == "signInSucceeded" && e.Account?.UserId == harbourAdminId);
        var invitation = Assert.Single(items, e => e.Id == ownEvent.EventId);
        Assert.Equal("invitationToOtherAddress", invitation.Kind);
        Assert.Equal(harbourAdminId, invitation.Actor!.UserId);
        Assert.DoesNotContain(items, e => e.Id == otherEvent.EventId);
        Assert.DoesNotContain(items, e => e.Account?.UserId == summitAdminId);

        using var practitioner = ClientFrom((await SignInFromAsync(drLee)).AccessToken);
        using var forbidden = await practitioner.GetAsync("/api/practice/security-log");
        await ProblemAssert.IsProblemAsync(forbidden, HttpStatusCode.Forbidden, "auth.forbidden");
        using var anonymous = app.CreateClient();
        using var unauthenticated = await anonymous.GetAsync("/api/me/security-log");
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);

        var patientEmail = $"log.patient.{Guid.NewGuid():N}@example.test";
        await using var scope = app.Services.CreateAsyncScope();
        var identity = scope.ServiceProvider.GetRequiredService<IIdentityApi>();
        await identity.CreatePatientAccountAsync(new NewPatientAccount(patientEmail, "Patient-Password-2026", "Log", "Patient"), default);
        using var patient = ClientFrom((await SignInFromAsync(patientEmail, "Patient-Password-2026")).AccessToken);
        using var patientForbidden = await patient.GetAsync("/api/practice/security-log");
        Assert.Equal(HttpStatusCode.Forbidden, patientForbidden.StatusCode);
        var (_, patientOwn) = await LogAsync(patient, "/api/me/security-log");
        Assert.Equal("signInSucceeded", Assert.Single(patientOwn.Items).Kind);
    }

    [Fact]
    public async Task An_event_delivered_twice_is_kept_once_and_one_naming_only_a_staff_account_goes_to_its_group()
    {
        var practice = await app.NewPracticeAsync();
        var drLee = await practice.AddPractitionerAsync();
        var drLeeId = await UserIdAsync(drLee);
        var securityEvent = Event(SecurityEventKind.StaffRolesChanged, practiceGroupId: null, "Roles changed to practitioner", accountId: drLeeId, actorId: await UserIdAsync(practice.AdminEmail));
        await ConsumeAsync(securityEvent);
        await ConsumeAsync(securityEvent);

        var admin = await SignInFromAsync(practice.AdminEmail);
        var (_, log) = await LogAsync(ClientFrom(admin.AccessToken), "/api/practice/security-log?pageSize=200");
        var entry = Assert.Single(log.Items, e => e.Kind == "staffRolesChanged");
        Assert.Equal(drLeeId, entry.Account!.UserId);
        Assert.Equal("Roles changed to practitioner", entry.Detail);
        Assert.Equal("198.51.100.9", entry.RemoteAddress);

        var lee = await SignInFromAsync(drLee);
        Assert.Contains((await LogAsync(ClientFrom(lee.AccessToken), "/api/me/security-log")).Page.Items, e => e.Id == securityEvent.EventId);
    }

    [Fact]
    public async Task In_a_patients_own_log_the_practitioner_who_acted_is_named_without_their_email_or_address()
    {
        var practice = await app.NewPracticeAsync();
        var adminId = await UserIdAsync(practice.AdminEmail);
        var patientEmail = $"own.log.{Guid.NewGuid():N}@example.test";
        await using var scope = app.Services.CreateAsyncScope();
        var identity = scope.ServiceProvider.GetRequiredService<IIdentityApi>();
        var account = await identity.CreatePatientAccountAsync(new NewPatientAccount(patientEmail, "Patient-Password-2026", "Own", "Log"), default);
        var unlinked = Event(SecurityEventKind.PatientUnlinked, practice.Id, "Portal access removed", accountId: account.Value, actorId: adminId);
        await ConsumeAsync(unlinked);

        var patient = await SignInFromAsync(patientEmail, "Patient-Password-2026");
        var (raw, own) = await LogAsync(ClientFrom(patient.AccessToken), "/api/me/security-log");
        var entry = Assert.Single(own.Items, e => e.Id == unlinked.EventId);
        var actor = entry.Actor!;
        Assert.Equal(adminId, actor.UserId);
        Assert.False(string.IsNullOrEmpty(actor.Name));
        Assert.Null(actor.Email);
        Assert.Null(entry.RemoteAddress);
        Assert.DoesNotContain(practice.AdminEmail, raw, StringComparison.Ordinal);
        Assert.DoesNotContain("198.51.100.9", raw, StringComparison.Ordinal);

        // The practice's own log keeps both.
        var admin = await SignInFromAsync(practice.AdminEmail);
        var practiceEntry = Assert.Single((await LogAsync(ClientFrom(admin.AccessToken), "/api/practice/security-log?pageSize=200")).Page.Items, e => e.Id == unlinked.EventId);
        Assert.Equal(practice.AdminEmail, practiceEntry.Actor!.Email);
        Assert.Equal("198.51.100.9", practiceEntry.RemoteAddress);
    }

    [Fact]
    public async Task The_log_is_paged_newest_first()
    {
        var adminEmail = (await app.NewPracticeAsync()).AdminEmail;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await SignInFromAsync(adminEmail);
            app.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var tokens = await SignInFromAsync(adminEmail);
        using var client = ClientFrom(tokens.AccessToken);
        var (_, first) = await LogAsync(client, "/api/me/security-log?page=1&pageSize=3");
        var (_, second) = await LogAsync(client, "/api/me/security-log?page=2&pageSize=3");

        Assert.Equal(4, first.Total);
        Assert.Equal(3, first.Items.Count);
        var last = Assert.Single(second.Items);
        Assert.True(first.Items[2].OccurredAt > last.OccurredAt);
    }

    private static SecurityEventOccurred Event(SecurityEventKind kind, Guid? practiceGroupId, string detail, Guid? accountId = null, Guid? actorId = null) =>
        new(Guid.CreateVersion7(), DateTimeOffset.UtcNow, kind, accountId, practiceGroupId, actorId, "198.51.100.9", detail);

    private async Task ConsumeAsync(SecurityEventOccurred securityEvent)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var consumer = scope.ServiceProvider.GetRequiredService<IIntegrationEventConsumer<SecurityEventOccurred>>();
        await consumer.ConsumeAsync(securityEvent, default);
    }

    /// <summary>A practitioner of a practice of the test's own.</summary>
    private async Task<string> NewPractitionerAsync() => await (await app.NewPracticeAsync()).AddPractitionerAsync();

    private async Task<Guid> UserIdAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var account = await scope.ServiceProvider.GetRequiredService<IIdentityApi>().FindAccountByEmailAsync(email, default);
        return account!.UserId;
    }

    /// <summary>The stored entries of no account (sign-ins to emails without one).</summary>
    private async Task<List<Portal.Modules.Identity.Domain.SecurityLogEntry>> WithoutAccountAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityModuleDbContext>();
        return await db.SecurityLog.Where(e => e.AccountId == null).ToListAsync();
    }

    private async Task<Tokens> SignInFromAsync(string email, string password = TestPractice.Password)
    {
        using var response = await app.PostLoginFromAsync(Address, email, password);
        Assert.True(response.IsSuccessStatusCode, $"sign-in of {email}: {(int)response.StatusCode}");
        return (await response.Content.ReadFromJsonAsync<Tokens>(PortalClients.Json))!;
    }

    private HttpClient ClientFrom(string accessToken)
    {
        var client = app.ClientAt(Address);
        client.DefaultRequestHeaders.Authorization = new("Bearer", accessToken);
        return client;
    }

    /// <summary>A page of a security log, as sent (to look for what it must not hold) and read.</summary>
    private static async Task<(string Raw, LogPage Page)> LogAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var raw = await response.Content.ReadAsStringAsync();
        return (raw, System.Text.Json.JsonSerializer.Deserialize<LogPage>(raw, PortalClients.Json)!);
    }

    private sealed record LogPage(int Total, List<LogItem> Items);

    private sealed record LogItem(Guid Id, string Kind, DateTimeOffset OccurredAt, string? RemoteAddress, string? Detail, LogPerson? Account, LogPerson? Actor);

    private sealed record LogPerson(Guid UserId, string? Name, string? Email);

    private sealed record Setup(string SharedKey);

    private sealed record Session(Guid Id, bool Current);
}
