using System.Text;
using Scaffolder.Core.Check;

namespace Scaffolder.Tests.Check;

/// <summary>docs/check-rules.md is generated from the rules' own metadata; this test keeps it in step.</summary>
public sealed class RulesDocTests
{
    [Fact]
    public void Rules_catalogue_matches_the_rules()
    {
        var builder = new StringBuilder()
            .Append("# `scaffold check` rules\n\n")
            .Append("Generated from the rules' metadata by `RulesDocTests` (regenerate with `SCAFFOLD_ACCEPT=1 dotnet test`).\n")
            .Append("Suppress a finding with the annotation `scaffold.dev/ignore: \"SCF0NN -- reason\"` or `check.ignorePaths` in `.scaffold.yaml`.\n\n")
            .Append("| id | title | severity |\n|---|---|---|\n");
        var rules = BuiltInRules.Create(CheckConventions.Default);
        foreach (var rule in rules)
        {
            builder.Append($"| [{rule.Id}](#{rule.Id.ToLowerInvariant()}) | {rule.Title} | {rule.Severity.ToName()} |\n");
        }

        foreach (var rule in rules)
        {
            builder.Append($"\n## {rule.Id}\n\n**{rule.Title}** ({rule.Severity.ToName()})\n\n")
                .Append($"- Enforces: {rule.Principle}\n- Why: {rule.Rationale}\n- Fix: {rule.Fix}\n");
        }

        var path = Path.Combine(Scaffolder.Tests.TestRepo.SourceRoot, "docs", "check-rules.md");
        var expected = builder.ToString();
        if (Environment.GetEnvironmentVariable("SCAFFOLD_ACCEPT") == "1" && Environment.GetEnvironmentVariable("CI") is null)
        {
            File.WriteAllText(path, expected);
        }

        File.Exists(path).ShouldBeTrue("docs/check-rules.md is missing: run SCAFFOLD_ACCEPT=1 dotnet test");
        File.ReadAllText(path).ShouldBe(expected, "docs/check-rules.md is out of date: run SCAFFOLD_ACCEPT=1 dotnet test");
    }
}
