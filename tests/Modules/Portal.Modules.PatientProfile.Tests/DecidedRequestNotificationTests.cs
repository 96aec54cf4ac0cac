using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Modules.PatientProfile.Contracts;
using Portal.Shared.Messaging;
using Portal.Shared.Persistence;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.PatientProfile.Tests;

/// <summary>
/// A decided request travels as its own event, and what the practitioners were told about it ("it waits for approval")
/// then says how it ended and who decided, in place: nothing new is sent, and nothing read becomes unread.
/// </summary>
public sealed class DecidedRequestNotificationTests(PortalApp app) : IClassFixture<PortalApp>
{
    private sealed record Notification(Guid Id, string Kind, Guid? PatientId, string Summary, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

    private sealed record NotificationsPage(IReadOnlyList<Notification> Items, int Total, int Unread);

    [Fact]
    public async Task An_approval_is_published_with_what_the_notification_needs_and_the_notifications_say_who_approved()
    {
        var practice = await app.NewPracticeAsync();
        var avasRecord = await practice.AddPatientAsync();
        var drLeesEmail = await practice.AddPractitionerAsync();
        using var ava = await practice.SignedInPatientAsync(avasRecord);
        using var drLee = await app.SignedInClientAsync(drLeesEmail, TestPractice.Password);
        using var admin = await practice.SignedInAdminAsync();
        var requestId = await ava.RequestChangeAsync(new { preferredName = "Avie", mobilePhone = "0499 111 222" });
        await app.RunMessagingAsync();
        var adminsBefore = Assert.Single((await NotificationsAsync(admin)).Items);
        Assert.Equal("Ava Nguyen asked to change their personal details (preferred name, mobile phone); it waits for approval.", adminsBefore.Summary);
        (await admin.PostAsync($"/api/practice/notifications/{adminsBefore.Id}/read", null)).EnsureSuccessStatusCode();

        (await drLee.PostAsync($"/api/practice/change-requests/{requestId}/approve", null)).EnsureSuccessStatusCode();

        var decided = Assert.Single(await DecisionsPublishedAsync(practice));
        Assert.Equal((requestId, avasRecord.Id, practice.Id, "Ava Nguyen", RecordPart.Profile),
            (decided.ChangeRequestId, decided.PatientId, decided.PracticeGroupId, decided.PatientName, decided.Part));
        Assert.Equal(["mobilePhone", "preferredName"], decided.Fields.Order());
        Assert.Equal((ChangeDecision.Approved, await UserIdOfAsync(admin, drLeesEmail), "Sam Lee"), (decided.Decision, decided.DecidedByUserId, decided.DecidedByName));

        await app.RunMessagingAsync();

        var drLees = Assert.Single((await NotificationsAsync(drLee)).Items);
        Assert.Equal("profileChangeApproved", drLees.Kind);
        Assert.Equal("Ava Nguyen's change to their personal details (preferred name, mobile phone) was approved by you.", drLees.Summary);
        var admins = await NotificationsAsync(admin);
        var adminsAfter = Assert.Single(admins.Items);   // updated, not added
        Assert.Equal(adminsBefore.Id, adminsAfter.Id);
        Assert.Equal("Ava Nguyen's change to their personal details (preferred name, mobile phone) was approved by Sam Lee.", adminsAfter.Summary);
        Assert.NotNull(adminsAfter.ReadAt);               // what was read stays read
        Assert.Equal(adminsBefore.CreatedAt, adminsAfter.CreatedAt);
        Assert.Equal(0, admins.Unread);
        Assert.DoesNotContain("waits for approval", drLees.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_approved_name_change_is_told_under_the_name_the_practice_knew()
    {
        var practice = await app.NewPracticeAsync();
        var avasRecord = await practice.AddPatientAsync();
        var drLeesEmail = await practice.AddPractitionerAsync();
        using var ava = await practice.SignedInPatientAsync(avasRecord);
        using var drLee = await app.SignedInClientAsync(drLeesEmail, TestPractice.Password);
        var requestId = await ava.RequestChangeAsync(new { familyName = "Nguyen-Tran" });
        await app.RunMessagingAsync();

        (await drLee.PostAsync($"/api/practice/change-requests/{requestId}/approve", null)).EnsureSuccessStatusCode();
        await app.RunMessagingAsync();

        Assert.Equal("Ava Nguyen's change to their personal details (family name) was approved by you.", Assert.Single((await NotificationsAsync(drLee)).Items).Summary);
    }

    [Fact]
    public async Task A_rejection_says_so_and_who_rejected_it()
    {
        var practice = await app.NewPracticeAsync();
        var avasRecord = await practice.AddAvaAsync();   // with her allergies
        var drLeesEmail = await practice.AddPractitionerAsync();
        using var ava = await practice.SignedInPatientAsync(avasRecord);
        using var drLee = await app.SignedInClientAsync(drLeesEmail, TestPractice.Password);
        using var admin = await practice.SignedInAdminAsync();
        var requestId = await ava.RequestChangeAsync(new { allergies = Array.Empty<object>() }, "/api/portal/health-record");
        await app.RunMessagingAsync();

        (await admin.PostAsJsonAsync($"/api/practice/change-requests/{requestId}/reject", new { reason = "Please tell us at your next visit." }))
            .EnsureSuccessStatusCode();
        await app.RunMessagingAsync();

        Assert.Equal(ChangeDecision.Rejected, Assert.Single(await DecisionsPublishedAsync(practice)).Decision);
        var drLees = Assert.Single((await NotificationsAsync(drLee)).Items);
        Assert.Equal("profileChangeRejected", drLees.Kind);
        Assert.Equal("Ava Nguyen's change to their health record (allergies) was rejected by Pat Admin.", drLees.Summary);
        Assert.Null(drLees.ReadAt);   // unread stays unread: it says something new, but asks nothing
        Assert.Equal("Ava Nguyen's change to their health record (allergies) was rejected by you.", Assert.Single((await NotificationsAsync(admin)).Items).Summary);
    }

    [Fact]
    public async Task A_decision_relayed_late_leaves_the_notification_about_a_newer_request_alone()
    {
        var practice = await app.NewPracticeAsync();
        var avasRecord = await practice.AddPatientAsync();
        var drLeesEmail = await practice.AddPractitionerAsync();
        using var ava = await practice.SignedInPatientAsync(avasRecord);
        using var drLee = await app.SignedInClientAsync(drLeesEmail, TestPractice.Password);
        var first = await ava.RequestChangeAsync(new { preferredName = "Avie" });
        await app.RunMessagingAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        (await drLee.PostAsync($"/api/practice/change-requests/{first}/approve", null)).EnsureSuccessStatusCode();
        await PostponeAsync<PatientChangeDecided>(TimeSpan.FromHours(1));   // its relay fails once, say
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await ava.RequestChangeAsync(new { mobilePhone = "0499 111 222" });
        await app.RunMessagingAsync();
        Assert.StartsWith("Ava Nguyen asked to change their personal details (mobile phone)", Assert.Single((await NotificationsAsync(drLee)).Items).Summary, StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromHours(1));
        await app.RunMessagingAsync();

        using var drLeeLater = await app.SignedInClientAsync(drLeesEmail, TestPractice.Password);   // access tokens expire on this clock too
        var stillWaiting = Assert.Single((await NotificationsAsync(drLeeLater)).Items);
        Assert.Equal("profileChangePending", stillWaiting.Kind);
        Assert.StartsWith("Ava Nguyen asked to change their personal details (mobile phone)", stillWaiting.Summary, StringComparison.Ordinal);
        Assert.All(await OutboxAsync(), message => Assert.NotNull(message.ProcessedAt));   // the decision was relayed, and changed nothing
    }

    /// <summary>The decisions published about the practice's requests (the Host's other tests publish theirs too).</summary>
    private async Task<List<PatientChangeDecided>> DecisionsPublishedAsync(TestPractice practice) =>
        (await app.PublishedAsync<PatientChangeDecided>("patient_profile")).Where(e => e.PracticeGroupId == practice.Id).ToList();

    private static async Task<Guid> UserIdOfAsync(HttpClient admin, string email) =>
        (await admin.GetFromJsonAsync<List<StaffMember>>("/api/practice/staff", PortalClients.Json))!.Single(s => s.Email == email).UserId;

    private sealed record StaffMember(Guid UserId, string Email);

    private static async Task<NotificationsPage> NotificationsAsync(HttpClient practitioner) =>
        (await practitioner.GetFromJsonAsync<NotificationsPage>("/api/practice/notifications", PortalClients.Json))!;

    private async Task PostponeAsync<TEvent>(TimeSpan delay)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var later = app.Clock.GetUtcNow() + delay;
        var name = IntegrationEventTypes.NameOf(typeof(TEvent));
        Assert.Equal(1, await Outbox(scope.ServiceProvider).Where(m => m.Type == name && m.ProcessedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.NextAttemptAt, later)));
    }

    private async Task<List<OutboxMessage>> OutboxAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await Outbox(scope.ServiceProvider).AsNoTracking().ToListAsync();
    }

    private static DbSet<OutboxMessage> Outbox(IServiceProvider services) =>
        services.GetServices<IModuleDatabase>().Single(d => d.Schema == "patient_profile").ContextIn(services).Set<OutboxMessage>();
}
