namespace Scaffolder.Core.Yaml;

/// <summary>A scalar: plain, quoted or block text. Flux <c>${var}</c> placeholders are kept as text.</summary>
public sealed class LocatedScalar : LocatedNode
{
    /// <summary>Creates a scalar.</summary>
    public LocatedScalar(string value, bool isQuoted, int line, int column)
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
