using Scaffolder.Cli;

namespace Scaffolder.Tests.Cli;

/// <summary>The shared options and first words, read by System.CommandLine before the commands are built.</summary>
public sealed class CommandLineStartTests
{
    [Theory]
    [InlineData("new app wiki --repo /r", "/r", "new", "app")]
    [InlineData("--repo=/r new app", "/r", "new", "app")]
    [InlineData("new app wiki --format json --repo /r", "/r", "new", "app")]
    [InlineData("check --no-color", null, "check", null)]
    [InlineData("new -- app", null, "new", "app")]
    public void Reads_repo_and_words_like_the_commands_do(string line, string? repo, string? verb, string? template)
    {
        var start = CommandLineStart.Parse([.. System.CommandLine.Parsing.CommandLineParser.SplitCommandLine(line)]);

        (start.Repo, start.Verb, start.Template).ShouldBe((repo, verb, template));
    }

    [Fact]
    public void Flags_before_a_double_dash_count_and_after_it_do_not()
    {
        var start = CommandLineStart.Parse(["new", "app", "--no-color", "--", "--no-input"]);

        (start.NoColor, start.NoInput).ShouldBe((true, false));
    }

    [Fact]
    public void A_suggest_request_takes_repo_from_the_completed_line_and_lists_every_template()
    {
        var start = CommandLineStart.Parse(["[suggest:20]", "new app --repo /other"]);

        (start.Completing, start.Repo, start.Template).ShouldBe((true, "/other", (string?)null));
    }

    [Fact]
    public void Help_is_seen_anywhere_in_the_line()
    {
        CommandLineStart.Parse(["new", "app", "-h"]).Help.ShouldBeTrue();
        CommandLineStart.Parse(["new", "app", "x"]).Help.ShouldBeFalse();
    }
}
