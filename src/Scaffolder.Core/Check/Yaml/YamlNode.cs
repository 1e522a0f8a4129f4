namespace Scaffolder.Core.Check.Yaml;

/// <summary>A node of the light YAML tree, with the 1-based line and column where it starts.</summary>
public abstract class YamlNode
{
    private protected YamlNode(int line, int column)
    {
        Line = line;
        Column = column;
    }

    /// <summary>The 1-based line of the node.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the node.</summary>
    public int Column { get; }

    /// <summary>Returns the scalar text when the node is a scalar, otherwise null.</summary>
    public string? Text => (this as YamlScalar)?.Value;

    /// <summary>Follows mapping keys from this node; returns null when any step is missing or not a mapping.</summary>
    public YamlNode? At(params ReadOnlySpan<string> keys)
    {
        YamlNode? current = this;
        foreach (var key in keys)
        {
            current = (current as YamlMapping)?.Get(key);
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>Enumerates this node and all its descendants, depth first in document order.</summary>
    public IEnumerable<YamlNode> Descendants()
    {
        var stack = new Stack<YamlNode>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            switch (node)
            {
                case YamlMapping map:
                    for (var i = map.Entries.Count - 1; i >= 0; i--)
                    {
                        stack.Push(map.Entries[i].Value);
                    }

                    break;
                case YamlSequence seq:
                    for (var i = seq.Items.Count - 1; i >= 0; i--)
                    {
                        stack.Push(seq.Items[i]);
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// Returns this node, when it is a mapping, and every mapping below it, depth first in document order: the mappings
    /// of <see cref="Descendants"/>, collected in one recursive pass into one list instead of a lazy walk with its own stack.
    /// </summary>
    public IReadOnlyList<YamlMapping> DescendantMappings()
    {
        var mappings = new List<YamlMapping>();
        AddMappings(this, mappings);
        return mappings;
    }

    private static void AddMappings(YamlNode node, List<YamlMapping> mappings)
    {
        switch (node)
        {
            case YamlMapping map:
                mappings.Add(map);
                for (var i = 0; i < map.Entries.Count; i++)
                {
                    AddMappings(map.Entries[i].Value, mappings);
                }

                break;
            case YamlSequence seq:
                for (var i = 0; i < seq.Items.Count; i++)
                {
                    AddMappings(seq.Items[i], mappings);
                }

                break;
        }
    }
}

/// <summary>A scalar: plain, quoted or block text. Flux <c>${var}</c> placeholders are kept as text.</summary>
public sealed class YamlScalar : YamlNode
{
    /// <summary>Creates a scalar.</summary>
    public YamlScalar(string value, bool isQuoted, int line, int column)
        : base(line, column)
    {
        Value = value;
        IsQuoted = isQuoted;
    }

    /// <summary>The scalar text.</summary>
    public string Value { get; }

    /// <summary>Whether the scalar was written quoted (so <c>"true"</c> is a string, not a boolean).</summary>
    public bool IsQuoted { get; }

    /// <summary>Whether the scalar is an unquoted null (<c>~</c>, <c>null</c> or empty).</summary>
    public bool IsNull => !IsQuoted && Value is "" or "~" or "null" or "Null" or "NULL";
}

/// <summary>One key/value pair of a mapping.</summary>
/// <param name="Key">The key scalar (its line and column locate the entry).</param>
/// <param name="Value">The value node.</param>
public sealed record YamlEntry(YamlScalar Key, YamlNode Value);

/// <summary>A mapping, keeping entries in document order.</summary>
public sealed class YamlMapping : YamlNode
{
    /// <summary>Creates a mapping.</summary>
    public YamlMapping(IReadOnlyList<YamlEntry> entries, int line, int column)
        : base(line, column) => Entries = entries;

    /// <summary>The entries in document order.</summary>
    public IReadOnlyList<YamlEntry> Entries { get; }

    /// <summary>Returns the entry with the given key, or null.</summary>
    public YamlEntry? GetEntry(string key)
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
    public YamlNode? Get(string key) => GetEntry(key)?.Value;
}

/// <summary>A sequence.</summary>
public sealed class YamlSequence : YamlNode
{
    /// <summary>Creates a sequence.</summary>
    public YamlSequence(IReadOnlyList<YamlNode> items, int line, int column)
        : base(line, column) => Items = items;

    /// <summary>The items in document order.</summary>
    public IReadOnlyList<YamlNode> Items { get; }
}
