using Portal.Modules.Identity.Contracts;

namespace Portal.Modules.Identity.Domain;

/// <summary>
/// One entry of the security log: a sign-in, a lockout, a password or two-factor change, an ended session, or an
/// event another module reported. Never holds a password, code or token.
/// </summary>
internal sealed class SecurityLogEntry
{
    public const int MaxKindLength = 40;
    public const int MaxEmailLength = 256;
    public const int MaxDetailLength = 500;

    public Guid Id { get; init; }
    public DateTimeOffset OccurredAt { get; init; }

    public SecurityEventKind Kind { get; init; }

    /// <summary>The account it is about, when there is one.</summary>
    public Guid? AccountId { get; init; }

    /// <summary>The practice group whose admins see the entry: the account's group, or the group an event named.</summary>
    public Guid? PracticeGroupId { get; init; }

    /// <summary>Who did it, when someone signed in did (the account itself, or a practitioner).</summary>
    public Guid? ActorUserId { get; init; }

    /// <summary>The email a sign-in tried, kept for attempts on addresses that have no account.</summary>
    public string? Email { get; init; }

    public string? RemoteAddress { get; init; }
    public string? Detail { get; init; }

    public static string? Clip(string? text, int length) => text is { Length: > 0 } && text.Length > length ? text[..length] : text;
}
