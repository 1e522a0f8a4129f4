namespace Scaffolder.Core.Check;

/// <summary>A location in the repo.</summary>
/// <param name="File">The repo-relative path.</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 1-based column.</param>
public sealed record SourceLocation(string File, int Line, int Column);
