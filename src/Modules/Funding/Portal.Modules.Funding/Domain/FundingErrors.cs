using Portal.Shared.Abstractions;

namespace Portal.Modules.Funding.Domain;

/// <summary>The codes the REST contract gives each invalid funding value, with the field named.</summary>
internal static class FundingErrors
{
    public static readonly Error InvalidMedicareNumber = Error.Validation("funding.invalid-medicare-number",
        "A Medicare card number is the 10 digits on the card (the first 2 to 6), and these do not add up: check each digit.", "number");

    public static readonly Error InvalidIrn = Error.Validation("funding.invalid-irn",
        "The individual reference number is the single digit (1 to 9) beside your name on the Medicare card.", "irn");

    public static readonly Error MedicareExpired = Error.Validation("funding.medicare-expired",
        "This Medicare card has expired: give the valid-to month of your current card.", "validTo");

    public static readonly Error InvalidDvaFileNumber = Error.Validation("funding.invalid-dva-file-number",
        "A DVA file number starts with its state letter (N, V, Q, W, S or T), then the war code and digits, at most 9 characters.", "fileNumber");

    public static readonly Error InvalidNdisNumber = Error.Validation("funding.invalid-ndis-number",
        "An NDIS participant number is 9 digits.", "number");

    public static readonly Error UnknownHealthFund = Error.Validation("funding.unknown-health-fund",
        "Choose your fund from the list of Australian registered health funds.", "fund");

    public static readonly Error InvalidIhi = Error.Validation("funding.invalid-ihi",
        "An Individual Healthcare Identifier is 16 digits starting 800360, and these do not add up: check each digit.", "ihi");
}
