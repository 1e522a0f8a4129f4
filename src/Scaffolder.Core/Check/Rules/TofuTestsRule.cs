namespace Scaffolder.Core.Check.Rules;

/// <summary>SCF026: an OpenTofu module without <c>tests/*.tftest.hcl</c>.</summary>
public sealed class TofuTestsRule : IRepositoryRule
{
    /// <inheritdoc />
    public string Id => "SCF026";

    /// <inheritdoc />
    public string Title => "OpenTofu module without tests";

    /// <inheritdoc />
    public string Principle => "New Infrastructure Component: test coverage in .tftest.hcl files";

    /// <inheritdoc />
    public string Rationale => "CI runs `tofu test` per module; a module without a plan test can break every stack that uses it unnoticed.";

    /// <inheritdoc />
    public Severity Severity => Severity.Error;

    /// <inheritdoc />
    public string Fix => "Add tests/plan.tftest.hcl with a mock provider and `command = plan` runs; `scaffold new module <name>` generates it.";

    /// <inheritdoc />
    public void Check(RepoFacts facts, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(sink);
        foreach (var module in facts.TofuFiles.GroupBy(f => f.Module, StringComparer.Ordinal).Where(m => !facts.TestedModules.Contains(m.Key)))
        {
            var at = module.First().Location;
            sink.Report(this, at.File, at.Line, at.Column, $"Module {module.Key} has no tests/*.tftest.hcl.");
        }
    }
}
