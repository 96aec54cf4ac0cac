using Portal.Web.Components.Api;
using Portal.Web.Server.Api;

namespace Portal.Web.Admin.Features.SecurityLog;

/// <summary>An account an entry is about, or who acted.</summary>
public sealed record LogPerson(Guid UserId, string? Name, string? Email);

/// <summary>One entry; its <c>kind</c> is said in the words both apps share (<see cref="Portal.Web.Components.SecurityActivity"/>).</summary>
public sealed record SecurityLogEntry(Guid Id, DateTimeOffset OccurredAt, string Kind, LogPerson? Account, LogPerson? Actor, string? RemoteAddress, string? Detail);

/// <summary>The practice's security log (practice admins): <c>GET /api/practice/security-log</c>, newest first.</summary>
public sealed class SecurityLogClient(PortalWebApi api)
{
    public const int PageSize = 25;

    public Task<ApiResult<Page<SecurityLogEntry>>> PageAsync(int page) =>
        api.GetAsync<Page<SecurityLogEntry>>($"api/practice/security-log?page={Math.Max(1, page)}&pageSize={PageSize}");
}
