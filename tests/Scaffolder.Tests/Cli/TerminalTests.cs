using Scaffolder.Cli;

namespace Scaffolder.Tests.Cli;

/// <summary>A person's habits: "did you mean", colour on a terminal, and questions for missing values.</summary>
public sealed class TerminalTests
{
    private const string Esc = "\e[";
    private const string VersionsEnv = "kubernetes/platform/versions.env";
    private static readonly Terminal Colour = new(true, true, null);

    [Theory]
    [InlineData("unknown template 'ap'; did you mean 'app'? ('scaffold list' shows every template)", "new", "ap", "demo")]
    [InlineData("unknown option '--databse'; did you mean '--database'?", "new", "app", "demo", "--databse")]
    [InlineData("unknown command 'nwe'; did you mean 'new'?", "nwe", "app", "demo")]
    [InlineData("unknown option '--formt'; did you mean '--format'?", "check", "--formt", "json")]
    [InlineData("unknown template 'secrte'; did you mean 'secret'? ('scaffold list' shows every template)", "new", "secrte", "x", "--app", "miniflux")]
    [InlineData("unknown option '--dry-rn'; did you mean '--dry-run'?", "new", "pin", "x", "--version", "1.0.0", "--datasource", "helm", "--dep-name", "x", "--dry-rn")]
    public void A_mistyped_name_gets_did_you_mean_on_one_line(string message, params string[] args)
    {
        using var repo = TestRepo.FromSample();
        var before = repo.Snapshot();

        var result = repo.Run(args);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldBe($"error: {message}\n");
        repo.Snapshot().ShouldBe(before);
    }

    [Theory]
    [InlineData("new", "zzzzzz", "demo")]
    [InlineData("new", "app", "demo", "--qqqqqqq")]
    public void A_name_close_to_nothing_gets_no_suggestion(params string[] args)
    {
        using var repo = TestRepo.FromSample();

        var result = repo.Run(args);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldStartWith("error: Unrecognized command or argument");
        result.Error.ShouldNotContain("did you mean");
    }

    [Fact]
    public void Ties_are_all_suggested()
    {
        DidYouMean.Suggestion("--vlume", ["--volume", "--value", "--values"]).ShouldBe("'--volume'");
        DidYouMean.Suggestion("bc", ["bce", "bcd", "xyz"]).ShouldBe("'bcd' or 'bce'");
        DidYouMean.Suggestion("bc", ["abc", "bcd", "bce", "bcf", "xyz"]).ShouldBe("'abc', 'bcd' or 'bce'");
        DidYouMean.Suggestion("new", ["new"]).ShouldBeNull();
    }

    [Fact]
    public void Plan_and_diff_are_coloured_on_a_terminal()
    {
        using var repo = TestRepo.FromSample();

        var result = repo.RunOn(Colour, "new", "app", "demo", "--dry-run", "--diff");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldContain($"{Esc}32mcreate    {Esc}0m kubernetes/clusters/live/apps/demo/namespace.yaml");
        result.Output.ShouldContain($"{Esc}33mupdate    {Esc}0m kubernetes/clusters/live/apps/apps-resourceset.yaml");
        result.Output.ShouldContain($"{Esc}32m+    - name: demo{Esc}0m\n");
        result.Output.ShouldContain($"{Esc}36m@@ -0,0 +1,");
        result.Output.ShouldContain($"{Esc}1mdiff --git a/kubernetes/clusters/live/apps/demo/namespace.yaml b/kubernetes/clusters/live/apps/demo/namespace.yaml{Esc}0m");
    }

    [Fact]
    public void Conflicts_and_errors_are_red_on_a_terminal()
    {
        using var repo = TestRepo.FromSample();
        repo.Write("kubernetes/clusters/live/apps/miniflux/miniflux-data-pvc.yaml", "# hand-written\n");

        var conflict = repo.RunOn(Colour, "new", "storage", "data", "--app", "miniflux", "--block", "--size", "10Gi", "--diff");
        var error = repo.RunOn(Colour, "new", "ap", "demo");

        conflict.ExitCode.ShouldBe(3);
        conflict.Output.ShouldContain($"{Esc}31mconflict  {Esc}0m kubernetes/clusters/live/apps/miniflux/miniflux-data-pvc.yaml");
        conflict.Output.ShouldContain($"{Esc}31m-# hand-written{Esc}0m\n");
        conflict.Error.ShouldStartWith($"{Esc}31mconflict:{Esc}0m ");
        error.Error.ShouldStartWith($"{Esc}31merror:{Esc}0m unknown template 'ap'");
    }

