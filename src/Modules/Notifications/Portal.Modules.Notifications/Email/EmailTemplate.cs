using System.Net;
using System.Text;
using Portal.Modules.Notifications.Contracts;

namespace Portal.Modules.Notifications.Email;

/// <summary>Portal's one email layout, in plain text and HTML, headed by the practice's name.</summary>
internal static class EmailTemplate
{
    public static (string Text, string Html) Render(string practiceName, EmailContent content)
    {
        var text = new StringBuilder();
        text.AppendLine(practiceName).AppendLine(new string('=', Math.Min(60, practiceName.Length))).AppendLine();
        text.AppendLine(content.Heading).AppendLine();
        foreach (var paragraph in content.Paragraphs)
        {
            text.AppendLine(paragraph).AppendLine();
        }

        if (content.Action is { } action)
        {
            text.AppendLine($"{action.Label}: {action.Url}").AppendLine();
        }

        text.AppendLine("--").AppendLine($"Sent by {practiceName} through Portal. Please do not reply to this email.");

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
            .Append("<title>").Append(Encode(content.Subject)).Append("</title></head>")
            .Append("<body style=\"margin:0;padding:24px;background:#f4f6f8;font-family:Segoe UI,Arial,sans-serif;color:#1f2933;\">")
            .Append("<div style=\"max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:32px;\">")
            .Append("<p style=\"margin:0 0 24px;font-size:14px;font-weight:600;color:#0b5cad;\">").Append(Encode(practiceName)).Append("</p>")
            .Append("<h1 style=\"margin:0 0 16px;font-size:22px;\">").Append(Encode(content.Heading)).Append("</h1>");
        foreach (var paragraph in content.Paragraphs)
        {
            html.Append("<p style=\"margin:0 0 16px;font-size:16px;line-height:1.5;\">").Append(Encode(paragraph)).Append("</p>");
        }

        if (content.Action is { } button)
        {
            html.Append("<p style=\"margin:24px 0;\"><a href=\"").Append(Encode(button.Url))
                .Append("\" style=\"display:inline-block;background:#0b5cad;color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:6px;font-weight:600;\">")
                .Append(Encode(button.Label)).Append("</a></p>")
                .Append("<p style=\"margin:0 0 16px;font-size:13px;color:#52606d;\">Or open this link: ").Append(Encode(button.Url)).Append("</p>");
        }

        html.Append("<p style=\"margin:32px 0 0;font-size:12px;color:#7b8794;\">Sent by ").Append(Encode(practiceName))
            .Append(" through Portal. Please do not reply to this email.</p></div></body></html>");
        return (text.ToString(), html.ToString());
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
