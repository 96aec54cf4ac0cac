using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Modules.Identity.Contracts;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.PortalSettings.Tests;

public sealed class PortalSettingsTests : IAsyncLifetime
{
    private const string Route = "/api/practice/settings/portal";
    private readonly PortalApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_group_starts_with_the_defaults_and_an_etag()
    {
        using var client = await _app.SignedInClientAsync(DemoData.DrLeeEmail);

        using var response = await client.GetAsync(Route);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        var settings = await response.JsonAsync();
        Assert.True(settings.GetProperty("portalEnabled").GetBoolean());
        Assert.True(settings.GetProperty("patientInvitations").GetBoolean());
        Assert.Equal("requireApproval", settings.GetProperty("patientUpdates").GetString());
        Assert.False(settings.GetProperty("noteSharing").GetBoolean());
        Assert.Equal(JsonValueKind.Null, settings.GetProperty("updatedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, settings.GetProperty("updatedBy").ValueKind);
    }

    [Fact]
    public async Task An_admin_changes_the_settings_and_every_practitioner_of_the_group_sees_them()
    {
        using var admin = await _app.SignedInClientAsync(DemoData.HarbourAdminEmail);
        var etag = (await admin.GetAsync(Route)).Headers.ETag!.Tag;

        using var put = await Put(admin, etag, patientInvitations: false, patientUpdates: "autoUpdate", noteSharing: true);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.NotEqual(etag, put.Headers.ETag!.Tag);
        var saved = await put.JsonAsync();
        Assert.Equal("autoUpdate", saved.GetProperty("patientUpdates").GetString());
        Assert.Equal(DemoData.HarbourAdminId, saved.GetProperty("updatedBy").GetProperty("userId").GetGuid());
        Assert.Equal("Alex Morgan", saved.GetProperty("updatedBy").GetProperty("name").GetString());
        Assert.Equal(_app.Clock.GetUtcNow(), saved.GetProperty("updatedAt").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));

        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);
        var seen = await (await drLee.GetAsync(Route)).JsonAsync();
        Assert.False(seen.GetProperty("patientInvitations").GetBoolean());
        Assert.Equal("autoUpdate", seen.GetProperty("patientUpdates").GetString());
        Assert.True(seen.GetProperty("noteSharing").GetBoolean());
    }

    [Fact]
    public async Task A_stale_if_match_is_412_and_changes_nothing()
    {
        using var admin = await _app.SignedInClientAsync(DemoData.HarbourAdminEmail);
        var original = (await admin.GetAsync(Route)).Headers.ETag!.Tag;
        using var first = await Put(admin, original, patientUpdates: "disabled");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        using var stale = await Put(admin, original, patientUpdates: "autoUpdate");

        await ProblemAssert.IsProblemAsync(stale, HttpStatusCode.PreconditionFailed, "settings.stale");
        var current = await (await admin.GetAsync(Route)).JsonAsync();
        Assert.Equal("disabled", current.GetProperty("patientUpdates").GetString());
    }

    [Fact]
    public async Task Without_if_match_the_last_write_wins()
    {
        using var admin = await _app.SignedInClientAsync(DemoData.HarbourAdminEmail);

        using var first = await Put(admin, null, patientUpdates: "disabled");
        using var second = await Put(admin, null, patientUpdates: "autoUpdate");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("autoUpdate", (await second.JsonAsync()).GetProperty("patientUpdates").GetString());
    }

