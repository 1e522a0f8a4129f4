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
