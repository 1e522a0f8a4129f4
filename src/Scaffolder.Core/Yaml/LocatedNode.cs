namespace Scaffolder.Core.Yaml;

/// <summary>A node of the light YAML tree, with the 1-based line and column where it starts.</summary>
public abstract class LocatedNode
{
    private protected LocatedNode(int line, int column)
    {
        Line = line;
        Column = column;
    }

    /// <summary>The 1-based line of the node.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the node.</summary>
    public int Column { get; }

    /// <summary>Returns the scalar text when the node is a scalar, otherwise null.</summary>
    public string? Text => (this as LocatedScalar)?.Value;

    /// <summary>Follows mapping keys from this node; returns null when any step is missing or not a mapping.</summary>
    public LocatedNode? At(params ReadOnlySpan<string> keys)
    {
        LocatedNode? current = this;
        foreach (var key in keys)
        {
            current = (current as LocatedMapping)?.Get(key);
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>Enumerates this node and all its descendants, depth first in document order.</summary>
    public IEnumerable<LocatedNode> Descendants()
    {
        var stack = new Stack<LocatedNode>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            switch (node)
            {
                case LocatedMapping map:
                    for (var i = map.Entries.Count - 1; i >= 0; i--)
                    {
                        stack.Push(map.Entries[i].Value);
                    }

                    break;
                case LocatedSequence seq:
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
    public IReadOnlyList<LocatedMapping> DescendantMappings()
    {
        var mappings = new List<LocatedMapping>();
        AddMappings(this, mappings);
        return mappings;
    }

    private static void AddMappings(LocatedNode node, List<LocatedMapping> mappings)
    {
        switch (node)
        {
            case LocatedMapping map:
                mappings.Add(map);
                for (var i = 0; i < map.Entries.Count; i++)
                {
                    AddMappings(map.Entries[i].Value, mappings);
                }

                break;
            case LocatedSequence seq:
                for (var i = 0; i < seq.Items.Count; i++)
                {
                    AddMappings(seq.Items[i], mappings);
                }

                break;
        }
    }
}
