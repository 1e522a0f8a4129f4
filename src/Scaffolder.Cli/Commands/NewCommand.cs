using System.CommandLine;
using Scaffolder.Core;
using Scaffolder.Core.IO;
using Scaffolder.Core.Lifecycle;
using Scaffolder.Core.Planning;
using Scaffolder.Core.Templates;

namespace Scaffolder.Cli.Commands;

/// <summary><c>scaffold new &lt;template&gt; &lt;name&gt; [options]</c>: one subcommand per template, its options from the template's parameters.</summary>
internal static class NewCommand
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(120);

    public static Command Create(Session session, CommandLineStart start)
    {
        var command = new Command("new", "Generate files from a template (see 'scaffold list').");
        var (verb, requested) = (start.Verb, start.Template);
        if (verb is not null && verb != "new" && !start.Completing)
        {
            // Another command (or an unknown one) runs: the templates are neither parsed nor even listed.
            // A directive such as [suggest:N] still gets every template, for completion.
            return command;
        }

        // Defaults are rendered against the config and examples listed only when help is printed: a run does not pay for them.
        var help = start.Help;
        IReadOnlyList<string> ids = requested is not null && session.Catalog.Ids.Contains(requested) ? [requested] : session.Catalog.Ids;
        foreach (var id in ids)
        {
            var definition = session.Catalog.Get(id).Definition;
            if (ids.Count == 1 && !help)
            {
                session.Prefetch(id);
            }

            command.Subcommands.Add(TemplateCommand(session, definition, help));
        }

        return command;
    }

    private static Command TemplateCommand(Session session, TemplateDefinition template, bool help)
    {
        var description = help && template.Examples.Count > 0
            ? $"{template.Description}\n\nExamples:\n{string.Join('\n', template.Examples.Select(e => "  " + e))}"
            : template.Description;
        var command = new Command(template.Id, description);
        var defaults = help ? new HelpDefaults(session) : null;
        var name = new Argument<string>("name") { Description = template.NameDescription, Arity = ArgumentArity.ZeroOrOne };
        command.Arguments.Add(name);
        var values = new Option<string>("--values")
        {
            Description = "Bulk mode: a YAML list of entries ({name: x, <option>: value, ...}) generated in one plan, applied all-or-nothing.",
            HelpName = "file",
        };
        command.Options.Add(values);
        // options[i] belongs to template.Parameters[i] (a list of tuples would cost start-up JIT work).
        var options = new Option[template.Parameters.Count];
        for (var i = 0; i < options.Length; i++)
        {
            options[i] = ParameterOption(template.Parameters[i], session, defaults);
            command.Options.Add(options[i]);
        }

        var cluster = new Option<string[]>("--cluster") { Description = "Target cluster, repeatable (default: clusters.default from config).", HelpName = "cluster" };
        cluster.AcceptOnlyFromAmong([.. session.Config.KnownClusters]);
        if (template.Scope == TemplateScope.Cluster)
        {
            command.Options.Add(cluster);
        }

        var output = new PlanOutputOptions();
        output.AddTo(command);
        command.SetAction(result =>
        {
            var raw = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            for (var i = 0; i < options.Length; i++)
            {
                var parameter = template.Parameters[i];
                var optionResult = result.GetResult(options[i]);
                if (optionResult is null || optionResult.Implicit)
                {
                    continue;
                }

                var tokens = optionResult.Tokens.Select(t => t.Value).ToList();
                raw[parameter.Name] = tokens.Count > 0 ? tokens : [parameter.ImplicitValue ?? "true"];
            }

            var valuesFile = result.GetValue(values);
            var givenName = valuesFile is null ? AskForMissing(session, template, raw, result.GetValue(name)) : result.GetValue(name);
            if (valuesFile is not null)
            {
                if (givenName is not null || raw.Count > 0 || result.GetValue(cluster) is { Length: > 0 })
                {
                    throw new UserInputException("--values takes every name and option from the file: give no name or template options beside it");
                }

                var full = Path.GetFullPath(valuesFile, session.WorkingDirectory);
                var entries = BulkValues.Read(session.FileSystem, full, valuesFile, template, output.Force(result), session.Limits);
                return GenerateMany(session, template.Id, entries, valuesFile, output.DryRun(result), output.Diff(result), output.Format(result), output.Force(result));
            }

            if (string.IsNullOrEmpty(givenName))
            {
                throw new UserInputException($"'{template.Id}' needs a name (or --values FILE)");
            }

            var request = new GenerationRequest(
                template.Id,
                givenName,
                raw,
                result.GetValue(cluster) ?? [],
                output.Force(result));
            return Generate(session, request, output.DryRun(result), output.Diff(result), output.Format(result));
        });
        return command;
    }

    /// <summary>
    /// On an interactive terminal, asks for the name and for each required parameter not given, in template order (see
    /// <see cref="Prompter"/>); answers go into <paramref name="raw"/> as if typed as options. Returns the name.
    /// </summary>
    private static string? AskForMissing(Session session, TemplateDefinition template, Dictionary<string, IReadOnlyList<string>> raw, string? givenName)
    {
        if (session.Terminal.Input is not { } input)
        {
            return givenName;
        }

        var prompter = new Prompter(input, session.Error);
        if (string.IsNullOrEmpty(givenName) && (givenName = prompter.Ask("name", template.NameDescription, [], null)) is null)
        {
            return null;
        }

        foreach (var parameter in template.Parameters)
        {
            if (parameter.Required && !raw.ContainsKey(parameter.Name))
            {
                if (prompter.Ask(parameter, ParameterResolver.Choices(parameter, session.Config)) is not { } answer)
                {
                    break;
                }

                raw[parameter.Name] = [answer];
            }
        }

        return givenName;
    }

    /// <summary>Plans a request, prints the plan, and applies it unless it is a dry run or has conflicts.</summary>
    public static int Generate(Session session, GenerationRequest request, bool dryRun, bool diff, string format) =>
        Run(session, recorder => recorder.Plan(session.RepoRoot, request), request.TemplateId, [request.Name], dryRun, diff, format);

    /// <summary>Bulk mode: plans every entry into one plan (one lock, one validation, one all-or-nothing apply).</summary>
    public static int GenerateMany(Session session, string templateId, IReadOnlyList<BulkEntry> entries, string file, bool dryRun, bool diff, string format, bool force) =>
        Run(
            session,
            recorder => recorder.Plan(session.RepoRoot, [.. entries.Select(e => e.Request)], i => entries[i].Label(file), force),
            templateId,
            [.. entries.Select(e => e.Request.Name)],
            dryRun,
            diff,
            format);

    private static int Run(Session session, Func<UnitRecorder, Plan> makePlan, string templateId, IReadOnlyList<string> names, bool dryRun, bool diff, string format)
    {
        session.RequireRepository("new");
        using var repoLock = dryRun ? null : RepoLock.Acquire(session.RepoRoot, LockTimeout);
        Timing.Mark("command parsed, lock held");
        var planner = new Planner(session.FileSystem, session.Catalog, session.Config, limits: session.Limits, renderer: session.Renderer);
        Timing.Mark("config, catalog and planner ready");
        Plan plan;
        try
        {
            plan = makePlan(new UnitRecorder(session.FileSystem, planner, session.Catalog, Session.ToolVersion));
        }
        finally
        {
            session.EndPrefetch();
        }

        Timing.Mark("planned");
        var applied = !dryRun && !plan.HasConflicts && plan.HasWrites;
        if (applied)
        {
            session.Apply(plan);
            Timing.Mark("applied");
        }

        PlanPrinter.Print(session.Output, session.OutputPalette, templateId, names, plan, dryRun, applied, diff, format);
        Timing.Mark("printed");
        if (plan.HasConflicts)
        {
            var paths = plan.Changes.Where(c => c.Action == ChangeAction.Conflict).Select(c => c.Path).ToList();
            session.Error.WriteLine($"{session.ErrorPalette.Error("conflict:")} {paths.Count} file(s) exist with other content ({paths[0]}{(paths.Count > 1 ? ", …" : string.Empty)}); nothing written; use --force to overwrite");
            return CliApp.Conflict;
        }

        return CliApp.Ok;
    }

    private static Option ParameterOption(ParameterDefinition parameter, Session session, HelpDefaults? defaults)
    {
        var shownDefault = parameter.Default is null ? null : defaults?.Shown(parameter.Default) ?? parameter.Default;
        shownDefault = shownDefault is { Length: 0 } ? null : shownDefault;
        var description = parameter.Description
            + $" [{TemplateNames.Of(parameter.Type)}{(parameter.Required ? ", required" : string.Empty)}{(shownDefault is null ? string.Empty : $", default: {shownDefault}")}]";
        Option option = parameter.Type switch
        {
            ParameterType.Bool => new Option<bool>($"--{parameter.Name}") { Arity = ArgumentArity.ZeroOrOne },
            ParameterType.List => new Option<string[]>($"--{parameter.Name}") { AllowMultipleArgumentsPerToken = false },
            _ => new Option<string>($"--{parameter.Name}") { Arity = parameter.ImplicitValue is null ? ArgumentArity.ExactlyOne : ArgumentArity.ZeroOrOne },
        };
        option.Description = description;
        option.HelpName = parameter.Type is ParameterType.Choice ? null : TemplateNames.Of(parameter.Type);
        var choices = ParameterResolver.Choices(parameter, session.Config);
        if (choices.Count > 0 && parameter.Type is ParameterType.Choice)
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

    /// <summary>
    /// A parameter's default as help shows it: rendered against the repository's config (<c>baseline</c>, not
    /// <c>{{config.podSecurity.default}}</c>), with <c>&lt;name&gt;</c> for the name; a default that needs another
    /// option's value is shown as written.
    /// </summary>
    private sealed class HelpDefaults(Session session)
    {
        private readonly Core.Rendering.TemplateRenderer renderer = new(session.Catalog.Partials);

        public string Shown(string text)
        {
            var cluster = session.Config.DefaultClusters.Count > 0 ? session.Config.DefaultClusters[0] : null;
            var context = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["name"] = "<name>",
                ["cluster"] = cluster,
                ["config"] = cluster is null ? session.Config.Root : session.Config.ForCluster(cluster),
            };
            try
            {
                return renderer.Render(text, context, "default");
            }
            catch (UserInputException)
            {
                return text;
            }
        }
    }
}
