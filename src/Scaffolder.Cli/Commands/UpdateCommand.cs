using System.CommandLine;
using Scaffolder.Core;
using Scaffolder.Core.IO;
using Scaffolder.Core.Lifecycle;
using Scaffolder.Core.Planning;

namespace Scaffolder.Cli.Commands;

/// <summary>
/// <c>scaffold update [UNIT...] [--all] [--set key=value ...] [--restore] [--check]</c>: re-renders recorded units with
/// today's templates and merges each file three ways. Exit 3 means conflicts wait for you (markers written, listed).
/// </summary>
internal static class UpdateCommand
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(120);

    public static Command Create(Session session)
    {
        var command = new Command("update", "Re-render recorded units (.scaffold/answers/) with today's templates, merging your edits three ways.");
        var units = new Argument<string[]>("unit") { Description = "Units as <template>/<name> (a bare name when unique).", Arity = ArgumentArity.ZeroOrMore };
        var all = new Option<bool>("--all") { Description = "Update every recorded unit." };
        var set = new Option<string[]>("--set") { Description = "Change a recorded answer of the unit's template: key=value (repeatable; key= drops it).", HelpName = "key=value" };
        var restore = new Option<bool>("--restore") { Description = "Bring back files you deleted since generation." };
        var check = new Option<bool>("--check") { Description = "Write nothing; exit 1 listing units behind their template (the CI gate)." };
        var output = new LifecycleOutput();
        command.Arguments.Add(units);
        command.Options.Add(all);
        command.Options.Add(set);
        command.Options.Add(restore);
        command.Options.Add(check);
        output.AddTo(command);
        command.SetAction(result =>
        {
            var store = new AnswersStore(session.FileSystem, session.RepoRoot);
            var given = result.GetValue(units) ?? [];
            var updateAll = result.GetValue(all) || (result.GetValue(check) && given.Length == 0);
            if (updateAll == (given.Length > 0))
            {
                throw new UserInputException(given.Length > 0 ? "give units or --all, not both" : "give the units to update (<template>/<name>) or --all");
            }

            var paths = updateAll ? store.Paths() : [.. given.Select(store.Find).Distinct(StringComparer.Ordinal)];
            var values = Settings(result.GetValue(set) ?? []);
            var checkOnly = result.GetValue(check);
            var dryRun = checkOnly || output.DryRun(result);
            if (paths.Count == 0)
            {
                session.Output.WriteLine($"no recorded units ({UnitAddress.AnswersFolder}/ is empty)");
                return CliApp.Ok;
            }

            using var repoLock = dryRun ? null : RepoLock.Acquire(session.RepoRoot, LockTimeout);
            var planner = new Planner(session.FileSystem, session.Catalog, session.Config);
            var recorder = new UnitRecorder(session.FileSystem, planner, session.Catalog, Session.ToolVersion);
            var git = new GitProcess(session.RepoRoot);
            var update = new UnitUpdater(session.FileSystem, planner, recorder, git).Plan(session.RepoRoot, paths, values, result.GetValue(restore), session.Catalog);
            Timing.Mark("update planned");
            if (checkOnly)
            {
                foreach (var unit in update.Behind)
                {
                    session.Output.WriteLine($"behind     {unit}");
                }

                session.Output.WriteLine(update.Behind.Count == 0
                    ? $"up to date: {paths.Count} unit(s)"
                    : $"{update.Behind.Count} of {paths.Count} unit(s) behind their template; run 'scaffold update --all'");
                return update.Behind.Count == 0 ? CliApp.Ok : CliApp.Failure;
            }

            var applied = !dryRun && update.Plan.HasWrites;
            if (applied)
            {
                session.Apply(update.Plan);
                Timing.Mark("applied");

                // The new renders are the bases of the next update: the user commits the merged files, never these.
                foreach (var content in update.Bases)
                {
                    git.WriteBlob(content);
                }

                Timing.Mark("bases stored");
            }

            var names = paths.Select(AnswersStore.Address).ToList();
            PlanPrinter.Print(session.Output, session.OutputPalette, "update", names, update.Plan, dryRun, applied, output.Diff(result), output.Format(result));
            if (output.Format(result) == "text")
            {
                foreach (var note in update.Notes)
                {
                    session.Output.WriteLine($"note: {note}");
                }
            }

            if (update.Conflicts.Count > 0)
            {
                session.Error.WriteLine($"conflict: {update.Conflicts.Count} file(s) {(applied ? "hold" : "would hold")} conflict markers: {string.Join(", ", update.Conflicts)}; resolve them, then commit");
                return CliApp.Conflict;
            }

            return CliApp.Ok;
        });
        return command;
    }

    private static Dictionary<string, string> Settings(string[] pairs)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new UserInputException($"--set '{Scaffolder.Core.Text.DisplayText.Printable(pair)}': expected key=value");
            }

            values[pair[..equals]] = pair[(equals + 1)..];
        }

        return values;
    }
}

/// <summary>The output options of update and remove: --dry-run, --diff and --format, as in <c>new</c>.</summary>
internal sealed class LifecycleOutput
{
    private readonly Option<bool> dryRun = new("--dry-run") { Description = "Show the plan; write nothing." };
    private readonly Option<bool> diff = new("--diff") { Description = "Show unified diffs of the changed files." };
    private readonly Option<string> format = new("--format") { Description = "Output format.", DefaultValueFactory = _ => "text" };

    public LifecycleOutput() => format.AcceptOnlyFromAmong("text", "json");

    public void AddTo(Command command)
    {
        command.Options.Add(dryRun);
        command.Options.Add(diff);
        command.Options.Add(format);
    }

    public bool DryRun(ParseResult result) => result.GetValue(dryRun);

    public bool Diff(ParseResult result) => result.GetValue(diff);

    public string Format(ParseResult result) => result.GetValue(format) ?? "text";
}
