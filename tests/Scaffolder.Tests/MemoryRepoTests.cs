using System.Text.RegularExpressions;

namespace Scaffolder.Tests;

/// <summary>The in-memory repository behaves like a copy on disk, so tests that run on it test what users get.</summary>
public sealed partial class MemoryRepoTests
{
    public static TheoryData<string[]> Commands() => new()
    {
        { ["new", "app", "wiki", "--database", "--route", "internal", "--secret", "API_KEY", "--cluster", "live", "--cluster", "dev"] },
        { ["new", "storage", "data", "--app", "miniflux", "--block", "--size", "1Gi"] },
        { ["new", "secret", "s", "--app", "miniflux", "--generated", "--key", "password"] },
        { ["new", "module", "m", "--provider", "aws@6.0.0", "--stack", "live"] },
        { ["new", "app", "miniflux"] },
        { ["new", "app", "Bad_Name"] },
        { ["new", "app", "wiki", "--dry-run"] },
        { ["check"] },
        { ["list"] },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_run_in_memory_gives_the_exit_code_output_and_files_of_a_run_on_disk(string[] args)
    {
        using var disk = TestRepo.FromSample();
        var memory = MemoryRepo.FromSample();
        memory.Snapshot().ShouldBe(disk.Snapshot());

        var onDisk = disk.Run(args);
        var inMemory = memory.Run(args);

        inMemory.ExitCode.ShouldBe(onDisk.ExitCode, inMemory.Error);
        Comparable(inMemory.Output, memory.Root).ShouldBe(Comparable(onDisk.Output, disk.Root));
        Comparable(inMemory.Error, memory.Root).ShouldBe(Comparable(onDisk.Error, disk.Root));
        memory.Snapshot().ShouldBe(disk.Snapshot());
        Directory.Exists(memory.Root).ShouldBeFalse();
    }

    [Fact]
    public void A_large_bulk_in_memory_writes_the_files_of_one_on_disk()
    {
        // 36 entries: planned and applied on every core, the in-memory tree taking concurrent writes and renames.
        var values = string.Concat(Enumerable.Range(0, 36).Select(i => $"- name: bulk-{i:D2}\n" + (i % 3 == 0 ? "  database: true\n" : string.Empty)));
        using var disk = TestRepo.FromSample();
        var memory = MemoryRepo.FromSample();
        disk.Write("many.yaml", values);
        memory.Write("many.yaml", values);

        var onDisk = disk.Run("new", "app", "--values", "many.yaml");
        var inMemory = memory.Run("new", "app", "--values", "many.yaml");

        onDisk.ExitCode.ShouldBe(0, onDisk.Error);
        inMemory.ExitCode.ShouldBe(0, inMemory.Error);
        Comparable(inMemory.Output, memory.Root).ShouldBe(Comparable(onDisk.Output, disk.Root));
        memory.Snapshot().ShouldBe(disk.Snapshot());
    }

    [Fact]
    public void Each_repository_is_an_independent_copy()
    {
        var first = MemoryRepo.FromSample();
        var second = MemoryRepo.FromSample();

        first.Run("new", "app", "wiki").ExitCode.ShouldBe(0);

        first.Snapshot().Keys.ShouldContain("kubernetes/clusters/live/apps/wiki/helmrelease.yaml");
        second.Snapshot().ShouldBe(MemoryRepo.FromSample().Snapshot());
        second.Snapshot().Keys.ShouldNotContain("kubernetes/clusters/live/apps/wiki/helmrelease.yaml");
    }

    /// <summary>The text with the repository root and durations (check prints its own) replaced by placeholders.</summary>
    private static string Comparable(string text, string root) => Duration().Replace(text.Replace(root, "ROOT", StringComparison.Ordinal), "N ms");

    [GeneratedRegex(@"\b\d+ ms\b")]
    private static partial Regex Duration();
}
