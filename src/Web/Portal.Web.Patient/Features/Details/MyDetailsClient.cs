using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Web.Components;
using Portal.Web.Components.Api;
using Portal.Web.Server.Api;
using Portal.Web.Patient.Features.Requests;

namespace Portal.Web.Patient.Features.Details;

/// <summary>The patient's personal details: <c>GET/PATCH /api/portal/profile</c>.</summary>
public sealed class MyDetailsClient(PortalWebApi api)
{
    public Task<ApiResult<MyProfile>> GetAsync(Guid patientId) => api.GetAsync<MyProfile>($"api/portal/profile?patientId={patientId}");

    /// <summary>
    /// Sends the fields that differ between what the form started from and what was typed (a PATCH of those fields only,
    /// at the version shown); the API carries a change still waiting into it, so the practice sees one request.
    /// </summary>
    public async Task<EditResult> SaveAsync(Guid patientId, int version, PatientFormModel shown, PatientFormModel typed)
    {
        var changes = FormChanges.Between(shown.ToBody(), typed.ToBody());
        if (changes.Count == 0)
        {
            return EditResult.NothingChanged;
        }

        return EditResult.From(await api.SendAsync<EditAnswer>(HttpMethod.Patch, $"api/portal/profile?patientId={patientId}", changes, $"\"{version}\""));
    }
}

/// <summary><c>GET /api/portal/profile</c>.</summary>
public sealed record MyProfile(
    Guid PatientId, string GivenName, string FamilyName, string? PreferredName, DateOnly DateOfBirth, string? Sex, string? Email, string? MobilePhone,
    AddressDetails? Address, EmergencyContactDetails? EmergencyContact, UpdatePolicy UpdatePolicy, int Version,
    IReadOnlyList<string>? FieldsNeedingApproval = null)
{
    public PersonDetails Details => new(GivenName, FamilyName, PreferredName, DateOfBirth, Sex, Email, MobilePhone, Address, EmergencyContact);

    /// <summary>The details with the values a change still waiting asks for: what the patient last said they are.</summary>
    public PatientFormModel AskedIn(IReadOnlyList<MyChangeRequest> pending)
    {
        var asked = JsonSerializer.SerializeToNode(Details, ApiJson.Options)!.AsObject();
        foreach (var change in pending.SelectMany(r => r.Changes))
        {
            asked[change.Field] = change.To is { } to ? JsonNode.Parse(to.GetRawText()) : null;
        }

        return PatientFormModel.From(asked.Deserialize<PersonDetails>(ApiJson.Options)!);
    }
}
