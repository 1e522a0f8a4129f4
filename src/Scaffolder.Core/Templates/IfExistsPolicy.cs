namespace Scaffolder.Core.Templates;

/// <summary>A file's <c>ifExists:</c> in template.yaml: what happens when the target exists with other content.</summary>
public enum IfExistsPolicy
{
    /// <summary><c>conflict</c> (the default): the plan has a conflict unless <c>--force</c>.</summary>
    Conflict,

    /// <summary><c>skip</c>: an existing file is kept as it is (a shared file the first unit creates).</summary>
    Skip,
}
