using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;

// The same framework path a Portal request takes at its least (routing, ASP.NET Core's bearer-token check, JSON), and
// nothing of Portal's: the ceiling bench/request-path.sh compares Portal's routes with.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddAuthentication(BearerTokenDefaults.AuthenticationScheme).AddBearerToken();
builder.Services.AddAuthorization();
var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();

var userId = Guid.CreateVersion7();
app.MapPost("/login", () => Results.SignIn(
    new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId.ToString())], BearerTokenDefaults.AuthenticationScheme)),
    authenticationScheme: BearerTokenDefaults.AuthenticationScheme));

// The shape and size of Portal's GET /api/me for a practitioner.
app.MapGet("/api/me", (ClaimsPrincipal user) => new Me(
        Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!), "dr.lee@harbour.test", "Sam Lee", "practitioner",
        Guid.Parse("a1b2c3d4-0000-4000-8000-000000000001"), "Harbour Health", ["practitioner"], [], false, false))
    .RequireAuthorization();

app.Run();

internal sealed record Me(
    Guid UserId, string Email, string Name, string Kind, Guid? PracticeGroupId, string? PracticeName,
    IReadOnlyList<string> Roles, IReadOnlyList<Guid> PatientIds, bool TwoFactorEnabled, bool PasswordChangeRequired);
