using System.CommandLine;
using Scaffolder.Core;
using Scaffolder.Core.Check;
using Scaffolder.Core.Check.Output;

namespace Scaffolder.Cli.Commands;

/// <summary><c>scaffold check [PATH ...]</c>: the architecture review's rules as a repo linter; exit 1 on findings.</summary>
internal static class CheckCommand
{
    private static readonly Uri InformationUri = new("https://github.com/scaffolder/scaffolder/blob/main/docs/check-rules.md");

    public static Command Create(Session session)
    {
        var command = new Command("check", "Check the repository against the stack's design patterns and anti-patterns (exit 1 on findings at or above --min-severity).");
        var paths = new Argument<string[]>("path") { Description = "Files or folders to check (default: the repository root).", Arity = ArgumentArity.ZeroOrMore };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "sarif");
        var rules = new Option<string[]>("--rule") { Description = "Only these rule ids (repeatable)." };
        var exclude = new Option<string[]>("--exclude") { Description = "Skip paths matching this glob (repeatable)." };
        var minSeverity = new Option<string>("--min-severity") { Description = "Lowest severity reported and counted for the exit code.", DefaultValueFactory = _ => "note" };
        minSeverity.AcceptOnlyFromAmong("error", "warning", "note");
        var jobs = new Option<int>("--jobs") { Description = "Files checked in parallel (default: the number of cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
        jobs.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--jobs must be at least 1");
            }
        });
        var maxFileSize = new Option<string>("--max-file-size") { Description = "Largest file read, in bytes or with KiB, MiB or GiB; larger files are skipped with a note (SCF034).", DefaultValueFactory = _ => "64MiB" };
        var crds = new Option<string[]>("--crds") { Description = "Validate manifests against the CRDs in this folder, strictly, after substitution (repeatable; also check.crds in .scaffold.yaml)." };
        command.Arguments.Add(paths);
        command.Options.Add(crds);
        command.Options.Add(format);
        command.Options.Add(rules);
        command.Options.Add(exclude);
        command.Options.Add(minSeverity);
        command.Options.Add(jobs);
        command.Options.Add(maxFileSize);
        command.SetAction(result =>
        {
            var given = (result.GetValue(paths) ?? []).Select(p => Existing(session, p)).ToList();
            var searchFrom = given.Count == 0 ? session.WorkingDirectory
                : session.FileSystem.DirectoryExists(given[0]) ? given[0]
                : Path.GetDirectoryName(given[0]) ?? session.WorkingDirectory;
            session.FindRootFrom(searchFrom);
            if (!session.RepoFound)
            {
                session.Error.WriteLine($"warning: no {Scaffolder.Core.Config.ConfigLoader.FileName} or .git in {searchFrom} or a folder above it: checking {session.RepoRoot} as the repository root");
            }

            var checker = new RepoChecker(
                session.FileSystem,
                ConventionsFromConfig.Create(session.Config, Scaffolder.Core.Evaluation.RepoStackCatalog.Load(session.FileSystem, session.RepoRoot)));
            var ruleIds = result.GetValue(rules) ?? [];
            var unknown = ruleIds.FirstOrDefault(id => checker.Rules.All(r => !string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase)));
            if (unknown is not null)
            {
                throw new UserInputException($"unknown rule '{unknown}'; rules are {checker.Rules[0].Id}..{checker.Rules[^1].Id}");
            }

            var targets = given.Select(p => Target(session, p)).ToList();
            _ = SeverityNames.TryParse(result.GetValue(minSeverity) ?? "note", out var severity);
            var report = checker.Check(session.RepoRoot, targets, new CheckOptions
            {
                RuleIds = ruleIds,
                ExcludeGlobs = result.GetValue(exclude) ?? [],
                MinSeverity = severity,
                MaxParallelism = result.GetValue(jobs),
                MaxFileBytes = ParseSize(result.GetValue(maxFileSize) ?? "64MiB"),
                CrdDirectories = [.. (result.GetValue(crds) ?? []).Select(d => Path.GetFullPath(d, session.WorkingDirectory))],
            });
            Timing.Mark("checked");
            var text = result.GetValue(format) switch
            {
                "json" => JsonFormatter.Format(report),
                "sarif" => SarifFormatter.Format(report, InformationUri, typeof(CheckCommand).Assembly.GetName().Version?.ToString(3) ?? "0.0.0"),
                _ => session.OutputPalette.CheckReport(TextFormatter.Format(report)),
            };
            session.Output.WriteLine(text.TrimEnd());
            if (result.GetValue(format) == "text" && severity == Severity.Note)
            {
                // Units behind their template are notes for the reader; `update --check` is the gate that fails on them.
                foreach (var note in Scaffolder.Core.Lifecycle.UnitDrift.Notes(session.FileSystem, session.RepoRoot, () => session.Catalog))
                {
                    session.Output.WriteLine($"note: {note}");
                }
            }

            Timing.Mark("printed");
            return report.HasFindings ? CliApp.Failure : CliApp.Ok;
        });
        return command;
    }

    /// <summary>Parses <c>--max-file-size</c>: a positive byte count, optionally followed by KiB, MiB or GiB.</summary>
    internal static long ParseSize(string text)
    {
        var trimmed = text.Trim();
        var (digits, unit) = trimmed.EndsWith("GiB", StringComparison.Ordinal) ? (trimmed[..^3], 1L << 30)
            : trimmed.EndsWith("MiB", StringComparison.Ordinal) ? (trimmed[..^3], 1L << 20)
            : trimmed.EndsWith("KiB", StringComparison.Ordinal) ? (trimmed[..^3], 1L << 10)
            : (trimmed, 1L);
        return long.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count)
            && count > 0 && count <= long.MaxValue / unit
            ? count * unit
            : throw new UserInputException($"--max-file-size '{text}' is not a size: write a positive number of bytes, or one with KiB, MiB or GiB (64MiB)");
    }

    /// <summary>The absolute path of a PATH argument (relative to the working folder), which must exist.</summary>
    private static string Existing(Session session, string path)
    {
        var full = Path.GetFullPath(path, session.WorkingDirectory);
        return session.FileSystem.FileExists(full) || session.FileSystem.DirectoryExists(full)
            ? full
            : throw new UserInputException($"check: '{path}' does not exist");
    }

    /// <summary>A PATH argument relative to the repository root; every PATH must lie in the repository of the first.</summary>
    private static string Target(Session session, string full)
    {
        var relative = Path.GetRelativePath(session.RepoRoot, full);
        return relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? throw new UserInputException($"check: '{full}' is outside the repository {session.RepoRoot}")
            : relative == "." ? string.Empty : relative.Replace('\\', '/');
    }
}
