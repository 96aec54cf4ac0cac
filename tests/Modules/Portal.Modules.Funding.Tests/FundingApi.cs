using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Funding.Tests;

/// <summary>The funding routes as a client reads them: typed answers and the shared steps of the tests.</summary>
internal static class FundingApi
{
    public sealed record Medicare(string Number, int Irn, string ValidTo);

    public sealed record PrivateHealth(string Fund, string MembershipNumber, string? MemberReference);

    public sealed record PlanManager(string Name, string Email);

    public sealed record Ndis(string Number, string PlanManagement, PlanManager? PlanManager, DateOnly? PlanStart, DateOnly? PlanEnd);

    public sealed record Dva(string FileNumber, string CardColour);

    public sealed record FundingView(Guid PatientId, Medicare? Medicare, PrivateHealth? PrivateHealth, Ndis? Ndis, Dva? Dva, string? Ihi, int Version,
        string? MedicareExpiry, List<string>? FieldsNeedingApproval, string? PatientUpdates);

    public sealed record Applied(string Outcome, FundingView Funding);

    public sealed record Pending(string Outcome, Guid ChangeRequestId, List<string> AppliedFields, List<string> PendingFields);

    public sealed record FieldChange(string Field, JsonNode? From, JsonNode? To);

    public sealed record ChangeRequest(Guid Id, Guid PatientId, string Subject, string Status, List<FieldChange> Changes);


    public sealed record AccessEntry(string Action, string Subject, string ActorName);

    /// <summary>Valid to a year from the test's clock: never expired, never "expires soon".</summary>
    public static string NextYear(PortalApp app) => app.Clock.GetUtcNow().AddYears(1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    public static object AvasCard(PortalApp app) => new { number = "2123 45670 1", irn = 1, validTo = NextYear(app) };

    public static async Task<FundingView> MyFundingAsync(this HttpClient patient) =>
        (await patient.GetFromJsonAsync<FundingView>("/api/portal/funding", PortalClients.Json))!;

    public static async Task<FundingView> FundingOfAsync(this HttpClient staff, Guid patientId) =>
        (await staff.GetFromJsonAsync<FundingView>($"/api/practice/patients/{patientId}/funding", PortalClients.Json))!;

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, System.Net.HttpStatusCode expected)
    {
        using (response)
        {
            Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            return (await response.Content.ReadFromJsonAsync<T>(PortalClients.Json))!;
        }
    }

    public static async Task<List<ChangeRequest>> PendingRequestsAsync(this HttpClient staff) =>
        (await staff.GetFromJsonAsync<Page<ChangeRequest>>("/api/practice/change-requests?status=pending", PortalClients.Json))!.Items;

    /// <summary>Relays the outboxes (the access log of reads comes that way), then reads the patient's access log as the practice sees it.</summary>
    public static async Task<List<AccessEntry>> AccessLogAsync(this PortalApp app, HttpClient staff, Guid patientId)
    {
        await app.RunMessagingAsync();
        return (await staff.GetFromJsonAsync<Page<AccessEntry>>($"/api/practice/patients/{patientId}/access-log", PortalClients.Json))!.Items;
    }

    /// <summary>A practitioner of the practice (not its admin), signed in.</summary>
    public static async Task<HttpClient> SignedInPractitionerAsync(this PortalApp app, TestPractice practice) =>
        await app.SignedInClientAsync(await practice.AddPractitionerAsync(), TestPractice.Password);

    public static async Task SetAlwaysApproveAsync(this TestPractice practice, params string[] fields)
    {
        using var admin = await practice.SignedInAdminAsync();
        using var response = await admin.PutAsJsonAsync("/api/practice/settings/portal",
            new { portalEnabled = true, patientInvitations = true, patientUpdates = "autoUpdate", noteSharing = false, alwaysApproveFields = fields });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