    [Fact]
    public void Check_findings_are_coloured_by_severity_on_a_terminal()
    {
        using var repo = TestRepo.FromSample();
        repo.Write("kubernetes/clusters/live/apps/miniflux/debug-pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: debug\n  namespace: miniflux\nspec:\n  hostNetwork: true\n  containers:\n    - name: debug\n      image: busybox:1.37\n");

        var coloured = repo.RunOn(Colour, "check");
        var plain = repo.RunOn(Colour, "check", "--no-color");

        coloured.ExitCode.ShouldBe(1);
        coloured.Output.ShouldContain($"  7:3  {Esc}31merror{Esc}0m    SCF007  ");
        plain.Output.ShouldNotContain(Esc);
        coloured.Output.ShouldContain($"  1:1  {Esc}36mnote{Esc}0m     SCF029  ");
        // Only the severities change: the same report once the colours are taken out (the last line has the time).
        System.Text.RegularExpressions.Regex.Replace(coloured.Output, @"\e\[[0-9;]*m", string.Empty)
            .Split('\n').SkipLast(2).ShouldBe(plain.Output.Split('\n').SkipLast(2));
    }

    [Theory]
    [InlineData("new", "app", "demo", "--dry-run", "--diff", "--no-color")]
    [InlineData("new", "app", "demo", "--dry-run", "--format", "json")]
    [InlineData("--no-color", "new", "ap", "demo")]
    public void No_colour_with_no_color_or_json(params string[] args)
    {
        using var repo = TestRepo.FromSample();

        var result = repo.RunOn(Colour, args);

        (result.Output + result.Error).ShouldNotContain(Esc);
        (result.Output + result.Error).ShouldNotBeEmpty();
    }

    [Theory]
    // environment, stdout/stderr/stdin are terminals → colour on stdout, on stderr, questions
    [InlineData("", true, true, true, true, true, true)]
    [InlineData("NO_COLOR=1", true, true, true, false, false, true)]
    [InlineData("NO_COLOR=", true, true, true, true, true, true)]
    [InlineData("TERM=dumb", true, true, true, false, false, true)]
    [InlineData("CI=true", true, true, true, true, true, false)]
    [InlineData("", false, true, true, false, true, true)]
    [InlineData("", true, false, true, true, false, false)]
    [InlineData("", true, true, false, true, true, false)]
    public void Colour_and_questions_follow_the_terminal_and_the_environment(
        string variable, bool stdout, bool stderr, bool stdin, bool colourOut, bool colourErr, bool asks)
    {
        var (key, value) = variable.Length == 0 ? (string.Empty, string.Empty) : (variable.Split('=')[0], variable.Split('=')[1]);

        var terminal = Terminal.Detect(name => name == key ? value : null, stdout, stderr, stdin, () => TextReader.Null);

        terminal.ColorOutput.ShouldBe(colourOut);
        terminal.ColorError.ShouldBe(colourErr);
        terminal.Interactive.ShouldBe(asks);
    }

    [Fact]
    public void Missing_required_values_are_asked_for_with_the_templates_choices()
    {
        using var repo = TestRepo.FromSample();
        // --version, then --datasource: an unknown answer is asked again, a number picks a choice; then --dep-name.
        var answers = new StringReader("v1.16.2\nchart\n1\ncert-manager\n");

        var result = repo.RunOn(new Terminal(false, false, answers), "new", "pin", "cert-manager");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Error.ShouldContain("--version: The pinned version\n--version? ");
        result.Error.ShouldContain("--datasource: Renovate datasource\n  1) helm\n  2) docker\n  3) github-releases\n  4) github-tags\n--datasource? ");
        result.Error.ShouldContain("  choose one of helm, docker, github-releases, github-tags (or its number)\n");
        repo.Read(VersionsEnv).ShouldContain("# renovate: datasource=helm depName=cert-manager\ncert_manager_version=v1.16.2\n");
    }

    [Fact]
    public void A_missing_name_is_asked_for()
    {
        using var repo = TestRepo.FromSample();

        var result = repo.RunOn(new Terminal(false, false, new StringReader("Use NATS for messaging\n")), "new", "adr");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Error.ShouldStartWith("name: ");
        result.Output.ShouldContain("use-nats-for-messaging.md");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Nothing_is_asked_with_no_input_or_without_a_terminal(bool noInputFlag)
    {
        using var repo = TestRepo.FromSample();
        var terminal = noInputFlag ? new Terminal(false, false, new StringReader("v1.0.0\nhelm\nx\n")) : Terminal.None;
        string[] args = noInputFlag ? ["new", "pin", "cert-manager", "--no-input"] : ["new", "pin", "cert-manager"];

        var result = repo.RunOn(terminal, args);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldBe("error: pin: --version is required (The pinned version)\n");
    }

    [Fact]
    public void End_of_input_fails_like_no_terminal()
    {
        using var repo = TestRepo.FromSample();

        var result = repo.RunOn(new Terminal(false, false, new StringReader("v1.0.0\n")), "new", "pin", "cert-manager");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldEndWith("error: pin: --datasource is required (Renovate datasource)\n");
    }
}
