using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Portal.Modules.Identity.Contracts;
using Portal.Testing;

namespace Portal.Modules.Identity.Tests;

/// <summary>
/// The test server has no client addresses: a Host made by <see cref="NewApp"/> takes each request's address from the
/// test header <c>X-Test-Client-Address</c>, as if the request had come from there.
/// </summary>
internal static class ClientAddresses
{
    public const string Header = "X-Test-Client-Address";

    public static PortalApp NewApp(Dictionary<string, string?>? settings = null)
    {
        var app = new PortalApp { ConfigureTestServices = TakeAddressFromHeader };
        foreach (var (key, value) in settings ?? [])
        {
            app.Settings[key] = value;
        }

        return app;
    }

    /// <summary>Makes a Host take each request's address from <see cref="Header"/>.</summary>
    public static void TakeAddressFromHeader(IServiceCollection services) => services.AddSingleton<IStartupFilter, FromHeader>();

    public static HttpClient ClientAt(this PortalApp app, string address)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(Header, address);
        return client;
    }

    public static async Task<HttpResponseMessage> PostLoginFromAsync(
        this PortalApp app, string address, string email, string password = DemoData.Password, string? twoFactorCode = null)
    {
        using var client = app.ClientAt(address);
        return await client.PostAsJsonAsync("/api/auth/login", new { email, password, twoFactorCode });
    }

    private sealed class FromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>A Host a test class shares (<c>IClassFixture</c>) that takes each request's address from <see cref="ClientAddresses.Header"/>.</summary>
public sealed class PortalAppAtClientAddresses : PortalApp
{
    public PortalAppAtClientAddresses() => ConfigureTestServices = ClientAddresses.TakeAddressFromHeader;
}
