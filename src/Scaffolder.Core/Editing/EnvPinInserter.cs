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
    public string Apply(EditableText file, string insertion, IReadOnlyDictionary<string, string> args, string displayPath) =>
        ApplyAll(file, [insertion], args, displayPath);

    /// <inheritdoc />
    public string ApplyAll(EditableText file, IReadOnlyList<string> insertions, IReadOnlyDictionary<string, string> args, string displayPath)
    {
        var lines = new Lines(file.Text);
        var last = lines.Count - 1;
        while (last >= 0 && lines[last].Trim().Length == 0)
        {
            last--;
        }

        // Each key's first pin line (1-based) with the line above it; pins added by this batch join them.
        var pinned = new Dictionary<string, Pin>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            var equals = lines[i].IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                pinned.TryAdd(lines[i][..equals], new Pin(i + 1, lines[i], i > 0 ? lines[i - 1] : null));
            }
        }

        var added = new List<string>();
        foreach (var insertion in insertions)
        {
            var pin = insertion.TrimEnd('\r', '\n').Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            var entry = pin[^1];
            var key = entry[..entry.IndexOf('=', StringComparison.Ordinal)];
            if (pinned.TryGetValue(key, out var existing))
            {
                if (existing.Entry == entry && (pin.Length == 1 || existing.Above == pin[0]))
                {
                    continue;
                }

                throw new ConflictException($"{displayPath}:{existing.Line}: '{key}' is already pinned ({existing.Entry}); edit that entry instead of adding another");
            }

            added.AddRange(pin);

            // The line above the new entry, as one-by-one application would see it: its comment, else the line before.
            var above = added.Count > 1 ? added[^2] : last >= 0 ? lines[last] : null;
            pinned[key] = new Pin(last + 1 + added.Count, entry, above);
        }

        if (added.Count == 0)
        {
            return file.Text;
        }

        return last < 0 ? string.Join(file.Newline, added) + file.Newline : file.InsertLinesAfter(lines.EndOf(last), added);
    }

    /// <summary>A pinned key's line (1-based), its text and the line above it (a class: a tuple value costs start-up JIT work).</summary>
    private sealed record Pin(int Line, string Entry, string? Above);
}
