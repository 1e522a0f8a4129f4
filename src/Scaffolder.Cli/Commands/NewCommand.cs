using System.CommandLine;
using Scaffolder.Core;
using Scaffolder.Core.IO;
using Scaffolder.Core.Planning;
using Scaffolder.Core.Templates;

namespace Scaffolder.Cli.Commands;

/// <summary><c>scaffold new &lt;template&gt; &lt;name&gt; [options]</c>: one subcommand per template, its options from the template's parameters.</summary>
internal static class NewCommand
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(120);

    public static Command Create(Session session, string[] args)
    {
        var command = new Command("new", "Generate files from a template (see 'scaffold list').");
        var requested = args.Length > 1 && args[0] == "new" ? args[1] : null;
        var ids = requested is not null && session.Catalog.Ids.Contains(requested) ? [requested] : session.Catalog.Ids;
        foreach (var id in ids)
        {
            command.Subcommands.Add(TemplateCommand(session, session.Catalog.Get(id).Definition));
        }

        return command;
    }

    private static Command TemplateCommand(Session session, TemplateDefinition template)
    {
        var command = new Command(template.Id, template.Description);
        var name = new Argument<string>("name") { Description = template.NameDescription };
        command.Arguments.Add(name);
        var parameters = template.Parameters.Select(p => (Parameter: p, Option: ParameterOption(p, session))).ToList();
        foreach (var (_, option) in parameters)
        {
            command.Options.Add(option);
        }

        var cluster = new Option<string[]>("--cluster") { Description = "Target cluster, repeatable (default: clusters.default from config).", HelpName = "cluster" };
        cluster.AcceptOnlyFromAmong([.. session.Config.KnownClusters]);
        if (template.Scope == "cluster")
        {
            command.Options.Add(cluster);
        }

        var output = new PlanOutputOptions();
        output.AddTo(command);
        command.SetAction(result =>
        {
            var raw = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var (parameter, option) in parameters)
            {
                var optionResult = result.GetResult(option);
                if (optionResult is null || optionResult.Implicit)
                {
                    continue;
                }

                var tokens = optionResult.Tokens.Select(t => t.Value).ToList();
                raw[parameter.Name] = tokens.Count > 0 ? tokens : [parameter.ImplicitValue ?? "true"];
            }

            var request = new GenerationRequest(
                template.Id,
                result.GetValue(name) ?? string.Empty,
                raw,
                result.GetValue(cluster) ?? [],
                output.Force(result));
            return Generate(session, request, output.DryRun(result), output.Diff(result), output.Format(result));
        });
        return command;
    }

    /// <summary>Plans a request, prints the plan, and applies it unless it is a dry run or has conflicts.</summary>
    public static int Generate(Session session, GenerationRequest request, bool dryRun, bool diff, string format)
    {
        using var repoLock = dryRun ? null : RepoLock.Acquire(session.RepoRoot, LockTimeout);
        var planner = new Planner(session.FileSystem, session.Catalog, session.Config, Planner.DefaultInserters);
        var plan = planner.Plan(session.RepoRoot, request);
        var applied = !dryRun && !plan.HasConflicts && plan.HasWrites;
        if (applied)
        {
            new PlanApplier(session.FileSystem).Apply(plan);
        }

        PlanPrinter.Print(session.Output, request, plan, dryRun, applied, diff, format);
        if (plan.HasConflicts)
        {
            var paths = plan.Changes.Where(c => c.Action == ChangeAction.Conflict).Select(c => c.Path).ToList();
            session.Error.WriteLine($"conflict: {paths.Count} file(s) exist with other content ({paths[0]}{(paths.Count > 1 ? ", …" : string.Empty)}); nothing written; use --force to overwrite");
            return CliApp.Conflict;
        }

        return CliApp.Ok;
    }

    private static Option ParameterOption(ParameterDefinition parameter, Session session)
    {
        var description = parameter.Description
            + $" [{parameter.Type}{(parameter.Required ? ", required" : string.Empty)}{(parameter.Default is null ? string.Empty : $", default: {parameter.Default}")}]";
        Option option = parameter.Type switch
        {
            "bool" => new Option<bool>($"--{parameter.Name}") { Arity = ArgumentArity.ZeroOrOne },
            "list" => new Option<string[]>($"--{parameter.Name}") { AllowMultipleArgumentsPerToken = false },
            _ => new Option<string>($"--{parameter.Name}") { Arity = parameter.ImplicitValue is null ? ArgumentArity.ExactlyOne : ArgumentArity.ZeroOrOne },
        };
        option.Description = description;
        option.HelpName = parameter.Type is "choice" ? null : parameter.Type;
        var choices = ParameterResolver.Choices(parameter, session.Config);
        if (choices.Count > 0 && parameter.Type is "choice")
        {
            option.CompletionSources.Add([.. choices]);
            option.HelpName = string.Join('|', choices);
        }
        else if (choices.Count > 0)
        {
            option.CompletionSources.Add([.. choices]);
        }

        return option;
    }
}
