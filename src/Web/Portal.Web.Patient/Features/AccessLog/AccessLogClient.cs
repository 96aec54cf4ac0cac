using Portal.Web.Components.Api;
using Portal.Web.Server.Api;

namespace Portal.Web.Patient.Features.AccessLog;

/// <summary>Who at the practice viewed or changed the record: <c>GET /api/portal/access-log</c>.</summary>
public sealed class AccessLogClient(PortalWebApi api)
{
    public Task<ApiResult<Page<AccessLogEntry>>> PageAsync(Guid patientId, int page, int pageSize) =>
        api.GetAsync<Page<AccessLogEntry>>($"api/portal/access-log?patientId={patientId}&page={page}&pageSize={pageSize}");
}

public sealed record AccessLogEntry(DateTimeOffset At, string ActorName, string Action, string Subject);
