namespace Scaffolder.Core.Hcl;

/// <summary>An input variable of an OpenTofu module, as declared in its <c>variable "name" { … }</c> block.</summary>
/// <param name="Name">The variable name.</param>
/// <param name="Type">The type expression as written (multi-line types keep their lines, re-indented to column 0), or null when absent.</param>
/// <param name="Description">The decoded description string (heredocs included), or null when absent.</param>
/// <param name="Default">The default expression as written, or null when the variable has none (it is then required).</param>
/// <param name="Sensitive">Whether <c>sensitive = true</c>.</param>
/// <param name="ValidationCount">The number of <c>validation</c> blocks.</param>
/// <param name="File">The file (as displayed) declaring the variable.</param>
/// <param name="Line">The 1-based line of the <c>variable</c> keyword.</param>
public sealed record HclVariable(string Name, string? Type, string? Description, string? Default, bool Sensitive, int ValidationCount, string File, int Line)
{
    /// <summary>A variable without a default must be given a value.</summary>
    public bool Required => Default is null;
}
