namespace Scaffolder.Core.Templates;

/// <summary>A typed template parameter.</summary>
public sealed class ParameterDefinition
{
    /// <summary>Kebab-case name; the option is <c>--name</c>, templates read it in camelCase.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>string, int, bool, choice or list.</summary>
    public ParameterType Type { get; set; } = ParameterType.String;

    /// <summary>Help text.</summary>
    public string Description { get; set; } = string.Empty;

    /// <summary>Whether the option must be given.</summary>
    public bool Required { get; set; }

    /// <summary>Default value (Scriban, may use config and earlier parameters); a list default is comma-separated.</summary>
    public string? Default { get; set; }

    /// <summary>Value used when a choice option is given without a value (<c>--database</c> alone).</summary>
    public string? ImplicitValue { get; set; }

    /// <summary>Allowed values of a choice, or of each list item.</summary>
    public List<string> Choices { get; set; } = [];

    /// <summary>Config key (dotted) whose list gives the allowed values instead of <see cref="Choices"/>.</summary>
    public string? ChoicesFrom { get; set; }

    /// <summary>Regular expression each string value (or list item) must match in full.</summary>
    public string? Pattern { get; set; }

    /// <summary>Human description of <see cref="Pattern"/> for error messages.</summary>
    public string? PatternDescription { get; set; }

    /// <summary>
    /// A check beyond the pattern: <c>hostname</c> (at most 253 characters, labels of at most 63) or <c>quantity</c> (a
    /// size greater than zero; in a <c>NAME:SIZE</c> value, the part after the last colon).
    /// </summary>
    public string? Format { get; set; }

    /// <summary>
    /// Whether the value may be written as a plain YAML scalar (the default): values YAML 1.1 would read as a boolean,
    /// null, number or date are then refused. Set false for values that never reach YAML unquoted (a version pinned
    /// in versions.env, a date in a Markdown record).
    /// </summary>
    public bool YamlText { get; set; } = true;

    /// <summary>
    /// Whether a refused value is shown only up to its first character that cannot be part of a key name
    /// (<c>--key API_TOKEN=hunter2</c> is reported as <c>'API_TOKEN…'</c>). Set on parameters that take names of
    /// secret keys: a user who types <c>KEY=VALUE</c> has pasted a secret, and it must not reach a terminal or CI log.
    /// </summary>
    public bool Redact { get; set; }

    /// <summary>Smallest allowed int.</summary>
    public int? Min { get; set; }

    /// <summary>Largest allowed int.</summary>
    public int? Max { get; set; }
}
