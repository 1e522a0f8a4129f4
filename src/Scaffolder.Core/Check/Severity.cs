namespace Scaffolder.Core.Check;

/// <summary>How serious a finding is; ordered so that a higher value is more severe.</summary>
public enum Severity
{
    /// <summary>A suggestion: the stack usually does it this way.</summary>
    Note = 0,

    /// <summary>A likely problem or a deviation from the stack's conventions.</summary>
    Warning = 1,

    /// <summary>A violation of a compliance rule or an anti-pattern.</summary>
    Error = 2,
}
