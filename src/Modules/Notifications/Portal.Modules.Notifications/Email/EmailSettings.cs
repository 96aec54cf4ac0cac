namespace Portal.Modules.Notifications.Email;

/// <summary>Section <c>Email</c>: who emails come from, how they are delivered, how hard to retry.</summary>
public sealed class EmailSettings
{
    public const string Section = "Email";

    /// <summary><c>Smtp</c>, or <c>DevelopmentMailbox</c> (the default in Development: nothing leaves the machine).</summary>
    public string? Delivery { get; set; }

    public string From { get; set; } = "no-reply@portal.local";
    public string FromName { get; set; } = "Portal";

    /// <summary>Attempts before a transiently failing email is given up and recorded as failed.</summary>
    public int MaxAttempts { get; set; } = 8;

    public SmtpSettings Smtp { get; set; } = new();
}

public sealed class SmtpSettings
{
    public string Host { get; set; } = "localhost";
    public int Port { get; set; } = 587;

    /// <summary><c>Auto</c>, <c>None</c>, <c>StartTls</c>, <c>StartTlsWhenAvailable</c> or <c>SslOnConnect</c>.</summary>
    public string Security { get; set; } = "Auto";

    public string? Username { get; set; }
    public string? Password { get; set; }
    public int TimeoutSeconds { get; set; } = 30;
}
