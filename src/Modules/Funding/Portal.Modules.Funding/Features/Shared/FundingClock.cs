namespace Portal.Modules.Funding.Features.Shared;

/// <summary>
/// The day funding rules go by. Medicare cards are valid to the end of a month, and Portal keeps no zone per patient:
/// the UTC date is used, which keeps a card valid up to a day longer in Australia, never shorter.
/// </summary>
internal static class FundingClock
{
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
