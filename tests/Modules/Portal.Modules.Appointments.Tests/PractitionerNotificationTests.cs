using System.Net.Http.Json;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Appointments.Tests;

/// <summary>The practitioner is notified (Notifications' list) when their patient books, cancels or moves online; not of what staff do.</summary>
public sealed class PractitionerNotificationTests(PortalApp app) : IClassFixture<PortalApp>
{
    private sealed record Notification(Guid Id, string Kind, string Summary);

    private sealed record NotificationPage(int Total, List<Notification> Items);

    [Fact]
    public async Task The_practitioner_hears_of_their_patients_booking_cancelling_and_moving_online_and_nobody_else_does()
    {
        var setup = await Bookable.SetUpAsync(app);
        using var ava = await setup.Practice.SignedInPatientAsync(await setup.Practice.AddPatientAsync());
        using var practitioner = await app.SignedInClientAsync(setup.PractitionerEmail, TestPractice.Password);
        using var admin = await setup.Practice.SignedInAdminAsync();
        var ten = setup.NextMondayAt(10);

        var booked = await Mailbox.AppointmentFrom(await ava.PostAsJsonAsync("/api/portal/appointments", setup.Booking(ten)));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.RunMessagingAsync();

        var told = Assert.Single((await NotificationsAsync(practitioner)).Items);
        Assert.Equal("appointmentBooked", told.Kind);
        Assert.Equal($"Ava Nguyen booked a Standard consultation on {ten.InWords("ddd d MMM yyyy")}, 10:00 at Clinic.", told.Summary);
        Assert.Equal(0, (await NotificationsAsync(admin)).Total);   // another practitioner's patient

        await Mailbox.AppointmentFrom(await ava.PostAsJsonAsync($"/api/portal/appointments/{booked.Id}/reschedule", new { start = ten.AddHours(3) }));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await Mailbox.AppointmentFrom(await ava.PostAsJsonAsync($"/api/portal/appointments/{booked.Id}/cancel", new { reason = "Feeling better" }));
        await app.RunMessagingAsync();

        var items = (await NotificationsAsync(practitioner)).Items;
        Assert.Equal(["appointmentCancelled", "appointmentRescheduled", "appointmentBooked"], items.Select(n => n.Kind).ToList());   // newest first
        Assert.Equal($"Ava Nguyen moved their Standard consultation at Clinic from {ten.InWords("ddd d MMM yyyy")}, 10:00 to {ten.InWords("ddd d MMM yyyy")}, 13:00.", items[1].Summary);
        Assert.Equal($"Ava Nguyen cancelled their Standard consultation on {ten.InWords("ddd d MMM yyyy")}, 13:00 at Clinic. Their reason: Feeling better", items[0].Summary);
    }

    [Fact]
    public async Task What_the_practice_books_cancels_or_moves_itself_notifies_nobody()
    {
        var setup = await Bookable.SetUpAsync(app);
        var patient = await setup.Practice.AddPatientAsync();
        using var practitioner = await app.SignedInClientAsync(setup.PractitionerEmail, TestPractice.Password);
        using var admin = await setup.Practice.SignedInAdminAsync();
        var ten = setup.NextMondayAt(10);

        var booked = await setup.BookAsStaffAsync(admin, patient.Id, ten);
        await Mailbox.AppointmentFrom(await admin.PostAsJsonAsync($"/api/practice/appointments/{booked.Id}/reschedule", new { start = ten.AddHours(1) }));
        await Mailbox.AppointmentFrom(await practitioner.PostAsJsonAsync($"/api/practice/appointments/{booked.Id}/cancel", new { reason = "Clinic closed" }));
        await app.RunMessagingAsync();

        Assert.Equal(0, (await NotificationsAsync(practitioner)).Total);
        Assert.Equal(0, (await NotificationsAsync(admin)).Total);
        Assert.Equal(3, (await app.DeliveredToAsync(patient.Email)).Count);   // the patient was still told each time
    }

    private static async Task<NotificationPage> NotificationsAsync(HttpClient practitioner) =>
        (await practitioner.GetFromJsonAsync<NotificationPage>("/api/practice/notifications", PortalClients.Json))!;
}
