namespace Scaffolder.Core.Templates;

/// <summary>An edit's <c>ifMissing:</c> in template.yaml: what happens when the file it edits does not exist.</summary>
public enum IfMissingPolicy
{
    /// <summary><c>error</c> (the default): the run stops with an error naming the file.</summary>
    Error,

    /// <summary><c>skip</c>: the edit is left out.</summary>
    Skip,

    /// <summary><c>note</c>: the edit is left out and the plan says what to add by hand (the run still succeeds).</summary>
    Note,
}
