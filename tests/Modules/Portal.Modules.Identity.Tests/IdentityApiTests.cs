using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Modules.Identity.Contracts;
using Portal.Shared.Abstractions;
using Portal.Testing;
using Xunit;

namespace Portal.Modules.Identity.Tests;

/// <summary>The facade Invitations will use: patient accounts, and records of several practices on one account.</summary>
public sealed class IdentityApiTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task A_patient_account_is_created_linked_to_records_of_two_practices_and_signs_in()
    {
        var harbour = await app.NewPracticeAsync();
        var summit = await app.NewPracticeAsync();
        var harbourPatient = Guid.NewGuid();
        var summitPatient = Guid.NewGuid();
        Guid userId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var api = scope.ServiceProvider.GetRequiredService<IIdentityApi>();
            var created = await api.CreatePatientAccountAsync(new NewPatientAccount("ava@example.test", "ava's long passphrase", "Ava", "Nguyen"), default);
            Assert.True(created.IsSuccess);
            userId = created.Value;
            Assert.True((await api.LinkPatientRecordAsync(userId, harbourPatient, harbour.Id, default)).IsSuccess);
            app.Clock.Advance(TimeSpan.FromDays(30));
            Assert.True((await api.LinkPatientRecordAsync(userId, summitPatient, summit.Id, default)).IsSuccess);
            Assert.True((await api.LinkPatientRecordAsync(userId, summitPatient, summit.Id, default)).IsSuccess, "linking twice is harmless");
        }

        using var client = await app.SignedInClientAsync("ava@example.test", "ava's long passphrase");
        var me = (await client.GetFromJsonAsync<Me>("/api/me", PortalClients.Json))!;
        Assert.Equal("patient", me.Kind);
        Assert.Equal(["patient"], me.Roles);
        Assert.Equal([harbourPatient, summitPatient], me.PatientIds);
        Assert.Null(me.PracticeGroupId);

        using var practiceRoute = await client.GetAsync("/api/practice/settings/portal");
        await ProblemAssert.IsProblemAsync(practiceRoute, HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task A_second_account_for_an_email_is_refused_whatever_its_case()
    {
        var drLee = await (await app.NewPracticeAsync()).AddPractitionerAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var api = scope.ServiceProvider.GetRequiredService<IIdentityApi>();

        var practitionerEmail = await api.CreatePatientAccountAsync(new NewPatientAccount(drLee.ToUpperInvariant(), "a long enough password", "S", "Lee"), default);
        Assert.Equal(IdentityErrorCodes.EmailTaken, practitionerEmail.Error!.Code);

        Assert.True((await api.CreatePatientAccountAsync(new NewPatientAccount("noah@example.test", "a long enough password", "Noah", "Smith"), default)).IsSuccess);
        var again = await api.CreatePatientAccountAsync(new NewPatientAccount("Noah@Example.test", "another long password", "Noah", "Smith"), default);
        Assert.Equal(ErrorKind.Conflict, again.Error!.Kind);
    }

    [Fact]
    public async Task Any_valid_email_can_hold_an_account()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var api = scope.ServiceProvider.GetRequiredService<IIdentityApi>();

        var created = await api.CreatePatientAccountAsync(new NewPatientAccount("o'brien+portal@example.test", "a long enough password", "Sean", "O'Brien"), default);

        Assert.True(created.IsSuccess, created.Error?.Code);
        await app.LoginAsync("o'brien+portal@example.test", "a long enough password");
    }

    [Fact]
    public async Task A_weak_password_is_refused_and_nothing_is_created()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var api = scope.ServiceProvider.GetRequiredService<IIdentityApi>();

        var weak = await api.CreatePatientAccountAsync(new NewPatientAccount("mia@example.test", "short", "Mia", "Chen"), default);

        Assert.Equal(IdentityErrorCodes.WeakPassword, weak.Error!.Code);
        Assert.Null(await api.FindAccountByEmailAsync("mia@example.test", default));
    }

    [Fact]
    public async Task A_practitioner_account_cannot_be_linked_to_a_patient_record_and_a_record_links_to_one_account()
    {
        var harbour = await app.NewPracticeAsync();
        var drLee = await harbour.AddPractitionerAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var api = scope.ServiceProvider.GetRequiredService<IIdentityApi>();
        var record = Guid.NewGuid();
        var drLeeId = (await api.FindAccountByEmailAsync(drLee, default))!.UserId;

        var practitioner = await api.LinkPatientRecordAsync(drLeeId, record, harbour.Id, default);
        Assert.Equal(IdentityErrorCodes.NotAPatientAccount, practitioner.Error!.Code);

        var first = (await api.CreatePatientAccountAsync(new NewPatientAccount("p1@example.test", "a long enough password", "P", "One"), default)).Value;
        var second = (await api.CreatePatientAccountAsync(new NewPatientAccount("p2@example.test", "a long enough password", "P", "Two"), default)).Value;
        Assert.True((await api.LinkPatientRecordAsync(first, record, harbour.Id, default)).IsSuccess);
        Assert.Equal(ErrorKind.Conflict, (await api.LinkPatientRecordAsync(second, record, harbour.Id, default)).Error!.Kind);
    }

    [Fact]
    public async Task Practitioners_of_a_group_are_listed_with_their_admin_flag()
    {
        var harbour = await app.NewPracticeAsync();
        var drLee = await harbour.AddPractitionerAsync();
        var summit = await app.NewPracticeAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var api = scope.ServiceProvider.GetRequiredService<IIdentityApi>();

        var practitioners = await api.GetPractitionersAsync(harbour.Id, default);

        Assert.Equal(2, practitioners.Count);
        Assert.True(practitioners.Single(p => p.Email == harbour.AdminEmail).IsPracticeAdmin);
        Assert.False(practitioners.Single(p => p.Email == drLee).IsPracticeAdmin);
        Assert.Equal(summit.Name, (await api.GetPracticeGroupAsync(summit.Id, default))!.Name);
    }

    private sealed record Me(string Kind, List<string> Roles, List<Guid> PatientIds, Guid? PracticeGroupId);
}
