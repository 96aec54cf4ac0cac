namespace Portal.Shared.Jobs;

/// <summary>Exponential back-off for retried work: 1, 2, 4, 8 ... minutes after the 1st, 2nd, 3rd ... failure, capped.</summary>
public static class RetryBackoff
{
    public static TimeSpan After(int failedAttempts, TimeSpan max)
    {
        var minutes = Math.Pow(2, Math.Clamp(failedAttempts - 1, 0, 30));
        return TimeSpan.FromMinutes(Math.Min(max.TotalMinutes, minutes));
    }
}
