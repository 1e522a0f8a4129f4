using Scaffolder.Core.Yaml;

namespace Scaffolder.Core.Check;

/// <summary>Collects the findings of rules; file rules report into the current file.</summary>
public sealed class FindingSink
{
    private readonly List<Finding> findings = [];
    private readonly string file;

    /// <summary>Creates a sink whose location-less reports go to <paramref name="file"/> (repo-relative).</summary>
    public FindingSink(string file) => this.file = file;

    /// <summary>The findings reported so far.</summary>
    public IReadOnlyList<Finding> Findings => findings;

    /// <summary>Reports a finding at <paramref name="node"/> of the current file.</summary>
    public void Report(ICheckRule rule, LocatedNode node, string message, string? fix = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        Report(rule, file, node.Line, node.Column, message, fix);
    }

    /// <summary>Reports a finding at <paramref name="node"/> with another severity than the rule's (a convention-only part of a rule).</summary>
    public void Report(ICheckRule rule, LocatedNode node, string message, Severity severity)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(node);
        findings.Add(new Finding(rule.Id, severity, file, node.Line, node.Column, message, rule.Fix));
    }

    /// <summary>Reports a finding at a location of any file with another severity than the rule's (a note of a rule).</summary>
    public void Report(ICheckRule rule, string file, int line, int column, string message, Severity severity)
    {
        ArgumentNullException.ThrowIfNull(rule);
        findings.Add(new Finding(rule.Id, severity, file, line, column, message, rule.Fix));
    }

    /// <summary>Reports a finding at a line and column of the current file.</summary>
    public void Report(ICheckRule rule, int line, int column, string message, string? fix = null) =>
        Report(rule, file, line, column, message, fix);

    /// <summary>Reports a finding at a location of any file.</summary>
    public void Report(ICheckRule rule, string file, int line, int column, string message, string? fix = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        findings.Add(new Finding(rule.Id, rule.Severity, file, line, column, message, fix ?? rule.Fix));
    }
}
