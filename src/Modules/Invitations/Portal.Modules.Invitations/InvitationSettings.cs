namespace Portal.Modules.Invitations;

/// <summary>Section <c>Invitations</c>, plus <c>PublicBaseUrl</c> for the links in the emails.</summary>
public sealed class InvitationSettings
{
    public const string Section = "Invitations";

    public int ExpiryDays { get; set; } = 7;
    public int ReminderAfterDays { get; set; } = 3;
}
