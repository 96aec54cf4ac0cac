using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Extensions;
using Portal.Modules.Appointments.Data;
using Portal.Modules.Appointments.Features.Shared;
using Portal.Modules.Identity.Contracts;
using Portal.Shared.Persistence;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Appointments.Tests;

/// <summary>Job <c>appointments.send-reminders</c> on a clock the test moves: once per appointment, a day before, never for a cancelled one.</summary>
public sealed class AppointmentReminderTests(PortalApp app) : IClassFixture<PortalApp>
{
    private const string Job = "appointments.send-reminders";

    [Fact]
    public async Task A_due_appointment_is_reminded_once_a_cancelled_one_and_a_far_one_never()
    {
        var setup = await Bookable.SetUpAsync(app);
        var due = await setup.Practice.AddPatientAsync();
        var cancelled = await setup.Practice.AddPatientAsync();
        var later = await setup.Practice.AddPatientAsync();
        using var admin = await setup.Practice.SignedInAdminAsync();
        var ten = setup.NextMondayAt(10);
        await setup.BookAsStaffAsync(admin, due.Id, ten);
        var toCancel = await setup.BookAsStaffAsync(admin, cancelled.Id, ten.AddHours(2));
        await setup.BookAsStaffAsync(admin, later.Id, ten.AddDays(2));
        await Mailbox.AppointmentFrom(await admin.PostAsJsonAsync($"/api/practice/appointments/{toCancel.Id}/cancel", new { reason = "Patient called" }));
        await app.RunJobAsync(Job);
        Assert.DoesNotContain(await app.DeliveredToAsync(due.Email), IsReminder);   // a week ahead: not yet

        app.Clock.SetUtcNow(ten.AddHours(-23));
        await app.RunJobAsync(Job);
        await app.RunJobAsync(Job);   // a second run finds it reminded
        await Task.WhenAll(app.RunJobAsync(Job), app.RunJobAsync(Job));   // and of two runs at once on one instance, one finds the lock taken

        var reminder = Assert.Single(await app.DeliveredToAsync(due.Email), IsReminder);
        Assert.Contains($"When: {ten.InWords("dddd d MMMM yyyy")}, 10:00 ", reminder.Body, StringComparison.Ordinal);
        Assert.Contains("Where: Clinic, 1 Main St.", reminder.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(await app.DeliveredToAsync(cancelled.Email), IsReminder);
        Assert.DoesNotContain(await app.DeliveredToAsync(later.Email), IsReminder);   // two days ahead
    }

    [Fact]
    public async Task A_moved_appointment_is_reminded_again_for_its_new_time()
    {
        var setup = await Bookable.SetUpAsync(app);
        var patient = await setup.Practice.AddPatientAsync();
        using var admin = await setup.Practice.SignedInAdminAsync();
        var ten = setup.NextMondayAt(10);
        var booked = await setup.BookAsStaffAsync(admin, patient.Id, ten);
        app.Clock.SetUtcNow(ten.AddHours(-20));
        await app.RunJobAsync(Job);

        using var adminLater = await setup.Practice.SignedInAdminAsync();   // signed in again on the moved clock
        await Mailbox.AppointmentFrom(await adminLater.PostAsJsonAsync($"/api/practice/appointments/{booked.Id}/reschedule", new { start = ten.AddDays(1) }));
        await app.RunJobAsync(Job);
        Assert.Single(await app.DeliveredToAsync(patient.Email), IsReminder);   // the new time is not due yet
        app.Clock.SetUtcNow(ten.AddDays(1).AddHours(-20));
        await app.RunJobAsync(Job);

        var reminders = (await app.DeliveredToAsync(patient.Email)).Where(IsReminder).ToList();
        Assert.Equal(2, reminders.Count);
        Assert.Contains($"When: {ten.AddDays(1).InWords("dddd d MMMM yyyy")}, 10:00 ", reminders[0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_runs_that_both_found_an_appointment_due_write_one_reminder_and_the_second_is_refused()
    {
        var setup = await Bookable.SetUpAsync(app);
        var patient = await setup.Practice.AddPatientAsync();
        using (var admin = await setup.Practice.SignedInAdminAsync())
        {
            var ten = setup.NextMondayAt(10);
            var booked = await setup.BookAsStaffAsync(admin, patient.Id, ten);
            app.Clock.SetUtcNow(ten.AddHours(-23));

            // What a run does for one appointment, done by two runs (two instances) that both read it before either saved.
            await using var first = app.Services.CreateAsyncScope();
            await using var second = app.Services.CreateAsyncScope();
            var firstRun = await RemindAsync(first.ServiceProvider, booked.Id);
            var secondRun = await RemindAsync(second.ServiceProvider, booked.Id);

            await firstRun.SaveChangesAsync();
            var refused = await Assert.ThrowsAsync<DbUpdateException>(() => secondRun.SaveChangesAsync());
            Assert.True(UniqueViolation.Is(refused), refused.InnerException?.Message);   // the same email id: the outbox keeps one
        }

        await app.RunJobAsync(Job);   // finds it reminded
        Assert.Single(await app.DeliveredToAsync(patient.Email), IsReminder);
    }

    private async Task<AppointmentsDbContext> RemindAsync(IServiceProvider services, Guid appointmentId)
    {
        var db = services.GetRequiredService<AppointmentsDbContext>();
        var now = app.Clock.GetUtcNow().ToInstant();
        var appointment = await db.Appointments.SingleAsync(a => a.Id == appointmentId);
        Assert.True(appointment.ReminderDue(Duration.FromHours(24), now));
        var facts = await AppointmentFacts.LoadAsync(db, services.GetRequiredService<IIdentityApi>(), appointment, default);
        appointment.Reminded(now);
        await services.GetRequiredService<AppointmentNotices>().ReminderAsync(facts, default);
        return db;
    }

    private static bool IsReminder(Mailbox.Email email) => email.Subject.StartsWith("Reminder:", StringComparison.Ordinal);
}
