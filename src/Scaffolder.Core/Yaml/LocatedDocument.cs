namespace Scaffolder.Core.Yaml;

/// <summary>One document of a YAML stream.</summary>
/// <param name="root">The root node; null for an empty document.</param>
/// <param name="startLine">The 1-based line where the document starts (its <c>---</c> or first token).</param>
/// <param name="endLine">The 1-based line where the document ends.</param>
public sealed class LocatedDocument(LocatedNode? root, int startLine, int endLine)
{
    private IReadOnlyList<LocatedMapping>? mappings;

    /// <summary>The root node; null for an empty document.</summary>
    public LocatedNode? Root { get; } = root;

    /// <summary>The 1-based line where the document starts (its <c>---</c> or first token).</summary>
    public int StartLine { get; } = startLine;

    /// <summary>The 1-based line where the document ends.</summary>
    public int EndLine { get; } = endLine;

    /// <summary>
    /// Every mapping of the document, depth first in document order (<see cref="LocatedNode.DescendantMappings"/> of the root),
    /// collected once on first use and shared by the rules that scan them all.
    /// </summary>
    public IReadOnlyList<LocatedMapping> Mappings => mappings ??= Root?.DescendantMappings() ?? [];

    /// <summary>The root as a mapping, or null.</summary>
    public LocatedMapping? Map => Root as LocatedMapping;

    /// <summary>
    /// The <c>kind</c> field, or null for a document that is not a Kubernetes manifest: only a document with both
    /// <c>apiVersion</c> and <c>kind</c> is one (a Helm values file may hold a top-level <c>kind:</c> chart setting).
    /// </summary>
    public string? Kind => Map?.Get("apiVersion") is LocatedScalar ? Map.Get("kind")?.Text : null;

    /// <summary>The <c>apiVersion</c> field, or null.</summary>
    public string? ApiVersion => Map?.Get("apiVersion")?.Text;

    /// <summary>The <c>metadata.name</c> field, or null.</summary>
    public string? Name => Map?.At("metadata", "name")?.Text;

    /// <summary>The <c>metadata.namespace</c> field, or null.</summary>
    public string? Namespace => Map?.At("metadata", "namespace")?.Text;

    /// <summary>The <c>metadata.annotations</c> mapping, or null.</summary>
    public LocatedMapping? Annotations => Map?.At("metadata", "annotations") as LocatedMapping;

    /// <summary>The <c>metadata.labels</c> mapping, or null.</summary>
    public LocatedMapping? Labels => Map?.At("metadata", "labels") as LocatedMapping;

    /// <summary>Whether the document is a Kubernetes manifest (it has an <c>apiVersion</c> and a <c>kind</c>).</summary>
    public bool IsManifest => Kind is not null;
}
