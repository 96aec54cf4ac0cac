using System.Text.Json;
using Portal.Modules.Funding.Contracts;

namespace Portal.Modules.Funding.Domain;


/// <summary>
/// The registered private health insurers, kept as data (<c>health-funds.json</c>, embedded) so a fund that opens,
/// merges or closes is a change of the list, not of code.
/// </summary>
internal static class HealthFunds
{
    public static readonly IReadOnlyList<HealthFund> All = Load();

    private static readonly Dictionary<string, HealthFund> ByCode = All.ToDictionary(f => f.Code, StringComparer.OrdinalIgnoreCase);

    public static HealthFund? Find(string? code) => code is null ? null : ByCode.GetValueOrDefault(code.Trim());

    private static IReadOnlyList<HealthFund> Load()
    {
        using var stream = typeof(HealthFunds).Assembly.GetManifestResourceStream("Portal.Modules.Funding.health-funds.json")
            ?? throw new InvalidOperationException("The list of health funds is missing from the assembly.");
        return JsonSerializer.Deserialize<List<HealthFund>>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))!
            .OrderBy(f => f.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }
}
