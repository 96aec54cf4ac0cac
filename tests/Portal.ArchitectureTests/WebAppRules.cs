using System.Reflection;
using Xunit;

namespace Portal.ArchitectureTests;

/// <summary>
/// The web apps use Portal only through its public REST API, as a third-party client would: they reference no module,
/// no module contract and no server-side shared code. The admin app runs in the browser; the patients' app is rendered
/// on the server, inside the Host, where a shortcut into module code would compile and run: these rules are what keep it
/// a client of the API (docs/decisions/0013-server-rendered-web-apps-and-cookie-sessions.md).
/// </summary>
public sealed class WebAppRules
{
    private static readonly string[] WebApps = ["Portal.Web.Admin", "Portal.Web.Patient", "Portal.Web.Components"];

    [Fact]
    public void The_web_apps_reference_only_their_component_library()
    {
        var apps = WebApps.Select(name => Assembly.Load(name)).ToList();
        Assert.Equal(3, apps.Count);
        Assert.All(apps, app =>
        {
            var offending = Solution.PortalReferencesOf(app).Where(r => r != "Portal.Web.Components").ToList();
            Assert.True(offending.Count == 0, $"{Solution.NameOf(app)} references {string.Join(", ", offending)}");
        });
        Assert.Contains("Portal.Web.Components", Solution.PortalReferencesOf(apps[0]));   // the rule sees references at all
    }

    [Fact]
    public void No_module_references_a_web_app()
    {
        Assert.All(Solution.Modules.Append(Solution.Shared), assembly =>
            Assert.DoesNotContain(Solution.PortalReferencesOf(assembly), r => r.StartsWith("Portal.Web.", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_host_composes_only_the_server_rendered_app()
    {
        // It adds the patients' app's services and maps its pages; the admin app (WebAssembly) is files it serves.
        var webApps = Solution.PortalReferencesOf(Solution.Host).Where(r => r.StartsWith("Portal.Web.", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Portal.Web.Patient"], webApps);
    }

    [Fact]
    public void The_server_rendered_patients_app_references_no_module_and_no_server_shared_code()
    {
        var patientApp = Assembly.Load("Portal.Web.Patient");
        var references = Solution.PortalReferencesOf(patientApp).ToList();

        Assert.Contains("Portal.Web.Components", references);   // the rule sees references at all
        Assert.DoesNotContain(references, r => r.StartsWith("Portal.Modules.", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("Portal.Shared", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r == "Portal.Host");
    }
}
