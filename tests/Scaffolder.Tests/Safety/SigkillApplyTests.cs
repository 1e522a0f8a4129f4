using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;

namespace Scaffolder.Tests.Safety;

/// <summary>
/// Fifty SIGKILLs spread over a bulk apply in a child process: the next run always finds the original or the applied
/// tree. Its own class (xunit runs classes in parallel), so this long test runs beside the rest of
/// <see cref="InterruptedApplyTests"/> instead of after it.
/// </summary>
public sealed class SigkillApplyTests(ITestOutputHelper log)
{
    private const string Staging = ".scaffold/apply";

    /// <summary>Child applies run this many at a time: the reference applies too, so the measured apply time holds for the kills.</summary>
    private const int ChildrenAtOnce = 2;

    private static readonly string Cli = Path.Combine(AppContext.BaseDirectory, "scaffold.dll");

    [Fact]
    public void Fifty_sigkills_spread_over_a_bulk_apply_leave_the_original_or_the_applied_tree()
    {
        var values = string.Concat(Enumerable.Range(0, 30).Select(i => string.Create(CultureInfo.InvariantCulture, $"- name: kill-{i:D2}\n{(i % 3 == 1 ? "  database: true\n" : string.Empty)}")));

        // The shortest of two uninterrupted applies, run side by side as the kills are: the machine's load varies, and
        // kills after the end test nothing.
        var references = Enumerable.Range(0, ChildrenAtOnce).AsParallel().WithDegreeOfParallelism(ChildrenAtOnce).Select(_ =>
        {
            using var reference = TestRepo.FromSample();
            reference.Write("many.yaml", values);
            var original = reference.Snapshot();
            var (exitCode, planned, appliedAt) = RunChild(reference, null);
            exitCode.ShouldBe(0);
            return (Original: original, Applied: reference.Snapshot(), Time: Math.Max(appliedAt - planned, 20));
        }).ToList();
        var original = references[0].Original;
        var applied = references[0].Applied;
        foreach (var reference in references)
        {
            reference.Original.ShouldBe(original);
            reference.Applied.ShouldBe(applied);
        }

        var applyTime = references.Min(r => r.Time);

        applied.Count.ShouldBeGreaterThan(original.Count + 200);

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var kills = 0;
        Parallel.For(0, 50, new ParallelOptions { MaxDegreeOfParallelism = ChildrenAtOnce }, kill =>
        {
            using var repo = TestRepo.FromSample();
            repo.Write("many.yaml", values);
            var delay = (int)(applyTime * kill / 50);
            RunChild(repo, delay);

            var next = repo.Run("list");
            next.ExitCode.ShouldBe(0, next.Error);
            var after = repo.Snapshot();
            var state = after.SequenceEqual(original) ? "original" : after.SequenceEqual(applied) ? "applied" : null;
            state.ShouldNotBeNull($"kill {kill} after {delay} ms in the apply: the tree is neither the original nor the applied one\n{next.Error}");
            var said = next.Error.Contains("finished", StringComparison.Ordinal) ? "finished" : next.Error.Contains("rolled back", StringComparison.Ordinal) ? "rolled back" : "nothing to recover";
            Directory.Exists(repo.PathOf(Staging)).ShouldBeFalse($"kill {kill}");
            Directory.GetFiles(repo.Root, "*.scaffold-tmp", SearchOption.AllDirectories).ShouldBeEmpty($"kill {kill}");
            lock (counts)
            {
                counts[$"{state}, {said}"] = counts.GetValueOrDefault($"{state}, {said}") + 1;
                kills++;
            }
        });

        log.WriteLine($"apply took {applyTime} ms; outcomes: {string.Join("; ", counts.Select(p => $"{p.Key}: {p.Value}"))}");
        kills.ShouldBe(50);
        counts.Where(p => !p.Key.EndsWith("nothing to recover", StringComparison.Ordinal)).Sum(p => p.Value).ShouldBeGreaterThan(5, "kills must land inside the apply");
    }

    /// <summary>Runs the bulk apply in a child process; with a delay, kills it (SIGKILL) that many ms after planning.</summary>
    private static (int ExitCode, double Planned, double Applied) RunChild(TestRepo repo, int? killAfter)
    {
        var start = new ProcessStartInfo("dotnet", ["exec", Cli, "new", "app", "--values", repo.PathOf("many.yaml"), "--repo", repo.Root]) { RedirectStandardError = true, RedirectStandardOutput = true };
        start.Environment["SCAFFOLD_TIMING"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        double planned = 0, applied = 0;
        while (process.StandardError.ReadLine() is { } line)
        {
            if (line.EndsWith(" planned", StringComparison.Ordinal))
            {
                planned = Milliseconds(line);
                if (killAfter is { } delay)
                {
                    Thread.Sleep(delay);
                    process.Kill();
                    break;
                }
            }
            else if (line.EndsWith(" applied", StringComparison.Ordinal))
            {
                applied = Milliseconds(line);
            }
        }

        process.WaitForExit();
        return (process.ExitCode, planned, applied);
    }

    private static double Milliseconds(string timingLine) =>
        double.Parse(timingLine["[timing]".Length..].TrimStart().Split(' ')[0], CultureInfo.InvariantCulture);
}
