using System.CommandLine;

namespace Scaffolder.Cli.Commands;

/// <summary>The options every generating command shares: --dry-run, --diff, --force and --format.</summary>
internal sealed class PlanOutputOptions
{
    private readonly Option<bool> dryRun = new("--dry-run") { Description = "Show the plan; write nothing." };
    private readonly Option<bool> diff = new("--diff") { Description = "Show unified diffs of created and updated files." };
    private readonly Option<bool> force = new("--force") { Description = "Overwrite files that exist with other content." };
    private readonly Option<string> format = new("--format") { Description = "Output format.", DefaultValueFactory = _ => "text" };

    public PlanOutputOptions() => format.AcceptOnlyFromAmong("text", "json");

    public void AddTo(Command command)
    {
        command.Options.Add(dryRun);
        command.Options.Add(diff);
        command.Options.Add(force);
        command.Options.Add(format);
    }

    public bool DryRun(ParseResult result) => result.GetValue(dryRun);

    public bool Diff(ParseResult result) => result.GetValue(diff);

    public bool Force(ParseResult result) => result.GetValue(force);

    public string Format(ParseResult result) => result.GetValue(format) ?? "text";
}
