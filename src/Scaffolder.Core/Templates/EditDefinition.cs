namespace Scaffolder.Core.Templates;

/// <summary>An edit of a file through a named inserter.</summary>
public sealed class EditDefinition
{
    /// <summary>The inserter name, e.g. <c>yaml-list-item</c>.</summary>
    public string Inserter { get; set; } = string.Empty;

    /// <summary>Repository-relative path of the edited file (Scriban).</summary>
    public string File { get; set; } = string.Empty;

    /// <summary>Condition (a Scriban expression); the edit is skipped when false.</summary>
    public string? When { get; set; }

    /// <summary>Name of a list in the context: the entry is rendered once per item, with <c>item</c> set to it.</summary>
    public string? ForEach { get; set; }

    /// <summary>A Scriban file in the template folder rendering the inserted text.</summary>
    public string? Template { get; set; }

    /// <summary>Inline Scriban text inserted (instead of <see cref="Template"/>).</summary>
    public string? Value { get; set; }

    /// <summary>Inserter arguments (Scriban values).</summary>
    public Dictionary<string, string> With { get; set; } = [];

    /// <summary>The inserted text's <c>kind:</c>, a file kind of the extension table; null for none.</summary>
    public string? Kind { get; set; }

    /// <summary>When the file does not exist: <c>error</c> (default) or <c>skip</c>.</summary>
    public IfMissingPolicy IfMissing { get; set; } = IfMissingPolicy.Error;
}
