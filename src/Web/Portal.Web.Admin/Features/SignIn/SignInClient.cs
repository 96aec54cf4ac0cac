using Portal.Web.Components.Api;
using Portal.Web.Server.Api;
using Portal.Web.Server.Session;

namespace Portal.Web.Admin.Features.SignIn;

/// <summary>What a sign-in attempt came to.</summary>
public enum SignInStep
{
    SignedIn,
    CodeNeeded,
    Refused,
}

public sealed record SignInAnswer(SignInStep Step, ApiProblem? Problem = null);

/// <summary>Signing in and out: <c>POST /api/auth/login</c> (with the two-factor code in the same call), <c>POST /api/auth/logout</c>.</summary>
public sealed class SignInClient(PortalWebApi api, WebSession session)
{
    public async Task<SignInAnswer> SignInAsync(string email, string password, string? code)
    {
        // Six digits are the authenticator's code; anything else typed at that step is a recovery code.
        var trimmed = code?.Trim().Replace(" ", "", StringComparison.Ordinal);
        var authenticatorCode = trimmed is { Length: 6 } && trimmed.All(char.IsAsciiDigit);
        var result = await api.AnonymousAsync<TokenResponse>(HttpMethod.Post, "api/auth/login", new
        {
            email,
            password,
            twoFactorCode = authenticatorCode ? trimmed : null,
            recoveryCode = !string.IsNullOrEmpty(trimmed) && !authenticatorCode ? code!.Trim() : null,
        });
        if (result.Problem is { } problem)
        {
            return new SignInAnswer(problem.Code == "auth.two-factor-required" ? SignInStep.CodeNeeded : SignInStep.Refused, problem);
        }

        return await session.StartAsync(result.Value!) ? new SignInAnswer(SignInStep.SignedIn) : new SignInAnswer(SignInStep.Refused, ApiProblem.Unreadable);
    }

    /// <summary>Ends the session on the server (its refresh token stops working) and deletes the cookie.</summary>
    public Task SignOutAsync() => session.EndAsync();
}

/// <summary>Email and password waiting for the two-factor code: carried by the code form only as a <see cref="ProtectedField"/>.</summary>
public sealed record PendingSignIn(string Email, string Password);
