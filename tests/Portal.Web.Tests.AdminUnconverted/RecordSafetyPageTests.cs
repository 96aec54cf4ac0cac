using System.Net;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Admin.Layout;
using Portal.Web.Admin.Pages;
using Xunit;

namespace Portal.Web.Tests;

/// <summary>
/// The screens of record safety, with the API stubbed: the practice's always-approve list, the record's history with
/// restore (what a patient is told under auto update: PatientPagesTests).
/// </summary>
public sealed class RecordSafetyPageTests
{
    private static readonly Guid AvaId = Guid.NewGuid();

    [Fact]
    public async Task A_practitioner_sees_each_change_before_and_after_and_restores_after_confirming()
    {
        var versionId = Guid.NewGuid();
        var version = new
        {
            id = versionId, subject = "healthRecord", version = 3, changedAt = DateTimeOffset.UtcNow, changedBy = new { userId = Guid.NewGuid(), name = "Ava Nguyen" },
            source = "patientEdit", changeRequestId = (Guid?)null, restoredFromVersionId = (Guid?)null,
            changes = new[] { new { field = "allergies", from = new[] { new { substance = "Penicillin", reaction = "Hives", severity = "moderate", recordedBy = "practice" } }, to = Array.Empty<object>() } },
        };
        var api = new StubApi()
            .On($"GET /api/practice/patients/{AvaId}/versions", HttpStatusCode.OK, new { items = new[] { version }, total = 1 })
            .On($"POST /api/practice/patients/{AvaId}/versions/{versionId}/restore", HttpStatusCode.OK, version with { });
        await using var context = await api.SignedInContextAsync("practitioner");
        var history = context.Render<RecordHistory>(p => p.Add(c => c.PatientId, AvaId));
        history.WaitForAssertion(() => Assert.Contains("Penicillin, Hives, moderate", history.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain("practice", history.Find("tbody td").TextContent, StringComparison.Ordinal);
        Assert.Contains("(the patient) changed", history.Markup, StringComparison.Ordinal);

        history.FindAll("button").Single(b => b.TextContent.StartsWith("Restore what was there before", StringComparison.Ordinal)).Click();
        Assert.DoesNotContain(api.Requests, r => r.Route.Contains("/restore", StringComparison.Ordinal));   // not before confirming
        history.FindAll("button").Single(b => b.TextContent == "Yes, restore").Click();

        history.WaitForAssertion(() => Assert.Single(api.Requests, r => r.Route == $"POST /api/practice/patients/{AvaId}/versions/{versionId}/restore"));
        history.WaitForAssertion(() => Assert.Contains("Restored:", history.Markup, StringComparison.Ordinal));
    }
}
