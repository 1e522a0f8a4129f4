using System.CommandLine;
using Scaffolder.Core.IO;
using Scaffolder.Core.Lifecycle;
using Scaffolder.Core.Planning;

namespace Scaffolder.Cli.Commands;

/// <summary><c>scaffold remove UNIT [--force]</c>: deletes what a unit created and takes its lines out of shared files.</summary>
internal static class RemoveCommand
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(120);

    public static Command Create(Session session)
    {
        var command = new Command("remove", "Remove a recorded unit: its files and the lines it inserted into shared files, byte-preservingly.");
        var unit = new Argument<string>("unit") { Description = "The unit as <template>/<name> (a bare name when unique)." };
        var force = new Option<bool>("--force") { Description = "Also delete files changed since generation." };
        var output = new LifecycleOutput();
        command.Arguments.Add(unit);
        command.Options.Add(force);
        output.AddTo(command);
        command.SetAction(result =>
        {
            var dryRun = output.DryRun(result);
            var path = new AnswersStore(session.FileSystem, session.RepoRoot).Find(result.GetValue(unit)!);
            using var repoLock = dryRun ? null : RepoLock.Acquire(session.RepoRoot, LockTimeout);
            var planner = new Planner(session.FileSystem, session.Catalog, session.Config);
            var removal = new UnitRemover(session.FileSystem, planner, session.Catalog).Plan(session.RepoRoot, path, result.GetValue(force));
            var applied = !dryRun && removal.Plan.HasWrites;
            if (applied)
            {
                session.Apply(removal.Plan);
            }

            PlanPrinter.Print(session.Output, session.OutputPalette, "remove", [AnswersStore.Address(path)], removal.Plan, dryRun, applied, output.Diff(result), output.Format(result));
            foreach (var kept in removal.Kept)
            {
                (output.Format(result) == "text" ? session.Output : session.Error).WriteLine($"kept: {kept}");
            }

            return CliApp.Ok;
        });
        return command;
    }
}
