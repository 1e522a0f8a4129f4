using Scaffolder.Core.Check;

namespace Scaffolder.Tests.Check;

/// <summary>A file that cannot be read (a dangling link), of any kind, is a finding, never the end of the run.</summary>
public sealed class UnreadableFileTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Dangling_links_are_reported_and_the_other_files_are_still_checked(int jobs)
    {
        using var repo = new CheckRepo();
        repo.Write("kubernetes/a.yaml", "kind: ConfigMap\napiVersion: v1\nmetadata:\n  name: a\n");
        repo.Write("kubernetes/c.yaml", "kind: ConfigMap\napiVersion: v1\nmetadata:\n  name: c\n  bad: [unclosed\n");
        File.CreateSymbolicLink(Path.Combine(repo.Root, "kubernetes", "b.yaml"), "/nonexistent/target.yaml");
        File.CreateSymbolicLink(Path.Combine(repo.Root, "kubernetes", "d.tf"), "/nonexistent/target.tf");

        var report = CheckRepo.Check(repo.Root, options: new CheckOptions { RuleIds = ["SCF031"], MaxParallelism = jobs });

        report.Findings.Select(f => (f.File, f.Line)).ShouldBe([("kubernetes/b.yaml", 1), ("kubernetes/c.yaml", 6), ("kubernetes/d.tf", 1)]);
        report.Findings[0].Message.ShouldStartWith("cannot read the file (");
        report.Findings[1].Message.ShouldStartWith("YAML syntax error: ");
        report.Findings[2].Message.ShouldStartWith("cannot read the file (");
        report.FilesScanned.ShouldBe(4);
    }
}
