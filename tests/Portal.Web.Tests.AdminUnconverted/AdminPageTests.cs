using System.Net;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Admin;
using Portal.Web.Admin.Pages;
using Portal.Web.Components;
using Xunit;

namespace Portal.Web.Tests;

/// <summary>The screens' logic, with the API stubbed: what a practitioner sees and what is sent.</summary>
public sealed class AdminPageTests
{
    [Fact]
    public async Task The_sign_in_form_asks_for_the_code_when_the_account_has_two_factor()
    {
        var api = new StubApi().On("POST /api/auth/login", HttpStatusCode.Unauthorized, StubApi.Problem(401, "auth.two-factor-required", "Enter your code."));
        await using var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        var http = new HttpClient(api) { BaseAddress = new Uri("http://portal.test/") };
        context.Services.AddSingleton(http);
        context.Services.AddSingleton<Portal.Web.Components.Api.AuthSession>();
        var form = context.Render<SignInForm>();

        form.Find("#email").Change("dr.lee@harbour.test");
        form.Find("#password").Change("a long password");
        await form.Find("form").SubmitAsync();

        form.WaitForElement("#code");
        Assert.Empty(form.FindAll(".problem"));   // asking for the code is not an error
        Assert.Contains("Verify and sign in", form.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_checks_the_fields_before_sending()
    {
        var api = new StubApi();
        await using var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddSingleton(new HttpClient(api) { BaseAddress = new Uri("http://portal.test/") });
        context.Services.AddSingleton<Portal.Web.Components.Api.AuthSession>();
        var form = context.Render<SignInForm>();

        await form.Find("form").SubmitAsync();

        Assert.Contains("Enter your email and password.", form.Markup, StringComparison.Ordinal);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public void The_patient_form_checks_what_the_browser_can()
    {
        var form = new PatientFormModel { GivenName = " ", FamilyName = "Nguyen", DateOfBirth = new DateOnly(2999, 1, 1), Email = "nope", Line1 = "1 Wharf St" };

        var errors = form.Check(new DateOnly(2026, 11, 25));

        Assert.Equal(["address", "dateOfBirth", "email", "givenName"], errors.Keys.Order().ToArray());
    }

    [Theory]
    [InlineData("", "Use at least 12 characters")]
    [InlineData("short", "Too short: 7 more")]
    [InlineData("correct horse battery", "Strong.")]
    [InlineData("abcdefghijkl", "Acceptable.")]
    public void Password_strength_is_said_in_plain_words(string password, string expected) =>
        Assert.StartsWith(expected, PasswordStrength.Describe(password), StringComparison.Ordinal);
}
