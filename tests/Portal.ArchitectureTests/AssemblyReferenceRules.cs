using Xunit;

namespace Portal.ArchitectureTests;

/// <summary>The rules between modules (docs/architecture.md, "Rules between modules"), checked first on assembly references.</summary>
public sealed class AssemblyReferenceRules
{
    [Fact]
    public void A_module_references_only_shared_its_own_contracts_and_other_modules_contracts()
    {
        Assert.True(Solution.Modules.Length >= 2, "the modules were not found");
        Assert.All(Solution.Modules, module =>
        {
            var allowed = new[] { "Portal.Shared", "Portal.Shared.Abstractions" };
            var offending = Solution.PortalReferencesOf(module)
                .Where(r => !allowed.Contains(r) && !r.EndsWith(".Contracts", StringComparison.Ordinal))
                .ToList();
            Assert.True(offending.Count == 0, $"{Solution.NameOf(module)} references {string.Join(", ", offending)}");
        });
    }

    [Fact]
    public void Every_module_has_a_contracts_assembly()
    {
        Assert.All(Solution.Modules, module =>
            Assert.Contains(Solution.ContractsNameOf(module), Solution.Contracts.Select(Solution.NameOf)));
    }

    [Fact]
    public void Contracts_reference_only_shared_abstractions_and_no_ef_or_aspnet()
    {
        Assert.NotEmpty(Solution.Contracts);
        Assert.All(Solution.Contracts, contracts =>
        {
            var references = contracts.GetReferencedAssemblies().Select(a => a.Name!).ToList();
            var portal = references.Where(r => r.StartsWith("Portal.", StringComparison.Ordinal)).ToList();
            Assert.True(portal.All(r => r == "Portal.Shared.Abstractions"), $"{Solution.NameOf(contracts)} references {string.Join(", ", portal)}");
            Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
            Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        });
    }

    [Fact]
    public void Shared_references_no_module_and_no_host()
    {
        foreach (var shared in new[] { Solution.Shared, Solution.SharedAbstractions })
        {
            var portal = Solution.PortalReferencesOf(shared).ToList();
            Assert.DoesNotContain(portal, r => r.StartsWith("Portal.Modules.", StringComparison.Ordinal));
            Assert.DoesNotContain(portal, r => r.StartsWith("Portal.Host", StringComparison.Ordinal));
        }

        Assert.Equal(["Portal.Shared.Abstractions"], Solution.PortalReferencesOf(Solution.Shared));
    }

    [Fact]
    public void Shared_abstractions_use_no_ef_and_no_aspnet()
    {
        var references = Solution.SharedAbstractions.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.NotEmpty(references);
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("Portal.", StringComparison.Ordinal));
    }

    [Fact]
    public void No_module_and_no_contracts_reference_the_host()
    {
        Assert.All(Solution.Modules.Concat(Solution.Contracts), assembly =>
            Assert.DoesNotContain("Portal.Host", Solution.PortalReferencesOf(assembly)));
    }
}
