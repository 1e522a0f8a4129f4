using System.CommandLine;
using System.Text;
using Scaffolder.Core.Config;
using Scaffolder.Core.IO;
using Scaffolder.Core.Planning;
using Scaffolder.Core.Templates;

namespace Scaffolder.Cli.Commands;

/// <summary>
/// <c>scaffold init</c>: plans the built-in <c>init</c> template (templates/init/) like <c>new</c> plans any
/// template: a commented <c>.scaffold.yaml</c> with the defaults and, only where absent, every shared file the
/// patterns edit (the apps ResourceSet, versions.env files, the shared database config, the Garage kustomization,
/// each cluster's Flux entry point and variables, the Terragrunt root and stacks). It also adds the folder of the
/// apply journal to <c>.gitignore</c> (an interrupted apply's journal and temporary files are never committed).
/// </summary>
internal static class InitCommand
{
    /// <summary>The <c>.gitignore</c> line for the journal folder.</summary>
    internal const string IgnoreLine = "/" + ApplyJournal.Folder + "/";

    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(120);

    public static Command Create(Session session)
    {
        var command = new Command("init", "Bootstrap the repository: a commented .scaffold.yaml and, where absent, the shared files every pattern edits.");
        var cluster = new Option<string[]>("--cluster") { Description = "Cluster to bootstrap, repeatable (default: clusters.default from config).", HelpName = "cluster" };
        command.Options.Add(cluster);
        var output = new PlanOutputOptions();
        output.AddTo(command);
        command.SetAction(result =>
        {
            session.RequireRepository("init");
            var dryRun = output.DryRun(result);
            using var repoLock = dryRun ? null : RepoLock.Acquire(session.RepoRoot, LockTimeout);
            var planner = new Planner(session.FileSystem, session.Catalog, session.Config, limits: session.Limits);
            var request = new GenerationRequest(TemplateCatalog.InitId, "init", new Dictionary<string, IReadOnlyList<string>>(), result.GetValue(cluster) ?? [], output.Force(result));
            var plan = planner.Plan(session.RepoRoot, request);
            if (GitignoreChange(session) is { } ignore)
            {
                plan = plan with { Changes = [.. plan.Changes, ignore] };
            }

            // The Renovate config (docs/renovate) unless the repository has one under any of its names.
            var guard = new PathGuard(session.FileSystem, session.RepoRoot);
            if (!RenovateConfig.KnownFileNames.Any(n => session.FileSystem.FileExists(guard.Resolve(n))))
            {
                plan = plan with { Changes = [.. plan.Changes, new PlannedChange(RenovateConfig.FileName, ChangeAction.Create, null, Encoding.UTF8.GetBytes(RenovateConfig.Text), [])] };
            }

            var applied = !dryRun && !plan.HasConflicts && plan.HasWrites;
            if (applied)
            {
                session.Apply(plan);
            }

            PlanPrinter.Print(session.Output, session.OutputPalette, TemplateCatalog.InitId, ["init"], plan, dryRun, applied, output.Diff(result), output.Format(result));
            if (plan.HasConflicts)
            {
                var paths = plan.Changes.Where(c => c.Action == ChangeAction.Conflict).Select(c => c.Path).ToList();
                session.Error.WriteLine($"{session.ErrorPalette.Error("conflict:")} {paths.Count} file(s) exist with other content ({paths[0]}{(paths.Count > 1 ? ", …" : string.Empty)}); nothing written; use --force to overwrite");
                return CliApp.Conflict;
            }

            return CliApp.Ok;
        });
        return command;
    }

    /// <summary>The <c>.gitignore</c> change that adds <see cref="IgnoreLine"/>, or null when it is ignored already.</summary>
    private static PlannedChange? GitignoreChange(Session session)
    {
        const string file = ".gitignore";
        var path = new PathGuard(session.FileSystem, session.RepoRoot).Resolve(file);
        var ignored = session.FileSystem.FileExists(path) ? session.FileSystem.ReadAllBytes(path) : null;
        var ignoredText = ignored is null ? string.Empty : Encoding.UTF8.GetString(ignored);
        if (ignoredText.Split('\n').Any(l => l.TrimEnd('\r').Trim() is IgnoreLine or "/.scaffold/apply" or ".scaffold/apply/" or ".scaffold/apply"))
        {
            return null;
        }

        // Appended as text: the rest of the file keeps its bytes (and its line endings).
        var newline = ignoredText.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var separator = ignoredText.Length == 0 || ignoredText.EndsWith('\n') ? string.Empty : newline;
        var addition = Encoding.UTF8.GetBytes($"{separator}# scaffold's journal of an interrupted apply{newline}{IgnoreLine}{newline}");
        return new PlannedChange(file, ignored is null ? ChangeAction.Create : ChangeAction.Update, ignored, [.. ignored ?? [], .. addition], []);
    }
}
