using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Portal.Testing;
using Xunit;

namespace Portal.Web.Tests;

/// <summary>
/// A browser without script, over HTTP against the real Host: it opens pages, fills and posts their forms (with the
/// anti-forgery token the page carries, as a browser would), follows redirects and keeps cookies, and records every
/// Set-Cookie it was sent so a test can check what the browser received.
/// </summary>
internal sealed class PageClient : IDisposable
{
    private static readonly HtmlParser Parser = new();
    private readonly HttpClient _http;

    public PageClient(PortalApp app) =>
        _http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public IDocument Page { get; private set; } = Parser.ParseDocument("");
    public string Html { get; private set; } = "";
    public HttpStatusCode Status { get; private set; }
    public string Path { get; private set; } = "/";

    /// <summary>Every Set-Cookie header the browser was sent, in order.</summary>
    public List<string> SetCookies { get; } = [];

    public Task<IDocument> OpenAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    /// <summary>
    /// Posts the form of this page named <paramref name="handler"/> (its <c>_handler</c>) with its fields as the page
    /// filled them, <paramref name="fields"/> typed over them, and the button <paramref name="button"/> (name=value) pressed.
    /// </summary>
    public Task<IDocument> SubmitAsync(string handler, IDictionary<string, string>? fields = null, (string Name, string Value)? button = null)
    {
        var form = Page.QuerySelectorAll("form").FirstOrDefault(f => f.QuerySelector($"input[name=_handler][value='{handler}']") is not null)
                   ?? throw new InvalidOperationException($"No form '{handler}' on {Path}: {Html}");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.QuerySelectorAll("input[name], select[name], textarea[name]"))
        {
            var name = element.GetAttribute("name")!;
            if (element.HasAttribute("disabled") || fields?.ContainsKey(name) == true)
            {
                continue;
            }

            var type = element.GetAttribute("type");
            if (element.LocalName == "input" && type is "submit" or "button")
            {
                continue;
            }

            if (element.LocalName == "input" && type is "checkbox" or "radio" && !element.HasAttribute("checked"))
            {
                continue;   // as a browser: a box or option not ticked sends nothing
            }

            var value = element.LocalName switch
            {
                "select" => element.QuerySelector("option[selected]")?.GetAttribute("value") ?? element.QuerySelector("option")?.GetAttribute("value") ?? "",
                "textarea" => element.TextContent,
                _ when type is "password" => "",
                _ => element.GetAttribute("value") ?? "",
            };
            values.Add(new(name, value));
        }

        values.AddRange(fields ?? new Dictionary<string, string>());
        if (button is { } pressed)
        {
            values.Add(new(pressed.Name, pressed.Value));
        }

        // Relative to the pages' <base href="/">, as a browser resolves it.
        var action = form.GetAttribute("action") is { Length: > 0 } target ? new Uri(new Uri("http://localhost/"), target).PathAndQuery : Path;
        return SendAsync(new HttpRequestMessage(HttpMethod.Post, action) { Content = new FormUrlEncodedContent(values) });
    }

    /// <summary>A POST of exactly these fields (e.g. without the anti-forgery token).</summary>
    public Task<IDocument> PostRawAsync(string path, IDictionary<string, string> fields) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) });

    private async Task<IDocument> SendAsync(HttpRequestMessage request)
    {
        for (var hops = 0; ; hops++)
        {
            using var response = await _http.SendAsync(request);
            if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
            {
                SetCookies.AddRange(cookies);
            }

            Path = request.RequestUri!.IsAbsoluteUri ? request.RequestUri.PathAndQuery : request.RequestUri.OriginalString;
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther && hops < 5)
            {
                var location = response.Headers.Location!;
                request = new HttpRequestMessage(HttpMethod.Get, location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
                continue;
            }

            Status = response.StatusCode;
            Html = await response.Content.ReadAsStringAsync();
            Page = Parser.ParseDocument(Html);
            return Page;
        }
    }

    public string Text(string selector) => Page.QuerySelector(selector)?.TextContent.Trim() ?? throw new InvalidOperationException($"No {selector} on {Path}: {Html}");

    /// <summary>Signs in on the page's sign-in form and lands on <paramref name="path"/>.</summary>
    public async Task SignInAsync(string email, string password, string path = "/")
    {
        await OpenAsync(path);
        await SubmitAsync("sign-in", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.True(Page.QuerySelector("nav[aria-label=Main]") is not null, $"not signed in: {Html}");
    }

    public void Dispose() => _http.Dispose();
}
