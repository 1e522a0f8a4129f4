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

    /// <summary>
    /// Creates a session; <paramref name="repoOverride"/> is the <c>--repo</c> value, if any, and
    /// <paramref name="terminal"/> what the output takes (default: <see cref="Cli.Terminal.None"/>).
    /// </summary>
    public Session(IFileSystem fileSystem, TextWriter output, TextWriter error, string workingDirectory, string? repoOverride, Terminal? terminal = null)
    {
        FileSystem = fileSystem;
        Terminal = terminal ?? Terminal.None;
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

    /// <summary>The tool's version (without build metadata), as recorded in answers files.</summary>
    public static string ToolVersion { get; } =
        (System.Reflection.CustomAttributeExtensions.GetCustomAttribute<System.Reflection.AssemblyInformationalVersionAttribute>(typeof(Session).Assembly)?.InformationalVersion ?? "0")
        .Split('+')[0];

    /// <summary>The file system.</summary>
    public IFileSystem FileSystem { get; }

    /// <summary>Standard output.</summary>
    public TextWriter Output { get; }

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; }

    /// <summary>What the person at the other end can take: colour, and answers to questions.</summary>
    public Terminal Terminal { get; }

    /// <summary>The colours of standard output.</summary>
    public Palette OutputPalette => Palette.For(Terminal.ColorOutput);

    /// <summary>The colours of standard error.</summary>
    public Palette ErrorPalette => Palette.For(Terminal.ColorError);

    /// <summary>The folder the tool runs in (relative paths of arguments resolve against it).</summary>
    public string WorkingDirectory { get; }

    /// <summary>The repository root.</summary>
    public string RepoRoot => repoRoot.Value;

    /// <summary>The repository's conventions.</summary>
    public ScaffoldConfig Config => config.Value;

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
