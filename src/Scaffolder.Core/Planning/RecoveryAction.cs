namespace Scaffolder.Core.Planning;

/// <summary>What <see cref="InterruptedApply.Recover"/> did.</summary>
public enum RecoveryAction
{
    /// <summary>No apply was interrupted.</summary>
    None,

    /// <summary>The interrupted apply was finished: every file holds its new content.</summary>
    Finished,

    /// <summary>The interrupted apply was undone: every file holds its content from before.</summary>
    RolledBack,
}
