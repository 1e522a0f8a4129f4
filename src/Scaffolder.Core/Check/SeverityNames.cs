namespace Scaffolder.Core.Check;

/// <summary>Names of severities as written in reports and on the command line.</summary>
public static class SeverityNames
{
    /// <summary>Returns <c>error</c>, <c>warning</c> or <c>note</c>.</summary>
    public static string ToName(this Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    /// <summary>Parses <c>error</c>, <c>warning</c> or <c>note</c> (case-insensitive); returns false otherwise.</summary>
    public static bool TryParse(string text, out Severity severity)
    {
        switch (text.ToUpperInvariant())
        {
            case "ERROR":
                severity = Severity.Error;
                return true;
            case "WARNING":
                severity = Severity.Warning;
                return true;
            case "NOTE":
                severity = Severity.Note;
                return true;
            default:
                severity = Severity.Note;
                return false;
        }
    }
}
