using Scaffolder.Core.Hcl;

namespace Scaffolder.Core.Editing;

/// <summary><c>kind: hcl</c>: OpenTofu and Terragrunt files and blocks, their attributes aligned as <c>tofu fmt</c> would.</summary>
public sealed class HclFileKind : IFileKind
{
    /// <inheritdoc/>
    public string Name => "hcl";

    /// <inheritdoc/>
    public string Format(string rendered) => HclFormatter.AlignAttributes(rendered);
}
