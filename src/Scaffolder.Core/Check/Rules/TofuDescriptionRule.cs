using Scaffolder.Core.Check.Hcl;

namespace Scaffolder.Core.Check.Rules;

/// <summary>SCF027: a <c>variable</c> or <c>output</c> block without <c>description</c>.</summary>
public sealed class TofuDescriptionRule : IFileRule
{
    /// <inheritdoc />
    public string Id => "SCF027";

    /// <inheritdoc />
    public string Title => "Variable or output without description";

    /// <inheritdoc />
    public string Principle => "Learning First and Continuous Improvement: modules document their interface (STACK §6)";

    /// <inheritdoc />
    public string Rationale => "Every variable and output of the stack's modules carries a description; undocumented inputs are guessed at by the next reader.";

    /// <inheritdoc />
    public Severity Severity => Severity.Warning;

    /// <inheritdoc />
    public string Fix => "Add `description = \"…\"` to the block; `scaffold new module <name>` generates documented variables and outputs.";

    /// <inheritdoc />
    public void Check(SourceFile file, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(sink);
        if (file.Kind != SourceKind.Terraform)
        {
            return;
        }

        foreach (var block in HclBlockScanner.Scan(file.Text))
        {
            if (block.Type is "variable" or "output" && !block.Attributes.Contains("description"))
            {
                sink.Report(this, block.Line, block.Column, $"The {block.Type} \"{block.Label}\" has no description.");
            }
        }
    }
}
