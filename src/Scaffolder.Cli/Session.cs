using System.CommandLine;
using Scaffolder.Core;
using Scaffolder.Core.Config;
using Scaffolder.Core.IO;
using Scaffolder.Core.Planning;
using Scaffolder.Core.Templates;

namespace Scaffolder.Cli;

/// <summary>What every command shares: the file system, output writers, the repository root, its config and templates (loaded once, on first use).</summary>
public sealed class Session
{
    private readonly Lazy<string> repoRoot;
    private readonly Lazy<ScaffoldConfig> config;
    private readonly Lazy<TemplateCatalog> catalog;

    /// <summary>Creates a session; <paramref name="repoOverride"/> is the <c>--repo</c> value, if any.</summary>
    public Session(IFileSystem fileSystem, TextWriter output, TextWriter error, string workingDirectory, string? repoOverride, Interruption? interruption = null)
    {
        Interruption = interruption ?? Interruption.None;
        FileSystem = fileSystem;
        Output = output;
        Error = error;
        WorkingDirectory = workingDirectory;
        repoRoot = new(() => FindRepoRoot(fileSystem, workingDirectory, repoOverride));
        config = new(() => new ConfigLoader(fileSystem).Load(RepoRoot));
        catalog = new(() => TemplateCatalog.Create(fileSystem, RepoRoot));
    }

    /// <summary>The <c>--repo</c> option, recognised on every command.</summary>
    public static Option<string> RepoOptionDefinition { get; } = new("--repo")
    {
        Description = "Repository root (default: the nearest folder upwards with .scaffold.yaml or .git, else the current folder).",
        Recursive = true,
    };

    /// <summary>SIGINT and SIGTERM: what an apply watches to roll back and stop.</summary>
    public Interruption Interruption { get; }

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

    /// <summary>The repository's templates.</summary>
    public TemplateCatalog Catalog => catalog.Value;

    /// <summary>
    /// Finishes or rolls back an apply an earlier run left unfinished (killed, or the machine lost power), under the
    /// repository lock, and says which on stderr. Every command that reads or writes the repository runs it first.
    /// </summary>
    public void RecoverInterruptedApply(TimeSpan lockTimeout)
    {
        var recovery = new InterruptedApply(FileSystem);
        if (!recovery.Pending(RepoRoot))
        {
            return;
        }

        using var repoLock = RepoLock.Acquire(RepoRoot, lockTimeout);
        using var applying = Interruption.Applying();
        var outcome = recovery.Recover(RepoRoot);
        switch (outcome.Action)
        {
            case RecoveryAction.Finished:
                Error.WriteLine($"recovered: an earlier scaffold run was interrupted while applying {outcome.Files} file(s); its apply was finished");
                break;
            case RecoveryAction.RolledBack:
                Error.WriteLine($"recovered: an earlier scaffold run was interrupted while applying {outcome.Files} file(s); its apply was rolled back");
                break;
        }
    }

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
            // A worktree or a submodule has a '.git' file (naming its git folder elsewhere), not a folder.
            var git = Path.Combine(dir, ".git");
            if (fileSystem.DirectoryExists(git) || fileSystem.FileExists(git))
            {
                return dir;
            }
        }

        return Path.GetFullPath(workingDirectory);
    }
}
