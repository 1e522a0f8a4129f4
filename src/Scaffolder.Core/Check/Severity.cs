namespace Scaffolder.Core.Check;

/// <summary>How serious a finding is; ordered so that a higher value is more severe.</summary>
public enum Severity
{
    /// <summary>A suggestion: the stack usually does it this way.</summary>
    Note = 0,

    /// <summary>A likely problem or a deviation from the stack's conventions.</summary>
    Warning = 1,

    /// <summary>A violation of a compliance rule or an anti-pattern.</summary>
    Error = 2,
}

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
