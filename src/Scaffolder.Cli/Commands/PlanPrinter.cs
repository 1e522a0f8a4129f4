using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Scaffolder.Core.Planning;

namespace Scaffolder.Cli.Commands;

/// <summary>Prints a plan as text (one line per file, optional unified diffs) or JSON.</summary>
internal static class PlanPrinter
{
    /// <summary>Prints <paramref name="plan"/>; text output takes the colours of <paramref name="palette"/> (JSON never does).</summary>
    public static void Print(TextWriter output, Palette palette, string templateId, IReadOnlyList<string> names, Plan plan, bool dryRun, bool applied, bool diff, string format)
    {
        if (format == "json")
        {
            output.WriteLine(Json(templateId, names, plan, dryRun, applied));
            return;
        }

        foreach (var change in plan.Changes)
        {
            var details = change.Action == ChangeAction.Update || (change.Action == ChangeAction.Create && change.Details.Count > 1)
                ? $"  ({Details(change.Details)})"
                : string.Empty;
            output.WriteLine($"{palette.Action(change.Action, $"{Label(change.Action),-10}")} {change.Path}{(details == "  ()" ? string.Empty : details)}");
            if (diff && change.Action is ChangeAction.Create or ChangeAction.Update or ChangeAction.Conflict or ChangeAction.Delete)
            {
                UnifiedDiff.Write(output, change.Path, change.Before, change.Action == ChangeAction.Delete ? null : change.After, palette.DiffLine);
            }
        }

        var summary = Summary(plan.Changes);
        output.WriteLine(dryRun ? $"dry run: {summary}; nothing written" : applied ? $"done: {summary}" : $"nothing written: {summary}");
        if (!plan.HasConflicts)
        {
            foreach (var message in plan.Messages)
            {
                output.WriteLine();
                output.WriteLine(message);
            }
        }
    }

    /// <summary>"3 create, 1 update": the count of each action present, in the order of <see cref="ChangeAction"/>.</summary>
    /// <remarks>A loop over an array, not GroupBy/OrderBy: LINQ over an enum key makes the JIT compile ~60 generic methods at start-up.</remarks>
    private static string Summary(IReadOnlyList<PlannedChange> changes)
    {
        var counts = new int[(int)ChangeAction.Conflict + 1];
        foreach (var change in changes)
        {
            counts[(int)change.Action]++;
        }

        var parts = new List<string>(counts.Length);
        for (var action = 0; action < counts.Length; action++)
        {
            if (counts[action] > 0)
            {
                parts.Add($"{counts[action]} {Label((ChangeAction)action)}");
            }
        }

        return string.Join(", ", parts);
    }

    private static string Details(IReadOnlyList<string> details)
    {
        const int shown = 3;
        var edits = details.Where(d => !d.StartsWith("from template", StringComparison.Ordinal)).ToList();
        return edits.Count <= shown + 1
            ? string.Join("; ", edits)
            : $"{string.Join("; ", edits.Take(shown))}; … {edits.Count - shown} more";
    }

    private static string Label(ChangeAction action) => action switch
    {
        ChangeAction.Create => "create",
        ChangeAction.Update => "update",
        ChangeAction.Identical => "identical",
        ChangeAction.Keep => "keep",
        ChangeAction.Delete => "delete",
        _ => "conflict",
    };

    private static string Json(string templateId, IReadOnlyList<string> names, Plan plan, bool dryRun, bool applied)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("template", templateId);
            if (names.Count == 1)
            {
                writer.WriteString("name", names[0]);
            }
            else
            {
                writer.WriteStartArray("names");
                foreach (var name in names)
                {
                    writer.WriteStringValue(name);
                }

                writer.WriteEndArray();
            }

            writer.WriteBoolean("dryRun", dryRun);
            writer.WriteBoolean("applied", applied);
            writer.WriteStartArray("changes");
            foreach (var change in plan.Changes)
            {
                writer.WriteStartObject();
                writer.WriteString("path", change.Path);
                writer.WriteString("action", Label(change.Action));
                writer.WriteStartArray("details");
                foreach (var detail in change.Details)
                {
                    writer.WriteStringValue(detail);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("messages");
            foreach (var message in plan.Messages)
            {
                writer.WriteStringValue(message);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
