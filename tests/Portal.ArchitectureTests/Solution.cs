using System.Reflection;
using Portal.Host;

namespace Portal.ArchitectureTests;

/// <summary>The assemblies of the solution, found from the Host's module list (so a new module is checked too).</summary>
internal static class Solution
{
    public static readonly Assembly Host = typeof(PortalModules).Assembly;

    public static readonly Assembly[] Modules = PortalModules.All.Select(m => m.GetType().Assembly).Distinct().ToArray();

    public static readonly Assembly[] Contracts = AllPortalAssemblies()
        .Where(a => a.GetName().Name!.StartsWith("Portal.Modules.", StringComparison.Ordinal)
                    && a.GetName().Name!.EndsWith(".Contracts", StringComparison.Ordinal))
        .ToArray();

    public static readonly Assembly SharedAbstractions = typeof(Portal.Shared.Abstractions.Error).Assembly;

    public static readonly Assembly Shared = typeof(Portal.Shared.Persistence.UnitOfWork).Assembly;

    public static string NameOf(Assembly assembly) => assembly.GetName().Name!;

    /// <summary><c>Portal.Modules.Identity</c> → <c>Portal.Modules.Identity.Contracts</c>.</summary>
    public static string ContractsNameOf(Assembly module) => NameOf(module) + ".Contracts";

    public static IEnumerable<string> PortalReferencesOf(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Portal.", StringComparison.Ordinal));

    private static IEnumerable<Assembly> AllPortalAssemblies()
    {
        var seen = new Dictionary<string, Assembly>();
        var queue = new Queue<Assembly>([Host]);
        while (queue.Count > 0)
        {
            var assembly = queue.Dequeue();
            if (!seen.TryAdd(NameOf(assembly), assembly))
            {
                continue;
            }

            foreach (var reference in PortalReferencesOf(assembly))
            {
                queue.Enqueue(Assembly.Load(reference));
            }
        }

        return seen.Values;
    }
}
