using Portal.Web.Patient.Features.Invitation;
using Portal.Web.Patient.Features.PasswordReset;
using Portal.Web.Patient.Features.Requests;

namespace Portal.Web.Patient;

/// <summary>
/// The patients' app's own words for what the API answers, in one place (the record's field names are the server's:
/// <see cref="RecordTerms"/>).
/// </summary>
public static class Labels
{
    public static string Status(ChangeStatus status) => status switch
    {
        ChangeStatus.Pending => "Waiting for the practice",
        ChangeStatus.Approved => "Approved",
        ChangeStatus.Rejected => "Not accepted",
        ChangeStatus.Superseded => "Replaced",
        ChangeStatus.Withdrawn => "Withdrawn",
        _ => status.ToString(),
    };

    /// <summary>The CSS class of a status badge (portal.css colours them).</summary>
    public static string StatusClass(ChangeStatus status) => status switch
    {
        ChangeStatus.Pending => "pending",
        ChangeStatus.Approved => "approved",
        ChangeStatus.Rejected => "rejected",
        _ => "",
    };

    public static string DeadLinkTitle(DeadInvitation dead) => dead switch
    {
        DeadInvitation.Expired => "This invitation has expired",
        DeadInvitation.Used => "This invitation has already been used",
        DeadInvitation.Revoked => "This invitation link no longer works",
        _ => "This invitation link is not valid",
    };

    public static string DeadLinkTitle(DeadResetLink dead) => dead switch
    {
        DeadResetLink.Used => "This link has already been used",
        DeadResetLink.Expired => "This link has expired",
        _ => "This link is not valid",
    };

    public static string SaveButton(UpdatePolicy policy, string what) =>
        policy == UpdatePolicy.AutoUpdate ? $"Save my {what}" : "Send to my practice";

    /// <summary>What an edit came to, in a sentence; <paramref name="terms"/> names the fields, <paramref name="what"/> the part.</summary>
    public static string? Outcome(EditResult result, string practice, RecordTerms terms, string what, string changes) => result.Kind switch
    {
        EditResultKind.Applied => $"Saved. Your practice has your updated {what}.",
        EditResultKind.SentForApproval => $"Sent to {practice} for approval. Your {what} {changes} when they approve it.",
        EditResultKind.PartlyApplied =>
            $"Saved your {terms.Sentence(result.AppliedFields)}. Your change to {terms.Sentence(result.PendingFields)} is sent to {practice} for approval, and applies when they approve it.",
        EditResultKind.Withdrawn => $"Your request is withdrawn: nothing waits for {practice}, and your {what} {(what.EndsWith('s') ? "stay" : "stays")} as {(what.EndsWith('s') ? "they are" : "it is")}.",
        EditResultKind.NothingChanged => "Nothing changed, so nothing was sent.",
        _ => null,
    };

    public const string DateTime = "d MMM yyyy, h:mm tt";
    public const string Date = "d MMM yyyy";
}
