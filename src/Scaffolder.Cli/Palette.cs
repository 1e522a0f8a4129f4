using System.Text.RegularExpressions;
using Scaffolder.Core.Planning;

namespace Scaffolder.Cli;

/// <summary>ANSI colours for plan lines, diffs and errors: green create, yellow update, red conflict or error; or none.</summary>
public sealed partial class Palette
{
    private const string Reset = "\e[0m";
    private const string Red = "\e[31m";
    private const string Green = "\e[32m";
    private const string Yellow = "\e[33m";
    private const string Cyan = "\e[36m";
    private const string Bold = "\e[1m";

    private Palette(bool enabled) => Enabled = enabled;

    /// <summary>No colour: every method returns its text unchanged.</summary>
    public static Palette Plain { get; } = new(false);

    /// <summary>ANSI colour.</summary>
    public static Palette Ansi { get; } = new(true);

    /// <summary>Whether text gets colour.</summary>
    public bool Enabled { get; }

    /// <summary>The palette for a stream that does (<paramref name="color"/>) or does not take colour.</summary>
    public static Palette For(bool color) => color ? Ansi : Plain;

    /// <summary><paramref name="text"/> in the colour of <paramref name="action"/>: green create, yellow update, red conflict or delete.</summary>
    public string Action(ChangeAction action, string text) => action switch
    {
        ChangeAction.Create => Paint(Green, text),
        ChangeAction.Update => Paint(Yellow, text),
        ChangeAction.Conflict or ChangeAction.Delete => Paint(Red, text),
        _ => text,
    };

    /// <summary>A diff line by kind (see <c>UnifiedDiff.Write</c>): green <c>+</c>, red <c>-</c>, cyan hunk header, bold file header.</summary>
    public string DiffLine(char kind, string text) => kind switch
    {
        '+' => Paint(Green, text),
        '-' => Paint(Red, text),
        '@' => Paint(Cyan, text),
        'h' => Paint(Bold, text),
        _ => text,
    };

    /// <summary><paramref name="text"/> in red: an error or a conflict.</summary>
    public string Error(string text) => Paint(Red, text);

    /// <summary>
    /// <c>check</c>'s text report (see <c>TextFormatter</c>) with each finding's severity coloured: red error, yellow
    /// warning, cyan note.
    /// </summary>
    public string CheckReport(string text) =>
        Enabled
            ? FindingSeverity().Replace(text, m => m.Groups[1].Value + Paint(m.Groups[2].Value switch { "error" => Red, "warning" => Yellow, _ => Cyan }, m.Groups[2].Value))
            : text;

    /// <summary>A finding line of the text report: <c>  LINE:COLUMN  SEVERITY  RULE  message</c>.</summary>
    [GeneratedRegex(@"^(  \d+:\d+  )(error|warning|note)(?= )", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex FindingSeverity();

    private string Paint(string color, string text) => Enabled && text.Length > 0 ? color + text + Reset : text;
}
