using Scaffolder.Cli;

namespace Scaffolder.Tests;

/// <summary>A temporary copy of a sample repository, and a way to run the tool in it in-process.</summary>
public sealed class TestRepo : IDisposable
{
    private TestRepo(string root) => Root = root;

    public string Root { get; }

    /// <summary>The source tree: the folder holding Scaffolder.sln.</summary>
    public static string SourceRoot { get; } = FindSourceRoot();

    public static string SampleRoot => Path.Combine(SourceRoot, "samples", "homelab");

    /// <summary>Copies <c>samples/homelab</c> (or another folder) into a new temporary directory.</summary>
    public static TestRepo FromSample(string? sample = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "scaffold-test-" + Guid.NewGuid().ToString("N")[..12]);
        CopyDirectory(sample ?? SampleRoot, root);
        return new TestRepo(root);
    }

    /// <summary>An empty temporary directory.</summary>
    public static TestRepo Empty()
    {
        var root = Path.Combine(Path.GetTempPath(), "scaffold-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        return new TestRepo(root);
    }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public string Read(string relative) => File.ReadAllText(PathOf(relative));

    public void Write(string relative, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PathOf(relative))!);
        File.WriteAllText(PathOf(relative), content);
    }

    /// <summary>Runs <c>scaffold args... --repo Root</c> in-process.</summary>
    public CliResult Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run([.. args, "--repo", Root], output, error, Root);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>Runs <c>scaffold args... --repo Root</c> in-process for <paramref name="terminal"/> (colour, answers to questions).</summary>
    public CliResult RunOn(Terminal terminal, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run([.. args, "--repo", Root], output, error, Root, terminal);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>Every file (relative path → content, bytes mapped 1:1 to chars so any byte change shows), excluding .git.</summary>
    public SortedDictionary<string, string> Snapshot() =>
        new(SnapshotOf(Root).ToDictionary(p => p.Key, p => System.Text.Encoding.Latin1.GetString(p.Value)), StringComparer.Ordinal);

    public static SortedDictionary<string, byte[]> SnapshotOf(string root)
    {
        var result = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (!relative.StartsWith(".git/", StringComparison.Ordinal))
            {
                result[relative] = File.ReadAllBytes(file);
            }
        }

        return result;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Copies every file under <paramref name="source"/> into <paramref name="target"/>, creating folders.</summary>
    public static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }

    private static string FindSourceRoot()
    {
        for (var dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "Scaffolder.sln")))
            {
                return dir;
            }
        }

        throw new InvalidOperationException("Scaffolder.sln not found above the test binaries");
    }
}

public sealed record CliResult(int ExitCode, string Output, string Error);
