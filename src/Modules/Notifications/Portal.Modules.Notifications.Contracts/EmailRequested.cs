using Portal.Shared.Abstractions;

namespace Portal.Modules.Notifications.Contracts;

/// <summary>
/// Asks for an email to be sent. A module publishes it through its outbox, in the same transaction as the change
/// the email is about; Notifications renders it in the practice's layout, queues it and a job delivers it.
/// The same event delivered twice still sends one email (its <see cref="EventId"/> is the email's id).
/// </summary>
[IntegrationEvent("notifications.email-requested")]
public sealed record EmailRequested(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid? PracticeGroupId,
    string To,
    EmailContent Content) : ISecretBearingEvent;

/// <summary>
/// What an email says; the layout (practice name, greeting, footer) is added when it is rendered. <see cref="Attachments"/>
/// travel with it unchanged (e.g. an appointment's calendar entry).
/// </summary>
public sealed record EmailContent(
    string Subject,
    string Heading,
    IReadOnlyList<string> Paragraphs,
    EmailAction? Action = null,
    IReadOnlyList<EmailAttachment>? Attachments = null);

/// <summary>The email's one button, e.g. "Accept your invitation" with its link.</summary>
public sealed record EmailAction(string Label, string Url);

/// <summary>A file sent with the email: its name as the reader sees it, its MIME type (parameters allowed) and its bytes.</summary>
/// <example><c>new EmailAttachment("appointment.ics", "text/calendar; method=PUBLISH; charset=utf-8", bytes)</c></example>
public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);
