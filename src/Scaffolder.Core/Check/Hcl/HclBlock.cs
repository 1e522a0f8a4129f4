namespace Scaffolder.Core.Check.Hcl;

/// <summary>A top-level HCL block with two labels' worth of header, for example <c>variable "name" { … }</c>.</summary>
/// <param name="Type">The block type, for example <c>variable</c>.</param>
/// <param name="Label">The first label.</param>
/// <param name="Line">The 1-based line of the header.</param>
/// <param name="Column">The 1-based column of the block type.</param>
/// <param name="Attributes">The names of the block's own (depth 1) attributes.</param>
public sealed record HclBlock(string Type, string Label, int Line, int Column, IReadOnlySet<string> Attributes);
