using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
using Portal.Web.Admin;
using Portal.Web.Components;
using Portal.Web.Components.Api;

var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<App>("#app");
builder.RootComponents.Add<HeadOutlet>("head::after");

// The app lives at /admin/; the API at the site's root.
var apiBase = new Uri(new Uri(builder.HostEnvironment.BaseAddress), "/");
builder.Services.AddScoped(_ => new HttpClient { BaseAddress = apiBase });
builder.Services.AddScoped<AuthSession>();
builder.Services.AddScoped<PortalApi>();
builder.Services.AddScoped<PasswordResets>();
builder.Services.AddScoped<RecordFields>();
builder.Services.AddScoped<NotificationCounter>();
builder.Services.AddSingleton(TimeProvider.System);

await builder.Build().RunAsync();