    [Fact]
    public async Task Two_admins_saving_the_same_version_at_once_get_one_success_and_one_412()
    {
        using var admin = await _app.SignedInClientAsync(DemoData.HarbourAdminEmail);
        var etag = (await admin.GetAsync(Route)).Headers.ETag!.Tag;

        var responses = await Task.WhenAll(
            Put(admin, etag, patientUpdates: "disabled"),
            Put(admin, etag, patientUpdates: "autoUpdate", noteSharing: true));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.PreconditionFailed);
        var history = await (await admin.GetAsync(Route + "/history")).JsonAsync();
        Assert.Equal(1, history.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_plain_practitioner_may_read_but_not_change_the_settings_or_read_the_history()
    {
        using var drLee = await _app.SignedInClientAsync(DemoData.DrLeeEmail);

        using var put = await Put(drLee, null, patientUpdates: "autoUpdate");
        await ProblemAssert.IsProblemAsync(put, HttpStatusCode.Forbidden, "auth.forbidden");
        using var history = await drLee.GetAsync(Route + "/history");
        await ProblemAssert.IsProblemAsync(history, HttpStatusCode.Forbidden, "auth.forbidden");

        var settings = await (await drLee.GetAsync(Route)).JsonAsync();
        Assert.Equal("requireApproval", settings.GetProperty("patientUpdates").GetString());
    }

    [Fact]
    public async Task Anonymous_callers_get_401()
    {
        using var anonymous = _app.CreateClient();
        using var get = await anonymous.GetAsync(Route);
        await ProblemAssert.IsProblemAsync(get, HttpStatusCode.Unauthorized, "auth.unauthenticated");
        using var put = await Put(anonymous, null, patientUpdates: "autoUpdate");
        await ProblemAssert.IsProblemAsync(put, HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }

    [Fact]
    public async Task One_groups_change_leaves_the_other_group_untouched_and_out_of_its_history()
    {
        using var summit = await _app.SignedInClientAsync(DemoData.SummitAdminEmail);
        using var harbour = await _app.SignedInClientAsync(DemoData.HarbourAdminEmail);

        using var summitPut = await Put(summit, null, portalEnabled: false, patientUpdates: "disabled");
        Assert.Equal(HttpStatusCode.OK, summitPut.StatusCode);

        var harbourSettings = await (await harbour.GetAsync(Route)).JsonAsync();
        Assert.True(harbourSettings.GetProperty("portalEnabled").GetBoolean());
        Assert.Equal("requireApproval", harbourSettings.GetProperty("patientUpdates").GetString());
        var harbourHistory = await (await harbour.GetAsync(Route + "/history")).JsonAsync();
        Assert.Equal(0, harbourHistory.GetProperty("total").GetInt32());
        var summitHistory = await (await summit.GetAsync(Route + "/history")).JsonAsync();
        Assert.Equal(1, summitHistory.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task History_lists_every_change_newest_first_with_who_before_and_after()
    {
        using var admin = await _app.SignedInClientAsync(DemoData.HarbourAdminEmail);
        using var first = await Put(admin, null, patientUpdates: "autoUpdate");
        _app.Clock.Advance(TimeSpan.FromMinutes(5));
        using var second = await Put(admin, null, patientUpdates: "autoUpdate", noteSharing: true);
        _app.Clock.Advance(TimeSpan.FromMinutes(5));
        using var unchanged = await Put(admin, null, patientUpdates: "autoUpdate", noteSharing: true);

        var history = await (await admin.GetAsync(Route + "/history")).JsonAsync();

        Assert.Equal(2, history.GetProperty("total").GetInt32());
        var newest = history.GetProperty("items")[0];
        Assert.False(newest.GetProperty("before").GetProperty("noteSharing").GetBoolean());
        Assert.True(newest.GetProperty("after").GetProperty("noteSharing").GetBoolean());
        Assert.Equal("Alex Morgan", newest.GetProperty("changedBy").GetProperty("name").GetString());
        var oldest = history.GetProperty("items")[1];
        Assert.Equal("requireApproval", oldest.GetProperty("before").GetProperty("patientUpdates").GetString());
        Assert.Equal("autoUpdate", oldest.GetProperty("after").GetProperty("patientUpdates").GetString());
        Assert.True(newest.GetProperty("changedAt").GetDateTimeOffset() > oldest.GetProperty("changedAt").GetDateTimeOffset());

        var page = await (await admin.GetAsync(Route + "/history?page=2&pageSize=1")).JsonAsync();
        Assert.Equal(2, page.GetProperty("total").GetInt32());
        Assert.Equal(oldest.GetProperty("changedAt").GetDateTimeOffset(), Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("changedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_missing_field_or_an_unknown_policy_is_a_400_and_changes_nothing()
    {
        using var admin = await _app.SignedInClientAsync(DemoData.HarbourAdminEmail);

        using var missing = await admin.PutAsJsonAsync(Route, new { portalEnabled = false, patientInvitations = true, patientUpdates = "autoUpdate" });
        var problem = await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.BadRequest, "validation.failed");
        Assert.NotEmpty(ProblemAssert.FieldErrors(problem, "noteSharing"));

        using var unknownPolicy = await admin.PutAsJsonAsync(Route, new { portalEnabled = true, patientInvitations = true, patientUpdates = "sometimes", noteSharing = false });
        var enumProblem = await ProblemAssert.IsProblemAsync(unknownPolicy, HttpStatusCode.BadRequest, "request.invalid-json");
        Assert.NotEmpty(ProblemAssert.FieldErrors(enumProblem, "patientUpdates"));

        using var unknownField = await admin.PutAsJsonAsync(Route, new { portalEnabled = true, patientInvitations = true, patientUpdates = "autoUpdate", noteSharing = false, practiceGroupId = DemoData.SummitPhysioId });
        await ProblemAssert.IsProblemAsync(unknownField, HttpStatusCode.BadRequest, "request.invalid-json");

        var settings = await (await admin.GetAsync(Route)).JsonAsync();
        Assert.True(settings.GetProperty("portalEnabled").GetBoolean());
        Assert.Equal("requireApproval", settings.GetProperty("patientUpdates").GetString());
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
}
