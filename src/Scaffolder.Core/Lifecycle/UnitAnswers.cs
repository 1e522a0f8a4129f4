namespace Scaffolder.Core.Lifecycle;

/// <summary>
/// What <c>scaffold new</c> did for one unit (<c>&lt;template&gt;/&lt;name&gt;</c>), as recorded in
/// <c>.scaffold/answers/&lt;template&gt;/&lt;name&gt;.yaml</c>: the request that rendered it, its follow-ups, the files it
/// created (each with the git blob id of its content as generated) and the lines it inserted into shared files.
/// </summary>
/// <param name="Root">The request of the unit's template.</param>
/// <param name="Tool">The scaffold version that wrote the file.</param>
/// <param name="Includes">Templates the root composed (informational: they are re-rendered through the root).</param>
/// <param name="FollowUps">Later requests recorded under this unit (<c>new secret x --app wiki</c> under <c>app/wiki</c>).</param>
/// <param name="Files">The files the unit owns.</param>
/// <param name="Edits">The lines the unit inserted into files it does not own.</param>
public sealed record UnitAnswers(
    RecordedRequest Root,
    string Tool,
    IReadOnlyList<RecordedInclude> Includes,
    IReadOnlyList<RecordedRequest> FollowUps,
    IReadOnlyList<RecordedFile> Files,
    IReadOnlyList<RecordedEdit> Edits)
{
    /// <summary>The unit's address, <c>&lt;template&gt;/&lt;name&gt;</c>.</summary>
    public string Unit => UnitAddress.Of(Root.Template, Root.Name);

    /// <summary>The root request followed by the follow-ups, in the order they were recorded.</summary>
    public IEnumerable<RecordedRequest> Requests => [Root, .. FollowUps];
}

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

/// <summary>A resolved parameter value: a scalar (<see cref="IsList"/> false, one item or none for null) or a list.</summary>
/// <param name="Name">Kebab-case parameter name.</param>
/// <param name="IsList">Whether the value is a list.</param>
/// <param name="Items">The value's items (a scalar has one, a null scalar none).</param>
/// <param name="Plain">Whether a scalar is a number or boolean (written unquoted).</param>
public sealed record RecordedParameter(string Name, bool IsList, IReadOnlyList<string> Items, bool Plain = false);

/// <summary>A template composed by the root request.</summary>
public sealed record RecordedInclude(string Template, string Name, string? Cluster);

/// <summary>A file the unit owns, with the git blob id of its content as scaffold last wrote it.</summary>
/// <param name="Path">Repository-relative path.</param>
/// <param name="Blob">Git blob id (SHA-1, hex) of the generated content.</param>
/// <param name="Template">The template that renders it.</param>
/// <param name="Shared">A shared file (the template's <c>ifExists: skip</c>, such as the apps ResourceSet) that other units may also use.</param>
public sealed record RecordedFile(string Path, string Blob, string Template, bool Shared);

/// <summary>Lines a unit inserted into a file through an inserter, exactly as they were inserted (without line endings).</summary>
/// <param name="File">Repository-relative path of the edited file.</param>
/// <param name="Inserter">The inserter.</param>
/// <param name="Template">The template whose edit it is.</param>
/// <param name="Lines">The inserted lines; empty when the edit found its entry already there.</param>
/// <param name="Opened">The line the edit opened for its entry (<c>  inputs:</c>), when it replaced an empty one.</param>
/// <param name="Emptied">That line as it was (<c>  inputs: []</c>): put back when removing the entry leaves the list empty.</param>
public sealed record RecordedEdit(string File, string Inserter, string Template, IReadOnlyList<string> Lines, string? Opened = null, string? Emptied = null);
