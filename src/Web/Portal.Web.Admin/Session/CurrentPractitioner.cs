using Portal.Web.Components.Api;
using Portal.Web.Server.Api;
using Portal.Web.Server.Session;

namespace Portal.Web.Admin.Session;

/// <summary>What the signed-in account is to this app.</summary>
public enum Standing
{
    SignedOut,
    /// <summary>A patient (or another kind of account): this is the practice's app, not theirs.</summary>
    NotPractitioner,
    /// <summary>A practitioner whose temporary password must be replaced first.</summary>
    MustChangePassword,
    Practitioner,
}

/// <summary>
/// The signed-in practitioner for this request: the cookie session says who signed in, <c>GET /api/me</c> their practice
/// and roles (read once per request; the cookie carries only the account's id, email, name and kind).
/// </summary>
public sealed class CurrentPractitioner(WebSession session, PortalWebApi api)
{
    private Task<(Standing, Me?, ApiProblem?)>? _loaded;

    public Me? Me { get; private set; }
    public ApiProblem? Problem { get; private set; }
    public Standing Standing { get; private set; }
    public bool IsPracticeAdmin => Me?.IsPracticeAdmin == true;

    public async Task LoadAsync()
    {
        (Standing, Me, Problem) = await (_loaded ??= ReadAsync());
    }

    private async Task<(Standing, Me?, ApiProblem?)> ReadAsync()
    {
        if (await session.UserAsync() is not { } user)
        {
            return (Standing.SignedOut, null, null);
        }

        if (user.Kind != AccountKind.Practitioner)
        {
            return (Standing.NotPractitioner, null, null);
        }

        var me = await api.GetAsync<Me>("api/me");
        if (me.Value is not { } value)
        {
            return (await session.UserAsync() is null ? Standing.SignedOut : Standing.Practitioner, null, me.Problem);
        }

        return (value.PasswordChangeRequired ? Standing.MustChangePassword : Standing.Practitioner, value, null);
    }
}
