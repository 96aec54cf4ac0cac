namespace Portal.Web.Components;

/// <summary>An access-log entry in words, the same for the practice and the patient; the record's parts in the server's words.</summary>
public static class AccessLogText
{
    /// <summary>The same, with the record's words from <paramref name="label"/> (a part's name to its label).</summary>
    public static string Describe(string action, string subject, Func<string, string> label)
    {
        var what = subject switch
        {
            "notes" => "clinical notes",
            "changeRequests" => "requested changes",
            "history" => "the record's history",
            "portalAccess" => "portal access",
            "appointments" => "appointments",
            var part => label(part),
        };
        return action switch
        {
            "viewed" => $"Viewed {what}",
            "created" => $"Created {what}",
            "updated" => $"Changed {what}",
            "changeApproved" => $"Approved a change to {what}",
            "changeRejected" => $"Rejected a change to {what}",
            "restored" => $"Restored earlier {what}",
            "invited" => "Invited to the portal",
            "invitationResent" => "Sent the portal invitation again",
            "invitationRevoked" => "Revoked the portal invitation",
            "accepted" => "Accepted the portal invitation",
            "unlinked" => "Removed portal access",
            var other => $"{other} {what}",
        };
    }
}
