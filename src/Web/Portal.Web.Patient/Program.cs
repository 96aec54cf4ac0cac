using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
using Portal.Web.Components;
using Portal.Web.Components.Api;
using Portal.Web.Patient;

var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<App>("#app");
builder.RootComponents.Add<HeadOutlet>("head::after");

builder.Services.AddScoped(_ => new HttpClient { BaseAddress = new Uri(builder.HostEnvironment.BaseAddress) });
builder.Services.AddScoped<AuthSession>();
builder.Services.AddScoped<PortalApi>();
builder.Services.AddScoped<PasswordResets>();
builder.Services.AddScoped<RecordFields>();
builder.Services.AddScoped<MyRecords>();
builder.Services.AddSingleton(TimeProvider.System);

await builder.Build().RunAsync();
