namespace Scaffolder.Tests.Cli;

/// <summary><c>scaffold new &lt;id&gt; --help</c>: defaults rendered against the repository's config, and the template's examples.</summary>
public sealed class NewHelpTests
{
    [Fact]
    public void Help_shows_defaults_rendered_against_the_config()
    {
        using var repo = TestRepo.FromSample();
        repo.Write(".scaffold.yaml", repo.Read(".scaffold.yaml") + "podSecurity:\n  default: baseline\n");

        var result = repo.Run("new", "app", "--help");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldContain("[choice, default: baseline]");
        result.Output.ShouldContain("[string, default: ghcr.io/example/<name>]");
        result.Output.ShouldNotContain("{{");
        result.Output.ShouldNotContain("default: ]");
    }

    [Fact]
    public void Help_prints_the_examples_of_template_yaml()
    {
        using var repo = TestRepo.FromSample();

        var result = repo.Run("new", "database", "--help");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldContain("Examples:\n    scaffold new database miniflux --app miniflux\n    scaffold new database miniflux --app miniflux --mode dedicated --size 20Gi\n");
    }

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(TestRepo.SourceRoot, "templates"), "template.yaml", SearchOption.AllDirectories))
        {
            foreach (var line in File.ReadLines(file).SkipWhile(l => l != "examples:").Skip(1).TakeWhile(l => l.StartsWith("  - ", StringComparison.Ordinal)))
            {
                data.Add(line[4..].Trim('"'));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_example_runs_in_the_sample_repository(string example)
    {
        using var repo = TestRepo.FromSample();
        example.ShouldStartWith("scaffold new ");

        var result = repo.Run([.. example["scaffold ".Length..].Split(' '), "--dry-run"]);

        result.ExitCode.ShouldBe(0, $"{example}: {result.Error}");
    }
}
