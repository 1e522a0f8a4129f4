using System.Globalization;
using System.Text;

namespace Scaffolder.Core.Check.Output;

/// <summary>Formats a report as human-readable text grouped by file, ending with a summary line.</summary>
public static class TextFormatter
{
    /// <summary>
    /// Formats <paramref name="report"/>: one block per file (<c>line:column severity RULE message</c> plus the
    /// fix), then <c>N errors, N warnings, N notes in F files, T ms</c> where F is the number of files scanned,
    /// followed by the suppressed count when there is one.
    /// </summary>
    public static string Format(CheckReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        foreach (var file in report.Findings.GroupBy(f => f.File, StringComparer.Ordinal))
        {
            text.Append(file.Key.Length == 0 ? "(repository)" : file.Key).Append('\n');
            foreach (var finding in file)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {finding.Line}:{finding.Column}  {finding.Severity.ToName(),-7}  {finding.RuleId}  {finding.Message}");
                text.Append(finding.Suppressed ? "  (suppressed)\n" : "\n");
                text.Append("      fix: ").Append(finding.Fix).Append('\n');
            }

            text.Append('\n');
        }

        text.Append(CultureInfo.InvariantCulture,
            $"{Plural(report.Errors, "error")}, {Plural(report.Warnings, "warning")}, {Plural(report.Notes, "note")} in {Plural(report.FilesScanned, "file")}, {report.ElapsedMilliseconds} ms");
        if (report.Suppressed > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" ({report.Suppressed} suppressed)");
        }

        return text.Append('\n').ToString();
    }

    private static string Plural(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");
}
