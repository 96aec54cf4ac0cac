using System.Reflection;
using Xunit;

namespace Portal.ArchitectureTests;

/// <summary>
/// The web apps use Portal only through its public REST API, as a third-party client would: they reference no module,
/// no module contract and no server-side shared code. Both apps are rendered on the server, inside the Host, where a shortcut into module code would compile and run: these rules are what keep it
/// a client of the API (docs/decisions/0013-server-rendered-web-apps-and-cookie-sessions.md). <c>Portal.Web.Server</c>
/// holds what a server-rendered app needs to be that client (the session cookie, the HTTP transport to the API); it runs
/// inside the Host too, so the same rules hold for it (docs/decisions/0014-admin-app-server-rendered.md).
/// </summary>
public sealed class WebAppRules
{
    /// <summary>Each web project and the only <c>Portal.*</c> assemblies it may reference.</summary>
    private static readonly Dictionary<string, string[]> WebApps = new()
    {
        ["Portal.Web.Admin"] = ["Portal.Web.Components", "Portal.Web.Server"],
        ["Portal.Web.Patient"] = ["Portal.Web.Components", "Portal.Web.Server"],
        ["Portal.Web.Server"] = ["Portal.Web.Components"],
        ["Portal.Web.Components"] = [],
    };

    /// <summary>The web projects rendered on the server, inside the Host.</summary>
    private static readonly string[] ServerSide = ["Portal.Web.Admin", "Portal.Web.Patient", "Portal.Web.Server"];

    [Fact]
    public void The_web_apps_reference_only_the_web_libraries_they_may()
    {
        var apps = WebApps.Keys.Select(name => Assembly.Load(name)).ToList();
        Assert.Equal(4, apps.Count);
        Assert.All(apps, app =>
        {
            var offending = Solution.PortalReferencesOf(app).Except(WebApps[Solution.NameOf(app)]).ToList();
            Assert.True(offending.Count == 0, $"{Solution.NameOf(app)} references {string.Join(", ", offending)}");
        });
        // The rule sees references at all.
        Assert.Contains("Portal.Web.Components", Solution.PortalReferencesOf(Assembly.Load("Portal.Web.Admin")));
        Assert.Contains("Portal.Web.Server", Solution.PortalReferencesOf(Assembly.Load("Portal.Web.Patient")));
        Assert.Contains("Portal.Web.Server", Solution.PortalReferencesOf(Assembly.Load("Portal.Web.Admin")));
    }

    [Fact]
    public void No_module_references_a_web_app()
    {
        Assert.All(Solution.Modules.Append(Solution.Shared), assembly =>
            Assert.DoesNotContain(Solution.PortalReferencesOf(assembly), r => r.StartsWith("Portal.Web.", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_host_composes_only_the_server_rendered_web_projects()
    {
        // It adds both apps' services and maps their pages, and checks the front end's key of Portal.Web.Server
        // (forwarded headers); Portal.Web.Components only reaches it through the apps. A new web project the Host
        // references is a deliberate change of this list.
        var webApps = Solution.PortalReferencesOf(Solution.Host).Where(r => r.StartsWith("Portal.Web.", StringComparison.Ordinal)).Order().ToList();
        Assert.Equal(["Portal.Web.Admin", "Portal.Web.Patient", "Portal.Web.Server"], webApps);
    }

    [Fact]
    public void The_server_rendered_web_projects_reference_no_module_and_no_server_shared_code()
    {
        Assert.All(ServerSide, name =>
        {
            var references = Solution.PortalReferencesOf(Assembly.Load(name)).ToList();

            Assert.Contains("Portal.Web.Components", references);   // the rule sees references at all
            Assert.DoesNotContain(references, r => r.StartsWith("Portal.Modules.", StringComparison.Ordinal));
            Assert.DoesNotContain(references, r => r.StartsWith("Portal.Shared", StringComparison.Ordinal));
            Assert.DoesNotContain(references, r => r == "Portal.Host");
        });
    }
}
