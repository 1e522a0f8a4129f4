namespace Scaffolder.Core.Lifecycle;

/// <summary>One rendering request: template, name, template version and hash then, clusters and every resolved parameter value.</summary>
/// <param name="Template">Template id.</param>
/// <param name="Name">The positional name.</param>
/// <param name="Version">The template's <c>version:</c> when rendered.</param>
/// <param name="Hash">Content hash of the template folder when rendered (<c>sha256:…</c>).</param>
/// <param name="Clusters">The clusters rendered for (empty for repository-scoped templates).</param>
/// <param name="Parameters">Resolved values by kebab-case parameter name, in the template's order.</param>
public sealed record RecordedRequest(
    string Template,
    string Name,
    string Version,
    string Hash,
    IReadOnlyList<string> Clusters,
    IReadOnlyList<RecordedParameter> Parameters);
