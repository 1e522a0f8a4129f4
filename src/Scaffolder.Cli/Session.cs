using System.CommandLine;
using Scaffolder.Core;
using Scaffolder.Core.Config;
using Scaffolder.Core.IO;
using Scaffolder.Core.Templates;

namespace Scaffolder.Cli;

/// <summary>What every command shares: the file system, output writers, the repository root, its config and templates (loaded once, on first use).</summary>
public sealed class Session
{
    private readonly Lazy<string> repoRoot;
    private readonly Lazy<ScaffoldConfig> config;
    private readonly Lazy<TemplateCatalog> catalog;
    private readonly Lazy<InputLimits> limits = new(() => InputLimits.FromVariable(Environment.GetEnvironmentVariable(InputLimits.SizeVariable)));

    /// <summary>Creates a session; <paramref name="repoOverride"/> is the <c>--repo</c> value, if any.</summary>
    public Session(IFileSystem fileSystem, TextWriter output, TextWriter error, string workingDirectory, string? repoOverride)
    {
        FileSystem = fileSystem;
        Output = output;
        Error = error;
        WorkingDirectory = workingDirectory;
        repoRoot = new(() => FindRepoRoot(fileSystem, workingDirectory, repoOverride));
        config = new(() => new ConfigLoader(fileSystem, Limits).Load(RepoRoot));
        catalog = new(() => TemplateCatalog.Create(fileSystem, RepoRoot, Limits));
    }

    /// <summary>The <c>--repo</c> option, recognised on every command.</summary>
    public static Option<string> RepoOptionDefinition { get; } = new("--repo")
    {
        Description = "Repository root (default: the nearest folder upwards with .scaffold.yaml or .git, else the current folder).",
        Recursive = true,
    };

    /// <summary>The file system.</summary>
    public IFileSystem FileSystem { get; }

    /// <summary>Standard output.</summary>
    public TextWriter Output { get; }

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; }

    /// <summary>The folder the tool runs in (relative paths of arguments resolve against it).</summary>
    public string WorkingDirectory { get; }

    /// <summary>The repository root.</summary>
    public string RepoRoot => repoRoot.Value;

    /// <summary>The repository's conventions.</summary>
    public ScaffoldConfig Config => config.Value;

    /// <summary>Bounds on the files read: <see cref="InputLimits.SizeVariable"/> from the environment, else the defaults.</summary>
    public InputLimits Limits => limits.Value;

    /// <summary>The repository's templates.</summary>
    public TemplateCatalog Catalog => catalog.Value;

    private static string FindRepoRoot(IFileSystem fileSystem, string workingDirectory, string? repoOverride)
    {
        if (repoOverride is not null)
        {
            var full = Path.GetFullPath(repoOverride, workingDirectory);
            return fileSystem.DirectoryExists(full) ? full : throw new UserInputException($"--repo '{repoOverride}' is not a folder");
        }

        for (var dir = Path.GetFullPath(workingDirectory); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (fileSystem.FileExists(Path.Combine(dir, ConfigLoader.FileName)))
            {
                return dir;
            }
        }

        for (var dir = Path.GetFullPath(workingDirectory); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (fileSystem.DirectoryExists(Path.Combine(dir, ".git")))
            {
                return dir;
            }
        }

        return Path.GetFullPath(workingDirectory);
    }
}
