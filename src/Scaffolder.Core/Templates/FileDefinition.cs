namespace Scaffolder.Core.Templates;

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
