using System.Net;
using System.Net.Http.Json;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.PortalSettings.Tests;

public sealed class PortalSettingsTests(PortalApp app) : IClassFixture<PortalApp>
{
    private const string Route = "/api/practice/settings/portal";

    [Fact]
    public async Task A_group_starts_with_the_defaults_and_an_etag()
    {
        var practice = await app.NewPracticeAsync();
        using var client = await app.SignedInClientAsync(await practice.AddPractitionerAsync(), TestPractice.Password);

        using var response = await client.GetAsync(Route);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        var settings = (await response.Content.ReadFromJsonAsync<Settings>(PortalClients.Json))!;
        Assert.True(settings.PortalEnabled);
        Assert.True(settings.PatientInvitations);
        Assert.Equal("requireApproval", settings.PatientUpdates);
        Assert.False(settings.NoteSharing);
        Assert.Null(settings.UpdatedAt);
        Assert.Null(settings.UpdatedBy);
    }

    [Fact]
    public async Task An_admin_changes_the_settings_and_every_practitioner_of_the_group_sees_them()
    {
        var practice = await app.NewPracticeAsync();
        var practitioner = await practice.AddPractitionerAsync();
        using var admin = await practice.SignedInAdminAsync();
        var adminId = (await admin.GetFromJsonAsync<Me>("/api/me", PortalClients.Json))!.UserId;
        var etag = (await admin.GetAsync(Route)).Headers.ETag!.Tag;

        using var put = await Put(admin, etag, patientInvitations: false, patientUpdates: "autoUpdate", noteSharing: true);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.NotEqual(etag, put.Headers.ETag!.Tag);
        var saved = (await put.Content.ReadFromJsonAsync<Settings>(PortalClients.Json))!;
        Assert.Equal("autoUpdate", saved.PatientUpdates);
        Assert.Equal(adminId, saved.UpdatedBy!.UserId);
        Assert.Equal("Pat Admin", saved.UpdatedBy.Name);
        Assert.Equal(app.Clock.GetUtcNow(), saved.UpdatedAt!.Value, TimeSpan.FromMilliseconds(1));

        using var colleague = await app.SignedInClientAsync(practitioner, TestPractice.Password);
        var seen = (await colleague.GetFromJsonAsync<Settings>(Route, PortalClients.Json))!;
        Assert.False(seen.PatientInvitations);
        Assert.Equal("autoUpdate", seen.PatientUpdates);
        Assert.True(seen.NoteSharing);
    }

    [Fact]
    public async Task A_stale_if_match_is_412_and_changes_nothing()
    {
        var practice = await app.NewPracticeAsync();
        using var admin = await practice.SignedInAdminAsync();
        var original = (await admin.GetAsync(Route)).Headers.ETag!.Tag;
        using var first = await Put(admin, original, patientUpdates: "disabled");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        using var stale = await Put(admin, original, patientUpdates: "autoUpdate");

        await ProblemAssert.IsProblemAsync(stale, HttpStatusCode.PreconditionFailed, "settings.stale");
        var current = (await admin.GetFromJsonAsync<Settings>(Route, PortalClients.Json))!;
        Assert.Equal("disabled", current.PatientUpdates);
    }

    [Fact]
    public async Task Without_if_match_the_last_write_wins()
    {
        var practice = await app.NewPracticeAsync();
        using var admin = await practice.SignedInAdminAsync();

        using var first = await Put(admin, null, patientUpdates: "disabled");
        using var second = await Put(admin, null, patientUpdates: "autoUpdate");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("autoUpdate", (await second.Content.ReadFromJsonAsync<Settings>(PortalClients.Json))!.PatientUpdates);
    }

