using Portal.Web.Components;
using Xunit;

namespace Portal.Web.Tests;

/// <summary>
/// The plain checks the admin pages run before sending: the patient form's (the add-patient and details forms) and the
/// password strength words under a new password (the reasons the server would give: <see cref="PasswordHintTests"/>).
/// </summary>
public sealed class AdminFormChecksTests
{
    [Fact]
    public void The_patient_form_checks_what_it_can_before_sending()
    {
        var form = new PatientFormModel { GivenName = " ", FamilyName = "Nguyen", DateOfBirth = new DateOnly(2999, 1, 1), Email = "nope", Line1 = "1 Wharf St" };

        var errors = form.Check(new DateOnly(2026, 11, 25));

        Assert.Equal(["address", "dateOfBirth", "email", "givenName"], errors.Keys.Order().ToArray());
        Assert.Equal("The date of birth cannot be in the future.", Assert.Single(errors["dateOfBirth"]));
    }

    [Fact]
    public void A_complete_patient_form_passes_and_a_partial_emergency_contact_does_not()
    {
        var form = new PatientFormModel { GivenName = "Ava", FamilyName = "Nguyen", DateOfBirth = new DateOnly(1990, 3, 4), Email = "ava@example.test" };
        Assert.Empty(form.Check(new DateOnly(2026, 11, 25)));

        form.ContactName = "Sam Nguyen";
        Assert.Equal(["emergencyContact"], form.Check(new DateOnly(2026, 11, 25)).Keys.ToArray());
    }

    [Theory]
    [InlineData("", "Use at least 12 characters")]
    [InlineData(null, "Use at least 12 characters")]
    [InlineData("short", "Too short: 7 more")]
    [InlineData("correct horse battery", "Strong.")]
    [InlineData("abcdefghijkl", "Acceptable.")]
    public void Password_strength_is_said_in_plain_words(string? password, string expected) =>
        Assert.StartsWith(expected, PasswordStrength.Describe(password), StringComparison.Ordinal);
}
