using System.CommandLine;
using Scaffolder.Core;
using Scaffolder.Core.Evaluation;

namespace Scaffolder.Cli.Commands;

/// <summary><c>scaffold evaluate &lt;technology&gt;</c>: the evaluation framework's stack-fit check; exit 1 on overlap.</summary>
internal static class EvaluateCommand
{
    public static Command Create(Session session)
    {
        var command = new Command("evaluate", "Evaluate a proposed technology against the current stack (exit 1 when it overlaps an existing layer).");
        var technology = new Argument<string>("technology") { Description = "Technology, chart or image name, e.g. redis or bitnami/postgresql." };
        var purpose = new Option<string>("--purpose") { Description = "What it would be used for; matched against the capabilities of existing layers." };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        command.Arguments.Add(technology);
        command.Options.Add(purpose);
        command.Options.Add(format);
        command.SetAction(result =>
        {
            var name = result.GetValue(technology) ?? string.Empty;
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new UserInputException("evaluate: the technology name is empty");
            }

            var evaluation = new TechnologyEvaluator(LoadCatalog(session)).Evaluate(name, result.GetValue(purpose));
            var output = EvaluationFormatter.Format(evaluation, result.GetValue(format) == "json" ? EvaluationOutputFormat.Json : EvaluationOutputFormat.Text);
            session.Output.WriteLine(output.TrimEnd());
            return evaluation.ExitCode;
        });
        return command;
    }

    /// <summary>The built-in stack catalog extended by the repository's <c>evaluate:</c> section (see <see cref="RepoStackCatalog"/>).</summary>
    public static StackCatalog LoadCatalog(Session session)
    {
        _ = session.Config; // validates .scaffold.yaml first
        return RepoStackCatalog.Load(session.FileSystem, session.RepoRoot);
    }
}
