namespace Scaffolder.Core.Yaml;

/// <summary>A mapping, keeping entries in document order.</summary>
public sealed class LocatedMapping : LocatedNode
{
    /// <summary>Creates a mapping.</summary>
    public LocatedMapping(IReadOnlyList<LocatedEntry> entries, int line, int column)
        : base(line, column) => Entries = entries;

    /// <summary>The entries in document order.</summary>
    public IReadOnlyList<LocatedEntry> Entries { get; }

    /// <summary>Returns the entry with the given key, or null.</summary>
    public LocatedEntry? GetEntry(string key)
    {
        // Indexed, not foreach: enumerating the IReadOnlyList would allocate an enumerator on every lookup (hot path).
        var entries = Entries;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry.Key.Value == key)
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>Returns the value for the given key, or null.</summary>
    public LocatedNode? Get(string key) => GetEntry(key)?.Value;
}
