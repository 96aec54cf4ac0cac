using System.Linq.Expressions;
using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Modules.Funding.Contracts;

namespace Portal.Modules.Funding.Domain;

/// <summary>
/// One patient's funding details as kept: the details as JSON (<see cref="FundingDetails"/>), the version every change
/// moves on (also the concurrency token), and what the Medicare expiry job needs to find and tell once.
/// </summary>
internal sealed class FundingRecord
{
    public Guid PatientId { get; private init; }
    public Guid PracticeGroupId { get; private init; }
    public int Version { get; private set; }
    public string Content { get; private set; } = "{}";
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The first day of the Medicare card's valid-to month (it is valid to the end of that month); null without a card.</summary>
    public DateOnly? MedicareValidTo { get; private set; }

    /// <summary>The valid-to month the patient was last told about (expiring or expired): they are told once per card.</summary>
    public DateOnly? MedicareExpiryNoticeFor { get; private set; }

    public static FundingRecord For(Guid practiceGroupId, Guid patientId) => new() { PracticeGroupId = practiceGroupId, PatientId = patientId };

    public FundingDetails Details => FundingDetails.FromJson(JsonNode.Parse(Content)!.AsObject());

    /// <summary>Stores <paramref name="details"/> and moves the version on; false, and nothing changed, when they are what is kept already.</summary>
    public bool Rewrite(FundingDetails details, DateTimeOffset now)
    {
        var content = JsonSerializer.Serialize(details, FundingDetails.Json);
        if (Version > 0 && JsonNode.DeepEquals(JsonNode.Parse(content), JsonNode.Parse(Content)))
        {
            return false;
        }

        Content = content;
        MedicareValidTo = details.Medicare?.ValidTo is null ? null : details.Medicare.ValidToMonth();
        Version++;
        UpdatedAt = now;
        return true;
    }

    /// <summary>
    /// The records whose patient should now be told that their card expires at the end of next month at the latest, or
    /// has expired: once for each valid-to month. A query, so the expiry job's search is the rule itself.
    /// </summary>
    public static Expression<Func<FundingRecord, bool>> MedicareNoticeDue(DateOnly today)
    {
        var latest = LastMonthExpiringSoon(today);
        return r => r.MedicareValidTo != null && r.MedicareValidTo <= latest
                    && (r.MedicareExpiryNoticeFor == null || r.MedicareExpiryNoticeFor != r.MedicareValidTo);
    }

    public void MedicareNoticeSent() => MedicareExpiryNoticeFor = MedicareValidTo;

    public static MedicareExpiry? ExpiryOf(DateOnly? validTo, DateOnly today) => validTo switch
    {
        null => null,
        { } month when month < FirstOfMonth(today) => MedicareExpiry.Expired,
        { } month when month <= LastMonthExpiringSoon(today) => MedicareExpiry.ExpiresSoon,
        _ => null,
    };

    /// <summary>A card valid to this month or the next "expires soon".</summary>
    private static DateOnly LastMonthExpiringSoon(DateOnly today) => FirstOfMonth(today).AddMonths(1);

    private static DateOnly FirstOfMonth(DateOnly day) => new(day.Year, day.Month, 1);
}
