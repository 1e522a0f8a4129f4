namespace Scaffolder.Core.Templates;

/// <summary>A Scriban text shown under a condition.</summary>
public sealed class ConditionalText
{
    /// <summary>Condition (a Scriban expression); the text applies when true (always when empty).</summary>
    public string? When { get; set; }

    /// <summary>The text (Scriban).</summary>
    public string Text { get; set; } = string.Empty;
}
