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

/// <summary>A file the template creates.</summary>
public sealed class FileDefinition
{
    /// <summary>Repository-relative target path (Scriban).</summary>
    public string Path { get; set; } = string.Empty;

    /// <summary>The Scriban file in the template folder.</summary>
    public string Template { get; set; } = string.Empty;

    /// <summary>Condition (a Scriban expression, see <see cref="Rendering.TemplateRenderer.IsTrue"/>); the file is skipped when false.</summary>
    public string? When { get; set; }

    /// <summary>Name of a list in the context: the entry is rendered once per item, with <c>item</c> set to it.</summary>
    public string? ForEach { get; set; }

    /// <summary><c>conflict</c> (default: a different existing file is a conflict) or <c>skip</c> (keep the existing file).</summary>
    public IfExistsPolicy IfExists { get; set; } = IfExistsPolicy.Conflict;

    /// <summary>Register the file in the kustomization.yaml of its folder.</summary>
    public bool Kustomize { get; set; }

    /// <summary>The template's <see cref="TemplateDefinition.Registration"/> when <see cref="Kustomize"/> is set, else null.</summary>
    public RegistrationDefinition? Registration { get; set; }

    /// <summary>
    /// The file's <c>kind:</c>, a file kind of the extension table (<c>hcl</c>: attributes aligned as <c>tofu fmt</c>
    /// would); null for none.
    /// </summary>
    public string? Kind { get; set; }

    /// <summary>Position in the kustomization's resource list (lower first).</summary>
    public int Order { get; set; } = 50;

    /// <summary>This file is a kustomization: it is rendered last, with <c>resources</c> set to the registered files of its folder.</summary>
    public bool CollectsResources { get; set; }
}

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

/// <summary>A Scriban text shown under a condition.</summary>
public sealed class ConditionalText
{
    /// <summary>Condition (a Scriban expression); the text applies when true (always when empty).</summary>
    public string? When { get; set; }

    /// <summary>The text (Scriban).</summary>
    public string Text { get; set; } = string.Empty;
}

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
