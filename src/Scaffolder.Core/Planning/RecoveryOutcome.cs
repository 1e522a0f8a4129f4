namespace Scaffolder.Core.Planning;

/// <summary>The outcome of a recovery.</summary>
/// <param name="Action">What was done.</param>
/// <param name="Files">How many files the interrupted apply had.</param>
public sealed record RecoveryOutcome(RecoveryAction Action, int Files);
