using Portal.Web.Components.Api;

namespace Portal.Web.Admin;

/// <summary>The unread count in the header; pages that read notifications ask it to refresh.</summary>
public sealed class NotificationCounter(PortalApi api)
{
    public int Unread { get; private set; }

    public event Action? Changed;

    public async Task RefreshAsync()
    {
        var result = await api.GetAsync<NotificationPage>("api/practice/notifications?unread=true&pageSize=1");
        if (result is { IsSuccess: true, Value: { } page })
        {
            Unread = page.Unread;
            Changed?.Invoke();
        }
    }
}
