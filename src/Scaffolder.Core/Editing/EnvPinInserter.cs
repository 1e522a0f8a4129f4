using Scaffolder.Core.Text;

namespace Scaffolder.Core.Editing;

/// <summary>
/// Appends a version pin to a <c>versions.env</c> file: the <c># renovate:</c> comment and, on the next line,
/// <c>&lt;key&gt;=&lt;value&gt;</c>, in the order Renovate's regex manager expects. The same pin already present leaves
/// the file unchanged; another value for the same key is a conflict, never a duplicate.
/// </summary>
public sealed class EnvPinInserter : IInserter
{
    /// <inheritdoc />
    public string Name => "env-pin";

    /// <inheritdoc />
    public string Apply(EditableText file, string insertion, IReadOnlyDictionary<string, string> args, string displayPath)
    {
        var pin = insertion.TrimEnd('\r', '\n').Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var entry = pin[^1];
        var key = entry[..entry.IndexOf('=', StringComparison.Ordinal)];
        var lines = new Lines(file.Text);
        for (var i = 0; i < lines.Count; i++)
        {
            if (!lines[i].StartsWith(key + "=", StringComparison.Ordinal))
            {
                continue;
            }

            if (lines[i] == entry && (pin.Length == 1 || (i > 0 && lines[i - 1] == pin[0])))
            {
                return file.Text;
            }

            throw new ConflictException($"{displayPath}:{i + 1}: '{key}' is already pinned ({lines[i]}); edit that entry instead of adding another");
        }

        var last = lines.Count - 1;
        while (last >= 0 && lines[last].Trim().Length == 0)
        {
            last--;
        }

        return last < 0 ? string.Join(file.Newline, pin) + file.Newline : file.InsertLinesAfter(lines.EndOf(last), pin);
    }
}
