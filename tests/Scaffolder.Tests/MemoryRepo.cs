using Scaffolder.Cli;

namespace Scaffolder.Tests;

/// <summary>
/// A copy of <c>samples/homelab</c> held in memory, and a way to run the tool on it in-process: for tests that run
/// the tool hundreds of times, where copying the sample to disk for each run would take most of the time. The sample
/// is read from disk once per test run; each repository is an independent copy of that tree.
/// </summary>
public sealed class MemoryRepo
{
    private MemoryRepo(InMemoryFileSystem fileSystem) => FileSystem = fileSystem;

    /// <summary>
    /// The root path of every in-memory repository. Nothing is ever created there on disk (tests can check it); only
    /// the repository lock of <c>scaffold new</c>, a file in the temp folder named after this path, is physical.
    /// </summary>
    public static string Root { get; } = Path.Combine(Path.GetTempPath(), "scaffold-in-memory-repo", "homelab");

    private static readonly Lazy<InMemoryFileSystem> Sample = new(() => InMemoryFileSystem.Load(TestRepo.SampleRoot, Root));

    /// <summary>The repository's files.</summary>
    public InMemoryFileSystem FileSystem { get; }

    /// <summary>A new in-memory copy of <c>samples/homelab</c>.</summary>
    public static MemoryRepo FromSample() => new(Sample.Value.Clone());

    /// <summary>Runs <c>scaffold args... --repo Root</c> in-process, on the in-memory tree.</summary>
    public CliResult Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run([.. args, "--repo", Root], output, error, Root, FileSystem);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>Every file (relative path → content, bytes mapped 1:1 to chars so any byte change shows), excluding .git, like <see cref="TestRepo.Snapshot"/>.</summary>
    public SortedDictionary<string, string> Snapshot() =>
        new(
            FileSystem.FilesUnder(Root).Where(p => !p.Key.StartsWith(".git/", StringComparison.Ordinal)).ToDictionary(p => p.Key, p => System.Text.Encoding.Latin1.GetString(p.Value)),
            StringComparer.Ordinal);
}
