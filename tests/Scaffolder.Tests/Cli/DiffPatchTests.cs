using System.Diagnostics;
using Scaffolder.Tests.Snapshots;

namespace Scaffolder.Tests.Cli;

/// <summary>
/// <c>--dry-run --diff</c> prints a patch: piped into <c>git apply</c> on a copy of the repository it must give exactly
/// the tree a real run writes, for every snapshot scenario.
/// </summary>
public sealed class DiffPatchTests
{
    public static TheoryData<string> ScenarioIds => SnapshotTests.ScenarioIds;

    [Theory]
    [MemberData(nameof(ScenarioIds))]
    public void Dry_run_diff_piped_into_git_apply_gives_the_tree_a_real_run_writes(string id)
    {
        var args = SnapshotTests.Scenarios.Single(s => s.Id == id).Args;
        using var written = TestRepo.FromSample();
        using var patched = TestRepo.FromSample(); // made a repository of its own below, so git apply resolves paths there
        var run = written.Run(args);
        run.ExitCode.ShouldBe(0, run.Error);

        var dryRun = patched.Run([.. args, "--dry-run", "--diff"]);
        dryRun.ExitCode.ShouldBe(0, dryRun.Error);
        Git(patched.Root, string.Empty, "init", "--quiet").ExitCode.ShouldBe(0);
        var apply = Git(patched.Root, dryRun.Output, "apply", "--verbose", "-");

        apply.ExitCode.ShouldBe(0, $"git apply failed:\n{apply.Error}\n--- the diff ---\n{dryRun.Output}");
        patched.Snapshot().ShouldBe(written.Snapshot(), $"the tree after git apply differs from the real run; the diff was:\n{dryRun.Output}");
    }

    [Fact]
    public void Remove_dry_run_diff_piped_into_git_apply_gives_the_tree_remove_writes()
    {
        using var removed = TestRepo.FromSample();
        using var patched = TestRepo.FromSample();
        foreach (var repo in new[] { removed, patched })
        {
            repo.Run("new", "app", "demo", "--database", "--secret", "API_KEY").ExitCode.ShouldBe(0);
        }

        var remove = removed.Run("remove", "app/demo");
        remove.ExitCode.ShouldBe(0, remove.Error);
        var dryRun = patched.Run("remove", "app/demo", "--dry-run", "--diff");
        dryRun.ExitCode.ShouldBe(0, dryRun.Error);
        dryRun.Output.ShouldContain("deleted file mode 100644\n--- a/kubernetes/clusters/live/apps/demo/helmrelease.yaml\n+++ /dev/null\n@@ -1,");
        Git(patched.Root, string.Empty, "init", "--quiet").ExitCode.ShouldBe(0);
        var apply = Git(patched.Root, dryRun.Output, "apply", "--verbose", "-");

        apply.ExitCode.ShouldBe(0, $"git apply failed:\n{apply.Error}\n--- the diff ---\n{dryRun.Output}");
        patched.Snapshot().ShouldBe(removed.Snapshot(), $"the tree after git apply differs from the real remove; the diff was:\n{dryRun.Output}");
    }

    /// <summary>Runs git in <paramref name="directory"/> with <paramref name="input"/> on stdin.</summary>
    internal static CliResult Git(string directory, string input, params string[] args)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        process.WaitForExit();
        return new CliResult(process.ExitCode, output.Result, error.Result);
    }
}

public sealed class UnifiedDiffTests
{
    [Fact]
    public void New_file_hunk_starts_at_zero_and_has_no_phantom_line()
    {
        Diff(null, "a\nb\n").ShouldBe("diff --git a/f.txt b/f.txt\nnew file mode 100644\n--- /dev/null\n+++ b/f.txt\n@@ -0,0 +1,2 @@\n+a\n+b\n");
    }

    [Fact]
    public void Update_carries_three_lines_of_context_and_no_more()
    {
        Diff("1\n2\n3\n4\n5\n", "1\n2\n3\n4\n5\n6\n").ShouldBe("diff --git a/f.txt b/f.txt\n--- a/f.txt\n+++ b/f.txt\n@@ -3,3 +3,4 @@\n 3\n 4\n 5\n+6\n");
    }

    [Fact]
    public void Last_line_without_newline_is_marked()
    {
        Diff("a\nb", "a\nb\nc").ShouldBe("diff --git a/f.txt b/f.txt\n--- a/f.txt\n+++ b/f.txt\n@@ -1,2 +1,3 @@\n a\n-b\n\\ No newline at end of file\n+b\n+c\n\\ No newline at end of file\n");
    }

    [Fact]
    public void Changes_more_than_six_unchanged_lines_apart_make_separate_hunks_and_nearer_ones_share_one()
    {
        var before = Numbered(20);
        string[] apart = [.. before];
        (apart[1], apart[17]) = ("two\n", "eighteen\n");
        string[] near = [.. before];
        (near[1], near[8]) = ("two\n", "nine\n");

        Diff(string.Concat(before), string.Concat(apart)).ShouldEndWith(
            "@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n 4\n 5\n@@ -15,6 +15,6 @@\n 15\n 16\n 17\n-18\n+eighteen\n 19\n 20\n");
        var shared = Diff(string.Concat(before), string.Concat(near));
        shared.ShouldContain("@@ -1,12 +1,12 @@\n");
        shared.Split("@@ -").Length.ShouldBe(2);
        string[] seven = [.. before];
        (seven[1], seven[9]) = ("two\n", "ten\n");
        Diff(string.Concat(before), string.Concat(seven)).ShouldContain("@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n 4\n 5\n@@ -7,7 +7,7 @@\n");
    }

    [Fact]
    public void Line_endings_are_part_of_a_line()
    {
        Diff("a\r\nb\r\n", "a\r\nb\n").ShouldBe("diff --git a/f.txt b/f.txt\n--- a/f.txt\n+++ b/f.txt\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+b\n");
    }

    private static string[] Numbered(int count) => [.. Enumerable.Range(1, count).Select(i => $"{i}\n")];

    [Fact]
    public void Deleted_file_ends_at_zero()
    {
        Diff("a\nb", null).ShouldBe("diff --git a/f.txt b/f.txt\ndeleted file mode 100644\n--- a/f.txt\n+++ /dev/null\n@@ -1,2 +0,0 @@\n-a\n-b\n\\ No newline at end of file\n");
    }

    private static string Diff(string? before, string? after)
    {
        using var output = new StringWriter { NewLine = "\n" };
        Scaffolder.Cli.Commands.UnifiedDiff.Write(output, "f.txt", Bytes(before), Bytes(after), static (_, text) => text);
        return output.ToString();
    }

    private static byte[]? Bytes(string? text) => text is null ? null : System.Text.Encoding.UTF8.GetBytes(text);
}
