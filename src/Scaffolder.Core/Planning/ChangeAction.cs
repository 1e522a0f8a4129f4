namespace Scaffolder.Core.Planning;

/// <summary>What applying a plan does to one file.</summary>
public enum ChangeAction
{
    /// <summary>The file does not exist and is created.</summary>
    Create,

    /// <summary>An existing file is edited in place (or overwritten with <c>--force</c>).</summary>
    Update,

    /// <summary>The file already has exactly the planned content.</summary>
    Identical,

    /// <summary>An existing file with other content is kept (the template's if-exists policy is <c>skip</c>).</summary>
    Keep,

    /// <summary>The file is deleted (<c>scaffold remove</c>, or <c>update</c> of a file the template no longer has).</summary>
    Delete,

    /// <summary>An existing file has other content; nothing is written unless forced.</summary>
    Conflict,
}
