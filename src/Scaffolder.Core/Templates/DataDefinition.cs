namespace Scaffolder.Core.Templates;

/// <summary>A value computed by a registered data provider (see <c>Scaffolder.Core.Data.IDataProvider</c>).</summary>
public sealed class DataDefinition
{
    /// <summary>The provider name, e.g. <c>module-variables</c>.</summary>
    public string Provider { get; set; } = string.Empty;

    /// <summary>Condition (a Scriban expression); when false the key is null and the provider is not called.</summary>
    public string? When { get; set; }

    /// <summary>Provider arguments (Scriban values).</summary>
    public Dictionary<string, string> With { get; set; } = [];
}