    [Fact]
    public async Task Two_admins_saving_the_same_version_at_once_get_one_success_and_one_412()
    {
        var practice = await app.NewPracticeAsync();
        using var admin = await practice.SignedInAdminAsync();
        var etag = (await admin.GetAsync(Route)).Headers.ETag!.Tag;

        var responses = await Task.WhenAll(
            Put(admin, etag, patientUpdates: "disabled"),
            Put(admin, etag, patientUpdates: "autoUpdate", noteSharing: true));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.PreconditionFailed);
        var history = (await admin.GetFromJsonAsync<History>(Route + "/history", PortalClients.Json))!;
        Assert.Equal(1, history.Total);
    }

    [Fact]
    public async Task A_plain_practitioner_may_read_but_not_change_the_settings_or_read_the_history()
    {
        var practice = await app.NewPracticeAsync();
        using var practitioner = await app.SignedInClientAsync(await practice.AddPractitionerAsync(), TestPractice.Password);

        using var put = await Put(practitioner, null, patientUpdates: "autoUpdate");
        await ProblemAssert.IsProblemAsync(put, HttpStatusCode.Forbidden, "auth.forbidden");
        using var history = await practitioner.GetAsync(Route + "/history");
        await ProblemAssert.IsProblemAsync(history, HttpStatusCode.Forbidden, "auth.forbidden");

        var settings = (await practitioner.GetFromJsonAsync<Settings>(Route, PortalClients.Json))!;
        Assert.Equal("requireApproval", settings.PatientUpdates);
    }

    [Fact]
    public async Task Anonymous_callers_get_401()
    {
        using var anonymous = app.CreateClient();
        using var get = await anonymous.GetAsync(Route);
        await ProblemAssert.IsProblemAsync(get, HttpStatusCode.Unauthorized, "auth.unauthenticated");
        using var put = await Put(anonymous, null, patientUpdates: "autoUpdate");
        await ProblemAssert.IsProblemAsync(put, HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }

    [Fact]
    public async Task One_groups_change_leaves_the_other_group_untouched_and_out_of_its_history()
    {
        var practice = await app.NewPracticeAsync();
        var otherGroup = await app.NewPracticeAsync();
        using var other = await otherGroup.SignedInAdminAsync();
        using var own = await practice.SignedInAdminAsync();

        using var otherPut = await Put(other, null, portalEnabled: false, patientUpdates: "disabled");
        Assert.Equal(HttpStatusCode.OK, otherPut.StatusCode);

        var ownSettings = (await own.GetFromJsonAsync<Settings>(Route, PortalClients.Json))!;
        Assert.True(ownSettings.PortalEnabled);
        Assert.Equal("requireApproval", ownSettings.PatientUpdates);
        var ownHistory = (await own.GetFromJsonAsync<History>(Route + "/history", PortalClients.Json))!;
        Assert.Equal(0, ownHistory.Total);
        var otherHistory = (await other.GetFromJsonAsync<History>(Route + "/history", PortalClients.Json))!;
        Assert.Equal(1, otherHistory.Total);
    }

    [Fact]
    public async Task History_lists_every_change_newest_first_with_who_before_and_after()
    {
        var practice = await app.NewPracticeAsync();
        using var admin = await practice.SignedInAdminAsync();
        using var first = await Put(admin, null, patientUpdates: "autoUpdate");
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        using var second = await Put(admin, null, patientUpdates: "autoUpdate", noteSharing: true);
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        using var unchanged = await Put(admin, null, patientUpdates: "autoUpdate", noteSharing: true);

        var history = (await admin.GetFromJsonAsync<History>(Route + "/history", PortalClients.Json))!;

        Assert.Equal(2, history.Total);
        var newest = history.Items[0];
        Assert.False(newest.Before.NoteSharing);
        Assert.True(newest.After.NoteSharing);
        Assert.Equal("Pat Admin", newest.ChangedBy.Name);
        var oldest = history.Items[1];
        Assert.Equal("requireApproval", oldest.Before.PatientUpdates);
        Assert.Equal("autoUpdate", oldest.After.PatientUpdates);
        Assert.True(newest.ChangedAt > oldest.ChangedAt);

        var page = (await admin.GetFromJsonAsync<History>(Route + "/history?page=2&pageSize=1", PortalClients.Json))!;
        Assert.Equal(2, page.Total);
        Assert.Equal(oldest.ChangedAt, Assert.Single(page.Items).ChangedAt);
    }

    [Fact]
    public async Task A_missing_field_or_an_unknown_policy_is_a_400_and_changes_nothing()
    {
        var practice = await app.NewPracticeAsync();
        var otherGroup = await app.NewPracticeAsync();
        using var admin = await practice.SignedInAdminAsync();

        using var missing = await admin.PutAsJsonAsync(Route, new { portalEnabled = false, patientInvitations = true, patientUpdates = "autoUpdate" });
        var problem = await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.BadRequest, "validation.failed");
        Assert.NotEmpty(ProblemAssert.FieldErrors(problem, "noteSharing"));

        using var unknownPolicy = await admin.PutAsJsonAsync(Route, new { portalEnabled = true, patientInvitations = true, patientUpdates = "sometimes", noteSharing = false });
        var enumProblem = await ProblemAssert.IsProblemAsync(unknownPolicy, HttpStatusCode.BadRequest, "request.invalid-json");
        Assert.NotEmpty(ProblemAssert.FieldErrors(enumProblem, "patientUpdates"));

        using var unknownField = await admin.PutAsJsonAsync(Route, new { portalEnabled = true, patientInvitations = true, patientUpdates = "autoUpdate", noteSharing = false, practiceGroupId = otherGroup.Id });
        await ProblemAssert.IsProblemAsync(unknownField, HttpStatusCode.BadRequest, "request.invalid-json");

        var settings = (await admin.GetFromJsonAsync<Settings>(Route, PortalClients.Json))!;
        Assert.True(settings.PortalEnabled);
        Assert.Equal("requireApproval", settings.PatientUpdates);
    }

    private static Task<HttpResponseMessage> Put(
        HttpClient client, string? ifMatch, bool portalEnabled = true, bool patientInvitations = true, string patientUpdates = "requireApproval", bool noteSharing = false)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, Route)
        {
            Content = JsonContent.Create(new { portalEnabled, patientInvitations, patientUpdates, noteSharing }),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    private sealed record Me(Guid UserId);

    private sealed record Person(Guid UserId, string Name);

    private sealed record Settings(
        bool PortalEnabled, bool PatientInvitations, string PatientUpdates, bool NoteSharing, DateTimeOffset? UpdatedAt, Person? UpdatedBy);

    private sealed record Values(bool PortalEnabled, bool PatientInvitations, string PatientUpdates, bool NoteSharing);

    private sealed record HistoryEntry(DateTimeOffset ChangedAt, Person ChangedBy, Values Before, Values After);

    private sealed record History(int Total, List<HistoryEntry> Items);
}
