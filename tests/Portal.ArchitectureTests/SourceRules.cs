using Xunit;

namespace Portal.ArchitectureTests;

/// <summary>Rules read from the source text, where the compiled types cannot tell.</summary>
public sealed class SourceRules
{
    [Fact]
    public void Slices_read_the_callers_practice_group_through_one_accessor()
    {
        var sources = SourceFiles();
        Assert.True(sources.Count >= 50, "no source files found: the rule would check nothing");
        var offenders = sources.Where(file => File.ReadAllText(file).Contains("PracticeGroupId!.Value", StringComparison.Ordinal)).ToList();
        Assert.True(offenders.Count == 0,
            "use ICurrentUser.StaffPracticeGroupId instead of PracticeGroupId!.Value in: " + string.Join(", ", offenders.Select(Path.GetFileName)));
    }

    private static List<string> SourceFiles()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Portal.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        return Directory.EnumerateFiles(Path.Combine(directory.FullName, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                           && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
    }
}
