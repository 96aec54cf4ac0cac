using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Data;
using Portal.Shared.Messaging;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Identity.Tests;

public sealed class SecurityLogTests : IAsyncLifetime
{
    private const string Address = "192.0.2.44";
    private readonly PortalApp _app = ClientAddresses.NewApp();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Sign_ins_failures_and_lockouts_are_in_the_accounts_own_log_with_the_address()
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var failed = await _app.PostLoginFromAsync(Address, DemoData.DrLeeEmail, "Wrong-Secret-" + attempt);
        }

        _app.Clock.Advance(TimeSpan.FromMinutes(2));
        var tokens = await SignInFromAsync(DemoData.DrLeeEmail);
        using var client = ClientFrom(tokens.AccessToken);

        var log = await LogAsync(client, "/api/me/security-log");
        Assert.Equal(7, log.GetProperty("total").GetInt32());
        var kinds = Items(log).Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal("signInSucceeded", kinds[0]);
        Assert.Equal(5, kinds.Count(k => k == "signInFailed"));
        Assert.Equal(1, kinds.Count(k => k == "lockedOut"));
        Assert.All(Items(log), e => Assert.Equal(Address, e.GetProperty("remoteAddress").GetString()));
        Assert.All(Items(log), e => Assert.Equal(DemoData.DrLeeId, e.GetProperty("account").GetProperty("userId").GetGuid()));
        Assert.Equal(DemoData.DrLeeId, Items(log)[0].GetProperty("actor").GetProperty("userId").GetGuid());
        Assert.DoesNotContain("Wrong-Secret", log.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(DemoData.Password, log.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(tokens.RefreshToken, log.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sign_in_to_an_email_without_an_account_is_kept_with_the_email_tried_and_no_password()
    {
        using var failed = await _app.PostLoginFromAsync(Address, "Nobody@Nowhere.test", "Typed-Secret-1");
        using var passwordInEmailBox = await _app.PostLoginFromAsync(Address, "Typed-Secret-2", "Typed-Secret-3");

        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityModuleDbContext>();
        var entries = await db.SecurityLog.Where(e => e.AccountId == null).ToListAsync();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal(SecurityEventKind.SignInFailed, e.Kind));
        Assert.All(entries, e => Assert.Equal(Address, e.RemoteAddress));
        Assert.Contains(entries, e => e.Email == "Nobody@Nowhere.test");
        Assert.DoesNotContain(entries, e => (e.Email + e.Detail).Contains("Typed-Secret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Password_two_factor_and_session_changes_are_logged_and_ended_sessions_name_their_reason()
    {
        var other = await SignInFromAsync(DemoData.HarbourAdminEmail);
        var tokens = await SignInFromAsync(DemoData.HarbourAdminEmail);
        using var client = ClientFrom(tokens.AccessToken);

        var setup = await (await client.PostAsJsonAsync("/api/me/two-factor/setup", new { currentPassword = DemoData.Password })).JsonAsync();
        var key = setup.GetProperty("sharedKey").GetString()!;
        (await client.PostAsJsonAsync("/api/me/two-factor/enable", new { code = Totp.Code(key, _app.Clock.GetUtcNow()), currentPassword = DemoData.Password })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/api/me/two-factor/recovery-codes", new { currentPassword = DemoData.Password })).EnsureSuccessStatusCode();
        (await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/me/two-factor") { Content = JsonContent.Create(new { currentPassword = DemoData.Password }) })).EnsureSuccessStatusCode();
        var third = await SignInFromAsync(DemoData.HarbourAdminEmail);
        (await client.PostAsJsonAsync("/api/me/password", new { currentPassword = DemoData.Password, newPassword = "Another-Long-Passphrase" })).EnsureSuccessStatusCode();
        var fourth = await SignInFromAsync(DemoData.HarbourAdminEmail, "Another-Long-Passphrase");
        var fourthSession = (await (await ClientFrom(fourth.AccessToken).GetAsync("/api/me/sessions")).JsonAsync())
            .EnumerateArray().Single(s => s.GetProperty("current").GetBoolean()).GetProperty("id").GetGuid();
        (await client.DeleteAsync($"/api/me/sessions/{fourthSession}")).EnsureSuccessStatusCode();
        (await client.PostAsync("/api/auth/logout", null)).EnsureSuccessStatusCode();

        var own = await LogAsync(ClientFrom(fourth.AccessToken), "/api/me/security-log?pageSize=200", expectOk: false);
        Assert.Equal(HttpStatusCode.Unauthorized, (HttpStatusCode)own.GetProperty("status").GetInt32());   // the fourth session was ended
        var newest = await SignInFromAsync(DemoData.HarbourAdminEmail, "Another-Long-Passphrase");
        var log = Items(await LogAsync(ClientFrom(newest.AccessToken), "/api/me/security-log?pageSize=200"));
        var kinds = log.Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Contains("twoFactorEnabled", kinds);
        Assert.Contains("recoveryCodesRegenerated", kinds);
        Assert.Contains("twoFactorDisabled", kinds);
        Assert.Contains("passwordChanged", kinds);
        var revocations = log.Where(e => e.GetProperty("kind").GetString() == "sessionRevoked").Select(e => e.GetProperty("detail").GetString()!).ToList();
        Assert.Single(revocations, d => d.StartsWith("two-factor-enabled", StringComparison.Ordinal));   // the first other session
        Assert.Single(revocations, d => d.StartsWith("password-changed", StringComparison.Ordinal));     // the third
        Assert.Single(revocations, d => d.StartsWith("revoked-by-user", StringComparison.Ordinal));      // the fourth
        Assert.Single(revocations, d => d.StartsWith("logout", StringComparison.Ordinal));
        Assert.DoesNotContain("Another-Long-Passphrase", JsonSerializer.Serialize(log), StringComparison.Ordinal);
        _ = other;
        _ = third;
    }

    [Fact]
    public async Task A_reused_refresh_token_ending_the_session_is_logged_without_an_actor()
    {
        var tokens = await SignInFromAsync(DemoData.DrLeeEmail);
        using var anonymous = _app.ClientAt(Address);
        (await anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken })).EnsureSuccessStatusCode();
        using var reuse = await anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken });
        Assert.Equal(HttpStatusCode.Unauthorized, reuse.StatusCode);

        var fresh = await SignInFromAsync(DemoData.DrLeeEmail);
        var revoked = Assert.Single(Items(await LogAsync(ClientFrom(fresh.AccessToken), "/api/me/security-log")), e => e.GetProperty("kind").GetString() == "sessionRevoked");
        Assert.StartsWith("refresh-token-reused", revoked.GetProperty("detail").GetString());
        Assert.Equal(JsonValueKind.Null, revoked.GetProperty("actor").ValueKind);
    }

    [Fact]
    public async Task The_practice_log_shows_its_staff_and_its_events_never_another_groups_and_only_to_its_admins()
    {
        await SignInFromAsync(DemoData.DrLeeEmail);
        await SignInFromAsync(DemoData.SummitAdminEmail);
        using var wrong = await _app.PostLoginFromAsync(Address, DemoData.SummitAdminEmail, "summit-wrong-password");
        var ownEvent = Event(SecurityEventKind.InvitationToOtherAddress, DemoData.HarbourHealthId, "Invitation for patient 12 sent to other@example.test");
        var otherEvent = Event(SecurityEventKind.PatientUnlinked, DemoData.SummitPhysioId, "Summit unlinked a patient");
        await ConsumeAsync(ownEvent);
        await ConsumeAsync(otherEvent);

        var admin = await SignInFromAsync(DemoData.HarbourAdminEmail);
        var log = await LogAsync(ClientFrom(admin.AccessToken), "/api/practice/security-log?pageSize=200");
        var items = Items(log);
        Assert.Equal(items.Count, log.GetProperty("total").GetInt32());
        Assert.Contains(items, e => e.GetProperty("kind").GetString() == "signInSucceeded" && e.GetProperty("account").GetProperty("userId").GetGuid() == DemoData.DrLeeId);
        Assert.Contains(items, e => e.GetProperty("kind").GetString() == "signInSucceeded" && e.GetProperty("account").GetProperty("userId").GetGuid() == DemoData.HarbourAdminId);
        var invitation = Assert.Single(items, e => e.GetProperty("id").GetGuid() == ownEvent.EventId);
        Assert.Equal("invitationToOtherAddress", invitation.GetProperty("kind").GetString());
        Assert.Equal(DemoData.HarbourAdminId, invitation.GetProperty("actor").GetProperty("userId").GetGuid());
        Assert.DoesNotContain(items, e => e.GetProperty("id").GetGuid() == otherEvent.EventId);
        Assert.DoesNotContain(items, e => e.TryGetProperty("account", out var a) && a.ValueKind == JsonValueKind.Object && a.GetProperty("userId").GetGuid() == DemoData.SummitAdminId);

        using var practitioner = ClientFrom((await SignInFromAsync(DemoData.DrLeeEmail)).AccessToken);
        using var forbidden = await practitioner.GetAsync("/api/practice/security-log");
        await ProblemAssert.IsProblemAsync(forbidden, HttpStatusCode.Forbidden, "auth.forbidden");
        using var anonymous = _app.CreateClient();
        using var unauthenticated = await anonymous.GetAsync("/api/me/security-log");
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);

        await using var scope = _app.Services.CreateAsyncScope();
        var identity = scope.ServiceProvider.GetRequiredService<IIdentityApi>();
        await identity.CreatePatientAccountAsync(new NewPatientAccount("log.patient@example.test", "Patient-Password-2026", "Log", "Patient"), default);
        using var patient = ClientFrom((await SignInFromAsync("log.patient@example.test", "Patient-Password-2026")).AccessToken);
        using var patientForbidden = await patient.GetAsync("/api/practice/security-log");
        Assert.Equal(HttpStatusCode.Forbidden, patientForbidden.StatusCode);
        var patientOwn = await LogAsync(patient, "/api/me/security-log");
        Assert.Equal("signInSucceeded", Assert.Single(Items(patientOwn)).GetProperty("kind").GetString());
    }

    [Fact]
    public async Task An_event_delivered_twice_is_kept_once_and_one_naming_only_a_staff_account_goes_to_its_group()
    {
        var securityEvent = Event(SecurityEventKind.StaffRolesChanged, practiceGroupId: null, "Roles changed to practitioner", accountId: DemoData.DrLeeId);
        await ConsumeAsync(securityEvent);
        await ConsumeAsync(securityEvent);

        var admin = await SignInFromAsync(DemoData.HarbourAdminEmail);
        var items = Items(await LogAsync(ClientFrom(admin.AccessToken), "/api/practice/security-log?pageSize=200"));
        var entry = Assert.Single(items, e => e.GetProperty("kind").GetString() == "staffRolesChanged");
        Assert.Equal(DemoData.DrLeeId, entry.GetProperty("account").GetProperty("userId").GetGuid());
        Assert.Equal("Roles changed to practitioner", entry.GetProperty("detail").GetString());
        Assert.Equal("198.51.100.9", entry.GetProperty("remoteAddress").GetString());

        var lee = await SignInFromAsync(DemoData.DrLeeEmail);
        Assert.Contains(Items(await LogAsync(ClientFrom(lee.AccessToken), "/api/me/security-log")), e => e.GetProperty("id").GetGuid() == securityEvent.EventId);
    }

    [Fact]
    public async Task In_a_patients_own_log_the_practitioner_who_acted_is_named_without_their_email_or_address()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var identity = scope.ServiceProvider.GetRequiredService<IIdentityApi>();
        var account = await identity.CreatePatientAccountAsync(new NewPatientAccount("own.log@example.test", "Patient-Password-2026", "Own", "Log"), default);
        var unlinked = Event(SecurityEventKind.PatientUnlinked, DemoData.HarbourHealthId, "Portal access removed", accountId: account.Value);
        await ConsumeAsync(unlinked);

        var patient = await SignInFromAsync("own.log@example.test", "Patient-Password-2026");
        var entry = Assert.Single(Items(await LogAsync(ClientFrom(patient.AccessToken), "/api/me/security-log")), e => e.GetProperty("id").GetGuid() == unlinked.EventId);
        var actor = entry.GetProperty("actor");
        Assert.Equal(DemoData.HarbourAdminId, actor.GetProperty("userId").GetGuid());
        Assert.False(string.IsNullOrEmpty(actor.GetProperty("name").GetString()));
        Assert.Equal(JsonValueKind.Null, actor.GetProperty("email").ValueKind);
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("remoteAddress").ValueKind);

        // The practice's own log keeps both.
        var admin = await SignInFromAsync(DemoData.HarbourAdminEmail);
        var practiceEntry = Assert.Single(Items(await LogAsync(ClientFrom(admin.AccessToken), "/api/practice/security-log?pageSize=200")), e => e.GetProperty("id").GetGuid() == unlinked.EventId);
        Assert.Equal(DemoData.HarbourAdminEmail, practiceEntry.GetProperty("actor").GetProperty("email").GetString());
        Assert.Equal("198.51.100.9", practiceEntry.GetProperty("remoteAddress").GetString());
    }

    [Fact]
    public async Task The_log_is_paged_newest_first()
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await SignInFromAsync(DemoData.SummitAdminEmail);
            _app.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var tokens = await SignInFromAsync(DemoData.SummitAdminEmail);
        using var client = ClientFrom(tokens.AccessToken);
        var first = await LogAsync(client, "/api/me/security-log?page=1&pageSize=3");
        var second = await LogAsync(client, "/api/me/security-log?page=2&pageSize=3");

        Assert.Equal(4, first.GetProperty("total").GetInt32());
        Assert.Equal(3, Items(first).Count);
        var last = Assert.Single(Items(second));
        Assert.True(Items(first)[2].GetProperty("occurredAt").GetDateTimeOffset() > last.GetProperty("occurredAt").GetDateTimeOffset());
    }

    private static SecurityEventOccurred Event(SecurityEventKind kind, Guid? practiceGroupId, string detail, Guid? accountId = null) =>
        new(Guid.CreateVersion7(), DateTimeOffset.UtcNow, kind, accountId, practiceGroupId, DemoData.HarbourAdminId, "198.51.100.9", detail);

    private async Task ConsumeAsync(SecurityEventOccurred securityEvent)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var consumer = scope.ServiceProvider.GetRequiredService<IIntegrationEventConsumer<SecurityEventOccurred>>();
        await consumer.ConsumeAsync(securityEvent, default);
    }

    private async Task<Tokens> SignInFromAsync(string email, string password = DemoData.Password)
    {
        using var response = await _app.PostLoginFromAsync(Address, email, password);
        Assert.True(response.IsSuccessStatusCode, $"sign-in of {email}: {(int)response.StatusCode}");
        return (await response.Content.ReadFromJsonAsync<Tokens>(PortalClients.Json))!;
    }

    private HttpClient ClientFrom(string accessToken)
    {
        var client = _app.ClientAt(Address);
        client.DefaultRequestHeaders.Authorization = new("Bearer", accessToken);
        return client;
    }

    private static async Task<JsonElement> LogAsync(HttpClient client, string url, bool expectOk = true)
    {
        using var response = await client.GetAsync(url);
        if (expectOk)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        return await response.JsonAsync();
    }

    private static List<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray().ToList();
}
