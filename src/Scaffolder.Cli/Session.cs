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
    private readonly Lazy<InputLimits> limits = new(() => InputLimits.FromVariable(Environment.GetEnvironmentVariable(InputLimits.SizeVariable)));
    private readonly string? repoOverride;
    private Lazy<(string Root, bool Found)> repoRoot;
    private Lazy<ScaffoldConfig> config;
    private Lazy<TemplateCatalog> catalog;
    private Core.Rendering.TemplateRenderer? renderer;
    private Thread? prefetch;

    /// <summary>
    /// Creates a session; <paramref name="repoOverride"/> is the <c>--repo</c> value, if any, and
    /// <paramref name="terminal"/> what the output takes (default: <see cref="Cli.Terminal.None"/>), and
    /// <paramref name="interruption"/> what an apply watches for SIGINT and SIGTERM (default: none).
    /// </summary>
    public Session(IFileSystem fileSystem, TextWriter output, TextWriter error, string workingDirectory, string? repoOverride, Terminal? terminal = null, Interruption? interruption = null)
    {
        Interruption = interruption ?? Interruption.None;
        FileSystem = fileSystem;
        Terminal = terminal ?? Terminal.None;
        Output = output;
        Error = error;
        WorkingDirectory = workingDirectory;
        this.repoOverride = repoOverride;
        (repoRoot, config, catalog) = Load(workingDirectory);
    }

    /// <summary>The <c>--repo</c> option, recognised on every command.</summary>
    public static Option<string> RepoOptionDefinition { get; } = new("--repo")
    {
        Description = "Repository root (default: the nearest folder upwards with .scaffold.yaml or .git, else the current folder).",
        Recursive = true,
    };

    /// <summary>SIGINT and SIGTERM: what an apply watches to roll back and stop.</summary>
    public Interruption Interruption { get; }

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
    public string RepoRoot => repoRoot.Value.Root;

    /// <summary>Whether the root was given (<c>--repo</c>) or found (a folder with <c>.scaffold.yaml</c> or <c>.git</c>), not assumed.</summary>
    public bool RepoFound => repoRoot.Value.Found;

    /// <summary>Whether <c>--repo</c> was given.</summary>
    public bool RepoGiven => repoOverride is not null;

    /// <summary>
    /// Looks for the repository root from <paramref name="directory"/> upwards instead of the working folder (for
    /// <c>check PATH</c>); without a root above it, <paramref name="directory"/> is the root. <c>--repo</c> still wins.
    /// </summary>
    public void FindRootFrom(string directory) => (repoRoot, config, catalog) = Load(directory);

    /// <summary>Refuses to run <paramref name="command"/> outside a repository unless <c>--repo</c> names one.</summary>
    public void RequireRepository(string command)
    {
        if (!RepoFound)
        {
            throw new UserInputException($"{command}: no repository here: neither {ConfigLoader.FileName} nor .git is in {WorkingDirectory} or a folder above it; run inside a repository, or pass --repo <folder>");
        }
    }

    private (Lazy<(string, bool)>, Lazy<ScaffoldConfig>, Lazy<TemplateCatalog>) Load(string searchFrom) =>
    (
        new(() => FindRepoRoot(FileSystem, searchFrom, repoOverride)),
        new(() => new ConfigLoader(FileSystem, Limits).Load(RepoRoot)),
        new(() => TemplateCatalog.Create(FileSystem, RepoRoot, Limits))
    );

    /// <summary>The repository's conventions.</summary>
    public ScaffoldConfig Config => config.Value;

    /// <summary>Bounds on the files read: <see cref="InputLimits.SizeVariable"/> from the environment, else the defaults.</summary>
    public InputLimits Limits => limits.Value;

    /// <summary>The repository's templates.</summary>
    public TemplateCatalog Catalog => catalog.Value;

    /// <summary>The renderer of this run's plans (over the catalog's partials), shared with <see cref="Prefetch"/>.</summary>
    public Core.Rendering.TemplateRenderer Renderer => renderer ??= new Core.Rendering.TemplateRenderer(Catalog.Partials);

    /// <summary>
    /// Starts loading, on another core, what a plan of <paramref name="templateId"/> will need (its included templates,
    /// every file parsed); the plan then finds them ready. One core: nothing is started.
    /// </summary>
    public void Prefetch(string templateId)
    {
        if (Environment.ProcessorCount > 1 && prefetch is null)
        {
            var (catalogNow, rendererNow) = (Catalog, Renderer);
            prefetch = new Thread(() =>
            {
                try
                {
                    TemplatePrefetch.Load(catalogNow, rendererNow, templateId);
                }
                catch (Exception)
                {
                    // A prefetch never affects the command: the plan meets, and reports, the same failure.
                }
            })
            { IsBackground = true, Name = "prefetch" };
            prefetch.Start();
        }
    }

    /// <summary>Waits for <see cref="Prefetch"/> to end: after the plan, nothing reads the repository in the background.</summary>
    public void EndPrefetch() => prefetch?.Join();

    /// <summary>
    /// Applies <paramref name="plan"/> (<see cref="PlanApplier"/>); SIGINT or SIGTERM meanwhile rolls it back, says so
    /// on stderr and ends the process with 130 or 143.
    /// </summary>
    public void Apply(Plan plan)
    {
        using var applying = Interruption.Applying();
        try
        {
            new PlanApplier(FileSystem).Apply(plan, Interruption.Token);
        }
        catch (OperationCanceledException) when (Interruption.ExitCode != 0)
        {
            // Leaving the apply ends the process with the signal's exit code.
            Error.WriteLine("interrupted: the apply was rolled back; nothing was written");
            throw;
        }
    }

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

    private (string, bool) FindRepoRoot(IFileSystem fileSystem, string searchFrom, string? repoOverride)
    {
        if (repoOverride is not null)
        {
            var full = Path.GetFullPath(repoOverride, WorkingDirectory);
            return fileSystem.DirectoryExists(full) ? (full, true) : throw new UserInputException($"--repo '{repoOverride}' is not a folder");
        }

        for (var dir = Path.GetFullPath(searchFrom); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (fileSystem.FileExists(Path.Combine(dir, ConfigLoader.FileName)))
            {
                return (dir, true);
            }
        }

        // .git is a folder in a clone and a file in a worktree or submodule.
        for (var dir = Path.GetFullPath(searchFrom); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            var git = Path.Combine(dir, ".git");
            if (fileSystem.DirectoryExists(git) || fileSystem.FileExists(git))
            {
                return (dir, true);
            }
        }

        return (Path.GetFullPath(searchFrom), false);
    }
}
