namespace Scaffolder.Core.Check;

/// <summary>A <c>.tf</c> file of an OpenTofu module.</summary>
public sealed record TofuFileFact(string Module, SourceLocation Location);
