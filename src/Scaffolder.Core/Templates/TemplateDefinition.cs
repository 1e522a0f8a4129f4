namespace Scaffolder.Core.Templates;

/// <summary>A template as declared in its <c>template.yaml</c>.</summary>
public sealed class TemplateDefinition
{
    /// <summary>The template id, the subcommand of <c>scaffold new</c>.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>
    /// The template's version (<c>version:</c>, default <c>0</c>): raised when the template changes what it generates,
    /// recorded in answers files, and compared by <c>scaffold update --check</c>.
    /// </summary>
    public string Version { get; set; } = "0";

    /// <summary>One line saying what the template generates.</summary>
    public string Description { get; set; } = string.Empty;

    /// <summary>What the positional name argument means.</summary>
    public string NameDescription { get; set; } = "Name of the generated object (a DNS-1123 label).";

    /// <summary><c>label</c> (a DNS-1123 label, the default) or <c>text</c> (free single-line text, e.g. a title).</summary>
    public string NameKind { get; set; } = "label";

    /// <summary><c>cluster</c> renders once per target cluster; <c>repo</c> renders once.</summary>
    public TemplateScope Scope { get; set; } = TemplateScope.Cluster;

    /// <summary>Typed parameters, each a <c>--option</c>.</summary>
    public List<ParameterDefinition> Parameters { get; set; } = [];

    /// <summary>Values computed from parameters and config, in order, available to every file of the template.</summary>
    public Dictionary<string, string> Variables { get; set; } = [];

    /// <summary>Computed data (key → registered data provider and its arguments), computed after <see cref="Variables"/>.</summary>
    public Dictionary<string, DataDefinition> Data { get; set; } = [];

    /// <summary>Files to create.</summary>
    public List<FileDefinition> Files { get; set; } = [];

    /// <summary>Where the files marked <c>kustomize: true</c> are listed (required when any is).</summary>
    public RegistrationDefinition? Registration { get; set; }

    /// <summary>Edits of existing (or planned) files through named inserters.</summary>
    public List<EditDefinition> Edits { get; set; } = [];

    /// <summary>Other templates rendered into the same plan.</summary>
    public List<IncludeDefinition> Includes { get; set; } = [];

    /// <summary>Example command lines (<c>scaffold new app wiki --database</c>) that <c>scaffold new &lt;id&gt; --help</c> prints.</summary>
    public List<string> Examples { get; set; } = [];

    /// <summary>Messages printed after generation (Scriban), for example the SSM parameters to create.</summary>
    public List<ConditionalText> Messages { get; set; } = [];

    /// <summary>Rules rejecting parameter combinations (exit 2), checked before rendering.</summary>
    public List<ConditionalText> Errors { get; set; } = [];
}
