using Portal.Web.Components.Api;
using Portal.Web.Server.Api;

namespace Portal.Web.Admin.Features.Notifications;

/// <summary>What a notification is about (the API's <c>kind</c>); a kind this app does not know yet reads as <see cref="Other"/>.</summary>
public enum NotificationKind
{
    Other,
    SettingsChanged,
    InvitationAccepted,
    ProfileChangePending,
    ProfileChangeWithdrawn,
    ProfileChangeApproved,
    ProfileChangeRejected,
    ProfileUpdated,
    AppointmentBooked,
    AppointmentCancelled,
    AppointmentRescheduled,
}

public sealed record Notification(Guid Id, NotificationKind Kind, Guid? PatientId, string Summary, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
{
    /// <summary>Whether it is about a patient's appointment (booked, cancelled or moved online).</summary>
    public bool IsAboutAppointments => Kind is NotificationKind.AppointmentBooked or NotificationKind.AppointmentCancelled or NotificationKind.AppointmentRescheduled;

    public bool IsUnread => ReadAt is null;
}

public sealed record NotificationPage(IReadOnlyList<Notification> Items, int Total, int Unread);

/// <summary>
/// The practitioner's notifications: <c>GET /api/practice/notifications</c> (with the unread count, also read for the
/// layout's counter on every page), <c>POST …/{id}/read</c> and <c>POST …/read-all</c>.
/// </summary>
public sealed class NotificationsClient(PortalWebApi api)
{
    public const int PageSize = 25;

    public async Task<ApiResult<NotificationPage>> PageAsync(int page)
    {
        var result = await api.GetAsync<Wire>($"api/practice/notifications?page={Math.Max(1, page)}&pageSize={PageSize}");
        return new ApiResult<NotificationPage>(result.Value?.ToPage(), result.Problem, result.Status);
    }

    /// <summary>How many are unread (null when that could not be read: the counter is then left out).</summary>
    public async Task<int?> UnreadAsync() =>
        (await api.GetAsync<Wire>("api/practice/notifications?unread=true&pageSize=1")).Value?.Unread;

    public async Task<ApiProblem?> MarkReadAsync(Guid id) =>
        (await api.PostAsync<System.Text.Json.JsonElement>($"api/practice/notifications/{id}/read")).Problem;

    /// <summary>Marks every notification read; answers how many were unread.</summary>
    public Task<ApiResult<MarkedRead>> MarkAllReadAsync() => api.PostAsync<MarkedRead>("api/practice/notifications/read-all");

    private sealed record WireItem(Guid Id, string Kind, Guid? PatientId, string Summary, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

    private sealed record Wire(IReadOnlyList<WireItem> Items, int Total, int Unread)
    {
        public NotificationPage ToPage() => new(
            Items.Select(i => new Notification(i.Id, KindOf(i.Kind), i.PatientId, i.Summary, i.CreatedAt, i.ReadAt)).ToList(), Total, Unread);

        private static NotificationKind KindOf(string kind) =>
            Enum.TryParse<NotificationKind>(kind, ignoreCase: true, out var known) && Enum.IsDefined(known) ? known : NotificationKind.Other;
    }
}

/// <summary>What "mark all as read" answers: how many were unread.</summary>
public sealed record MarkedRead(int Marked);
