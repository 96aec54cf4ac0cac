using System.Text.RegularExpressions;
using Xunit;

namespace Portal.ArchitectureTests;

/// <summary>
/// The shared kernel is technical: results and errors, messaging, persistence, HTTP plumbing, jobs. A patient-portal
/// concept (a patient, a record, a change request, an invitation, a note, money) belongs to the module that owns it
/// (docs/architecture.md, "Rules between modules").
/// </summary>
public sealed partial class SharedKernelRules
{
    /// <summary>The kernel's areas; a new one is a decision, not a drive-by.</summary>
    private static readonly string[] TechnicalNamespaces =
    [
        "Portal.Shared.Abstractions", "Portal.Shared.Behaviors", "Portal.Shared.Http", "Portal.Shared.Jobs",
        "Portal.Shared.Messaging", "Portal.Shared.Modules", "Portal.Shared.Persistence",
    ];

    [Fact]
    public void Shared_types_live_in_the_technical_areas_only()
    {
        var types = SharedTypes();
        Assert.True(types.Count >= 20, "no shared types found: the rule would check nothing");
        Assert.All(types, type => Assert.True(
            TechnicalNamespaces.Contains(type.Namespace),
            $"{type.FullName} is in {type.Namespace}, not one of the shared kernel's technical areas"));
    }

    [Fact]
    public void No_shared_type_is_named_after_a_business_concept()
    {
        var types = SharedTypes();
        var business = types.Where(type => BusinessWord().IsMatch(type.Name)).Select(type => type.FullName).ToList();
        Assert.True(types.Count >= 20, "no shared types found: the rule would check nothing");
        Assert.True(business.Count == 0, "business concepts in the shared kernel (move them to their module): " + string.Join(", ", business));
    }

    [Fact]
    public void The_rule_recognises_business_names()
    {
        Assert.Matches(BusinessWord(), "ChangeRequestDecision");
        Assert.Matches(BusinessWord(), "PatientRecordPart");
        Assert.Matches(BusinessWord(), "InvoiceTotals");
        Assert.DoesNotMatch(BusinessWord(), "OutboxRelayJob");
    }

    private static List<Type> SharedTypes() =>
        new[] { Solution.Shared, Solution.SharedAbstractions }
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => type.Namespace?.StartsWith("Portal.", StringComparison.Ordinal) == true && !type.Name.StartsWith('<'))
            .ToList();

    [GeneratedRegex("Patient|ChangeRequest|HealthRecord|Invitation|Note(?!book)|Notification|Appointment|Funding|Medicare|Invoice|Payment|Billing|Consent|Carer|Guardian")]
    private static partial Regex BusinessWord();
}
