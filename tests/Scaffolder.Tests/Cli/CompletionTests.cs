using System.CommandLine;
using System.CommandLine.Parsing;
using Scaffolder.Cli;
using Scaffolder.Core.IO;

namespace Scaffolder.Tests.Cli;

/// <summary>
/// Shell completion: System.CommandLine's completions for subcommands, template ids, template parameters and choice
/// values, both through <see cref="ParseResult.GetCompletions"/> on the root command and through the
/// <c>[suggest:N] "line"</c> directive that dotnet-suggest and the scripts in docs/completion.md call.
/// </summary>
public sealed class CompletionTests
{
    private static readonly string[] TemplateIds = ["adr", "app", "database", "module", "pin", "route", "secret", "storage", "unit"];

    [Fact]
    public void Root_completes_subcommands()
    {
        string[] expected = ["check", "evaluate", "init", "list", "new", "--repo", "--help", "--version"];
        expected.Except(Complete("")).ShouldBeEmpty();
    }

    [Fact]
    public void New_completes_every_template_id()
    {
        Complete("new ").Where(c => !c.StartsWith('-') && !c.StartsWith('/')).ShouldBe(TemplateIds);
    }

    [Fact]
    public void New_with_a_partial_id_still_lists_the_matching_ids()
    {
        // args[1] is not a template id, so NewCommand registers every template, and the partial filters them.
        Complete("new s").ShouldBe(["secret", "storage", "database"]); // prefix matches first, then containing ones
        Complete("new ap").ShouldBe(["app"]);
    }

    [Fact]
    public void A_template_completes_its_parameters()
    {
        string[] expected = ["--profile", "--access", "--pod-security", "--image", "--port", "--database", "--route", "--cluster", "--dry-run", "--force"];
        expected.Except(Complete("new app --")).ShouldBeEmpty();
        Complete("new app --p").ShouldBe(["--pod-security", "--port", "--profile"]);
    }

    [Fact]
    public void Choice_parameters_complete_their_values()
    {
        Complete("new app --profile ").ShouldBe(["internal", "internal-egress", "isolated", "standard"]);
        Complete("new app wiki --profile int").ShouldBe(["internal", "internal-egress"]);
        Complete("new database wiki --mode ").ShouldBe(["dedicated", "shared"]);
    }

    [Fact]
    public void Config_driven_values_come_from_the_repository()
    {
        // The sample's .scaffold.yaml knows live and dev; the defaults add integration.
        Complete("new app wiki --cluster ").ShouldBe(["dev", "live"]);
        Complete("new storage data --class ").ShouldBe(["fast", "fast-ephemeral", "slow", "slow-media"]);
    }

    [Theory]
    [InlineData("scaffold new ", "adr\napp\ndatabase\nmodule\npin\nroute\nsecret\nstorage\nunit")]
    [InlineData("scaffold new st", "storage")]
    [InlineData("scaffold new app --pro", "--profile")]
    [InlineData("scaffold new app wiki --profile ", "internal\ninternal-egress\nisolated\nstandard")]
    [InlineData("scaffold new app wiki --cluster ", "dev\nlive")]
    public void The_suggest_directive_prints_one_completion_per_line(string line, string expected)
    {
        using var repo = TestRepo.FromSample();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = CliApp.Run([$"[suggest:{line.Length}]", line], output, error, repo.Root);

        code.ShouldBe(0, error.ToString());
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // Options (--help, -h, /?) are offered next to the values; compare only what the case is about.
        lines.Where(l => expected.StartsWith('-') || !(l.StartsWith('-') || l.StartsWith('/'))).ShouldBe(expected.Split('\n'));
    }

    [Fact]
    public void The_suggest_directive_honours_repo_in_the_line()
    {
        using var repo = TestRepo.FromSample();
        using var elsewhere = TestRepo.Empty();
        var line = $"scaffold --repo {repo.Root} new app wiki --cluster ";
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = CliApp.Run([$"[suggest:{line.Length}]", line], output, error, elsewhere.Root);

        code.ShouldBe(0, error.ToString());
        output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ShouldBe(["dev", "live"]);
    }

    /// <summary>
    /// Completions at the end of <paramref name="line"/> (the text after <c>scaffold </c>), with the root command built
    /// the way <see cref="CliApp.Run"/> builds it for those arguments.
    /// </summary>
    private static string[] Complete(string line)
    {
        using var repo = TestRepo.FromSample();
        var session = new Session(PhysicalFileSystem.Instance, TextWriter.Null, TextWriter.Null, repo.Root, null);
        var root = CliApp.CreateRoot(session, CommandLineStart.Parse([.. CommandLineParser.SplitCommandLine(line)]));
        return [.. root.Parse(line).GetCompletions(line.Length).Select(c => c.Label)];
    }
}
