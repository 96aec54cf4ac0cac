using Portal.Modules.Funding.Domain;
using Xunit;

namespace Portal.Modules.Funding.Tests;

/// <summary>
/// Each scheme's published rules, with the example numbers Services Australia, the NDIA, DVA and the HI Service use in
/// their developer material, and numbers one digit off.
/// </summary>
public sealed class FundingIdentifierTests
{
    private static (string Code, string Field) CodeAndField(Portal.Shared.Abstractions.Error error) => (error.Code, error.FieldErrors.Keys.Single());

    [Theory]
    [InlineData("2123456701", "2123456701")]      // the usual published test card: 2·1+1·3+2·7+3·9+4·1+5·3+6·7+7·9 = 170, check digit 0
    [InlineData("2123 45670 1", "2123456701")]    // as printed on the card
    [InlineData("3950386862", "3950386862")]
    public void A_medicare_number_whose_check_digit_adds_up_is_kept_without_spaces(string typed, string kept)
    {
        var result = FundingIdentifiers.MedicareNumber(typed);

        Assert.True(result.IsSuccess);
        Assert.Equal(kept, result.Value);
    }

    [Theory]
    [InlineData("2123456711")]    // check digit 1, should be 0
    [InlineData("1123456701")]    // first digit 1: no card starts so
    [InlineData("7123456701")]
    [InlineData("212345670")]     // nine digits
    [InlineData("21234567011")]
    [InlineData("21234A6701")]
    [InlineData("")]
    [InlineData(null)]
    public void Any_other_medicare_number_is_refused_with_its_code(string? typed)
    {
        var result = FundingIdentifiers.MedicareNumber(typed);

        Assert.Equal(("funding.invalid-medicare-number", "number"), CodeAndField(result.Error!));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(9, true)]
    [InlineData(0, false)]
    [InlineData(10, false)]
    [InlineData(null, false)]
    public void The_reference_number_is_one_to_nine(int? irn, bool valid)
    {
        var result = FundingIdentifiers.MedicareIrn(irn);

        Assert.Equal(valid, result.IsSuccess);
        if (!valid)
        {
            Assert.Equal("funding.invalid-irn", result.Error!.Code);
        }
    }

    [Fact]
    public void A_card_is_valid_to_the_end_of_its_month_and_an_earlier_month_has_expired()
    {
        var today = new DateOnly(2026, 12, 3);

        Assert.Equal(new DateOnly(2026, 12, 1), FundingIdentifiers.MedicareValidTo("2026-12", today).Value);
        Assert.True(FundingIdentifiers.MedicareValidTo("2031-01", today).IsSuccess);
        Assert.Equal("funding.medicare-expired", FundingIdentifiers.MedicareValidTo("2026-11", today).Error!.Code);
        Assert.Equal("validation.failed", FundingIdentifiers.MedicareValidTo("12/2026", today).Error!.Code);
        Assert.Equal("validation.failed", FundingIdentifiers.MedicareValidTo("2026-13", today).Error!.Code);
    }

    [Theory]
    [InlineData("8003608166690503")]      // the HI Service's published test IHI
    [InlineData("8003 6081 6669 0503")]
    [InlineData("8003601234567894")]
    public void An_ihi_with_the_individuals_prefix_that_passes_luhn_is_kept(string typed)
    {
        Assert.True(FundingIdentifiers.Ihi(typed).IsSuccess);
    }

    [Theory]
    [InlineData("8003608166690504")]      // the last digit off
    [InlineData("8003618166690502")]      // passes Luhn, but a provider's prefix (800361), not an individual's
    [InlineData("800360816669050")]       // 15 digits
    [InlineData("80036081666905O3")]
    [InlineData(null)]
    public void Any_other_ihi_is_refused_with_its_code(string? typed)
    {
        Assert.Equal(("funding.invalid-ihi", "ihi"), CodeAndField(FundingIdentifiers.Ihi(typed).Error!));
    }

    [Theory]
    [InlineData("430123456", true)]
    [InlineData("430 123 456", true)]
    [InlineData("43012345", false)]
    [InlineData("4301234567", false)]
    [InlineData("43012345X", false)]
    public void An_ndis_number_is_nine_digits(string typed, bool valid)
    {
        var result = FundingIdentifiers.NdisNumber(typed);

        Assert.Equal(valid, result.IsSuccess);
        Assert.Equal(valid ? null : "funding.invalid-ndis-number", result.Error?.Code);
    }

    [Theory]
    [InlineData("NX901667", "NX901667")]      // New South Wales, war code X
    [InlineData("nx 901667", "NX901667")]
    [InlineData("VSS12345A", "VSS12345A")]    // Victoria, war code SS, a dependant
    [InlineData("Q123456", "Q123456")]        // no war code
    [InlineData("TX12", "TX12")]
    public void A_dva_file_number_with_its_state_letter_is_kept_in_capitals(string typed, string kept)
    {
        Assert.Equal(kept, FundingIdentifiers.DvaFileNumber(typed).Value);
    }

    [Theory]
    [InlineData("AX901667")]          // no state A
    [InlineData("NX9016671234")]      // more than 9 characters
    [InlineData("NXXXX1234")]         // a war code of four letters
    [InlineData("NX")]                // no digits
    [InlineData("")]
    public void Any_other_dva_file_number_is_refused_with_its_code(string typed)
    {
        Assert.Equal(("funding.invalid-dva-file-number", "fileNumber"), CodeAndField(FundingIdentifiers.DvaFileNumber(typed).Error!));
    }

    [Fact]
    public void The_health_funds_are_a_list_of_registered_insurers_found_by_code()
    {
        Assert.True(HealthFunds.All.Count >= 30);
        Assert.Equal("Bupa", HealthFunds.Find("bupa")!.Name);
        Assert.Equal("Nurses & Midwives Health", HealthFunds.Find(" NURSES-AND-MIDWIVES-HEALTH ")!.Name);
        Assert.Null(HealthFunds.Find("acme-health"));
        Assert.Equal(HealthFunds.All.Count, HealthFunds.All.Select(f => f.Code).Distinct().Count());
    }
}
