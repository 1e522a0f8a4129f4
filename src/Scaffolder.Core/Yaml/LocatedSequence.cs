namespace Scaffolder.Core.Yaml;

/// <summary>A sequence.</summary>
public sealed class LocatedSequence : LocatedNode
{
    /// <summary>Creates a sequence.</summary>
    public LocatedSequence(IReadOnlyList<LocatedNode> items, int line, int column)
        : base(line, column) => Items = items;

    /// <summary>The items in document order.</summary>
    public IReadOnlyList<LocatedNode> Items { get; }
}
