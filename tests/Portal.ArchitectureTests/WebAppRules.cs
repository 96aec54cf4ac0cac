using System.Reflection;
using Xunit;

namespace Portal.ArchitectureTests;

/// <summary>
/// The browser apps use Portal only through its public REST API, as a third-party client would: they reference no
/// module, no module contract and no server-side shared code (a shortcut there would not even run in the browser).
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
        Assert.All(Solution.Modules.Append(Solution.Shared).Append(Solution.Host), assembly =>
            Assert.DoesNotContain(Solution.PortalReferencesOf(assembly), r => r.StartsWith("Portal.Web.", StringComparison.Ordinal)));
    }
}
