using System.Net;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Admin.Pages;
using Xunit;

namespace Portal.Web.Tests;

/// <summary>
/// The screens of record safety, with the API stubbed: the practice's always-approve list (the record's history with
/// restore: AdminPagesTests; what a patient is told under auto update: PatientPagesTests).
/// </summary>
public sealed class RecordSafetyPageTests
{
    [Fact]
    public async Task An_admin_chooses_the_fields_that_always_need_approval()
    {
        var api = new StubApi()
            .On("GET /api/practice/settings/portal", HttpStatusCode.OK,
                new { portalEnabled = true, patientInvitations = true, patientUpdates = "autoUpdate", noteSharing = false, alwaysApproveFields = new[] { "dateOfBirth", "givenName" } }, "\"2\"")
            .On("GET /api/practice/settings/portal/history", HttpStatusCode.OK, new { items = Array.Empty<object>(), total = 0 })
            .On("PUT /api/practice/settings/portal", HttpStatusCode.OK,
                new { portalEnabled = true, patientInvitations = true, patientUpdates = "autoUpdate", noteSharing = false, alwaysApproveFields = new[] { "dateOfBirth", "email", "givenName" } }, "\"3\"");
        await using var context = await api.SignedInContextAsync("practitioner", "practiceAdmin");
        var page = context.Render<Settings>();
        page.WaitForElement("#approve-email");
        Assert.True(page.Find("#approve-givenName").HasAttribute("checked"));
        Assert.False(page.Find("#approve-email").HasAttribute("checked"));

        page.Find("#approve-email").Change(true);
        await page.Find("form").SubmitAsync();

        var put = Assert.Single(api.Requests, r => r.Route == "PUT /api/practice/settings/portal");
        Assert.Contains("\"alwaysApproveFields\":[\"givenName\",\"dateOfBirth\",\"email\"]", put.Body, StringComparison.Ordinal);
    }
}
