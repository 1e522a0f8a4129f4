namespace Scaffolder.Core.Check;

/// <summary>An OpenTofu module with a <c>tests/*.tftest.hcl</c> file.</summary>
public sealed record TofuTestFact(string Module);
