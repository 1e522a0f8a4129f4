using Scaffolder.Core.Check;

namespace Scaffolder.Tests.Check;

/// <summary>The streaming walk reports files in the ordinal order of their repo-relative paths, as a global sort would.</summary>
public sealed class FileOrderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Findings_follow_the_ordinal_order_of_paths(int jobs)
    {
        string[] paths = ["a-b.yaml", "a.yaml", "a/x.yaml", "a/b/z.yaml", "a0/y.yaml", "a_c.yaml", "B.yaml", "ab.yaml", "a-/w.yaml"];
        using var repo = new CheckRepo();
        foreach (var path in paths)
        {
            repo.Write($"kubernetes/{path}", "kind: ConfigMap\napiVersion: v1\nmetadata:\n  name: x\n");
        }

        var report = CheckRepo.Check(repo.Root, options: new CheckOptions { RuleIds = ["SCF029"], MaxParallelism = jobs });

        report.Findings.Select(f => f.File).ShouldBe(paths.Select(p => $"kubernetes/{p}").Order(StringComparer.Ordinal));
    }
}
