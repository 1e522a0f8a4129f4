namespace Scaffolder.Core.Templates;

/// <summary>Another template rendered as part of this one.</summary>
public sealed class IncludeDefinition
{
    /// <summary>The included template id.</summary>
    public string Template { get; set; } = string.Empty;

    /// <summary>Condition (a Scriban expression); the include is skipped when false.</summary>
    public string? When { get; set; }

    /// <summary>Name of a list in the context: the entry is rendered once per item, with <c>item</c> set to it.</summary>
    public string? ForEach { get; set; }

    /// <summary>The name passed to the included template (Scriban; default: this template's name).</summary>
    public string? Name { get; set; }

    /// <summary>Parameter values passed (Scriban); a value that is exactly <c>{{param}}</c> passes the value itself, lists included.</summary>
    public Dictionary<string, string> With { get; set; } = [];
}
