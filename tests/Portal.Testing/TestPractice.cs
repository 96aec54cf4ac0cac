using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Domain;
using Xunit;

namespace Portal.Testing;

/// <summary>A patient record a test added to its own practice, and the email on it.</summary>
public sealed record TestPatient(Guid Id, string Email);

/// <summary>
/// A practice group of one test's own, founded in a Host the test's class shares with its other tests: whatever the
/// test does to it (settings, staff, patients, links) no other test sees. Its admin signs in with
/// <see cref="DemoData.Password"/>; practitioners join and patients are added through the API, as a practice's would.
/// </summary>
public sealed partial class TestPractice
{
    /// <summary>The password of every account this practice makes: its staff and its patients.</summary>
    public const string Password = DemoData.Password;

    private static int _made;
    private readonly PortalApp _app;
    private readonly int _number;
    private int _people;

    private TestPractice(PortalApp app, Guid id, int number, string adminEmail)
    {
        _app = app;
        Id = id;
        _number = number;
        AdminEmail = adminEmail;
    }

    public Guid Id { get; }

    public string Name => $"Test Practice {_number}";

    public string AdminEmail { get; }

    /// <summary>Founds a practice group and its practice admin in <paramref name="app"/>, as the installation founds its first.</summary>
    public static async Task<TestPractice> FoundAsync(PortalApp app)
    {
        var number = Interlocked.Increment(ref _made);
        var adminEmail = $"admin@practice{number}.test";
        await using var scope = app.Services.CreateAsyncScope();
        var founding = scope.ServiceProvider.GetRequiredService<PracticeFounding>();
        var founded = await founding.FoundAsync(
            $"Test Practice {number}", "Australia/Sydney", new FoundingAdmin(adminEmail, Password, "Pat", "Admin", MustChangePassword: false));
        Assert.True(founded.Outcome.Succeeded, string.Join("; ", founded.Outcome.Errors.Select(e => e.Description)));
        return new TestPractice(app, founded.PracticeGroupId, number, adminEmail);
    }

    public Task<HttpClient> SignedInAdminAsync() => _app.SignedInClientAsync(AdminEmail, Password);

    /// <summary>A practitioner (or another practice admin) invited by the admin who joins through the emailed link; answers their email.</summary>
    public async Task<string> AddPractitionerAsync(string givenName = "Sam", string familyName = "Lee", bool practiceAdmin = false)
    {
        var email = $"{givenName.ToLowerInvariant()}.{Interlocked.Increment(ref _people)}@practice{_number}.test";
        using (var admin = await SignedInAdminAsync())
        {
            using var invited = await admin.PostAsJsonAsync("/api/practice/staff/invitations", new { email, givenName, familyName, practiceAdmin });
            invited.EnsureSuccessStatusCode();
        }

        await _app.RunMessagingAsync();
        using var anonymous = _app.CreateClient();
        var mailbox = await anonymous.GetFromJsonAsync<List<MailboxEmail>>($"/api/dev/mailbox?to={Uri.EscapeDataString(email)}", PortalClients.Json);
        var join = JoinLink().Match(Assert.Single(mailbox!).Body);
        Assert.True(join.Success, "the staff invitation has no join link");
        using var accepted = await anonymous.PostAsJsonAsync($"/api/staff-invitations/{join.Groups[1].Value}/accept", new { password = Password });
        accepted.EnsureSuccessStatusCode();
        return email;
    }

    /// <summary>
    /// Adds a patient record as the practice's admin would: by default one with every detail filled in (name, date of
    /// birth, sex, an email of its own, mobile phone, address, emergency contact), or the <paramref name="details"/> given.
    /// </summary>
    public async Task<TestPatient> AddPatientAsync(object? details = null)
    {
        details ??= new
        {
            givenName = "Ava",
            familyName = "Nguyen",
            dateOfBirth = "1990-04-12",
            sex = "female",
            email = $"ava.{Interlocked.Increment(ref _people)}@patients{_number}.test",
            mobilePhone = "+61412345678",
            address = new { line1 = "12 Wharf Street", suburb = "Pyrmont", state = "NSW", postcode = "2009", country = "AU" },
            emergencyContact = new { name = "Minh Nguyen", relationship = "Brother", phone = "+61412000111" },
        };
        using var admin = await SignedInAdminAsync();
        using var created = await admin.PostAsJsonAsync("/api/practice/patients", details);
        Assert.True(created.IsSuccessStatusCode, $"adding a patient failed: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        var patient = (await created.Content.ReadFromJsonAsync<AddedPatient>(PortalClients.Json))!;
        return new TestPatient(patient.Id, patient.Email ?? "");
    }

    /// <summary>Gives the patient a portal account linked to their record (as an accepted invitation does) and signs them in.</summary>
    public async Task<HttpClient> SignedInPatientAsync(TestPatient patient)
    {
        await _app.LinkPatientRecordAsync(patient.Email, Password, patient.Id, Id);
        return await _app.SignedInClientAsync(patient.Email, Password);
    }

    /// <summary>Saves the practice's portal settings as its admin would.</summary>
    public async Task PutPortalSettingsAsync(string patientUpdates = "requireApproval", bool noteSharing = false, bool portalEnabled = true, bool patientInvitations = true)
    {
        using var admin = await SignedInAdminAsync();
        await admin.PutPortalSettingsAsync(patientUpdates, noteSharing, portalEnabled, patientInvitations);
    }

    private sealed record AddedPatient(Guid Id, string? Email);

    [GeneratedRegex(@"/admin/join/([A-Za-z0-9_-]+)")]
    private static partial Regex JoinLink();
}

public static class TestPractices
{
    /// <summary>A practice group of the test's own in this Host (see <see cref="TestPractice"/>).</summary>
    public static Task<TestPractice> NewPracticeAsync(this PortalApp app) => TestPractice.FoundAsync(app);
}
