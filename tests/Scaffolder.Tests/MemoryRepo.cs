using Scaffolder.Cli;

namespace Scaffolder.Tests;

/// <summary>
/// A copy of <c>samples/homelab</c> held in memory, and a way to run the tool on it in-process: for tests that run
/// the tool hundreds of times, where copying the sample to disk for each run would take most of the time. The sample
/// is read from disk once per test run; each repository is an independent in-memory copy of it.
/// </summary>
public sealed class MemoryRepo
{
    // The sample, read from disk once, at a root of its own; each repository copies it to its root.
    private static readonly string SampleRoot = Path.Combine(Path.GetTempPath(), "scaffold-in-memory-repo", "sample");
    private static readonly Lazy<InMemoryFileSystem> Sample = new(() => InMemoryFileSystem.Load(TestRepo.SampleRoot, SampleRoot));

    private MemoryRepo(string root)
    {
        Root = root;
        FileSystem = Sample.Value.CopyUnder(SampleRoot, root);
    }

    /// <summary>
    /// The root path of the repository, one per test thread: two tests running side by side never share the lock
    /// <c>scaffold new</c> takes, a physical file in the temp folder named after this path (the only thing of an
    /// in-memory repository that is on disk). Nothing is ever created at the root itself (tests can check it).
    /// </summary>
    public string Root { get; }

    /// <summary>The repository's files.</summary>
    public InMemoryFileSystem FileSystem { get; }

    /// <summary>A new in-memory copy of <c>samples/homelab</c>.</summary>
    public static MemoryRepo FromSample() =>
        new(Path.Combine(Path.GetTempPath(), "scaffold-in-memory-repo", $"thread-{Environment.CurrentManagedThreadId}"));

    /// <summary>The full path of a repository-relative ('/'-separated) path.</summary>
    public string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>Reads a file as UTF-8 text.</summary>
    public string Read(string relative) => System.Text.Encoding.UTF8.GetString(FileSystem.ReadAllBytes(PathOf(relative)));

    /// <summary>Writes a file as UTF-8 text (without a byte-order mark), creating its folders.</summary>
    public void Write(string relative, string content)
    {
        FileSystem.CreateDirectory(Path.GetDirectoryName(PathOf(relative))!);
        FileSystem.WriteAllBytes(PathOf(relative), System.Text.Encoding.UTF8.GetBytes(content));
    }

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
