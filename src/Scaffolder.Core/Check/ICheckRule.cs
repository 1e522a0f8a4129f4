namespace Scaffolder.Core.Check;

/// <summary>
/// A check rule: a stable id, what it enforces and how to fix it. A rule also implements one of
/// <see cref="IFileRule"/>, <see cref="IManifestRule"/> or <see cref="IRepositoryRule"/>, which says when it runs.
/// </summary>
public interface ICheckRule
{
    /// <summary>The stable id, for example <c>SCF001</c>.</summary>
    string Id { get; }

    /// <summary>A short title.</summary>
    string Title { get; }

    /// <summary>The architecture-review principle, design pattern or anti-pattern, or the STACK.md rule, it enforces.</summary>
    string Principle { get; }

    /// <summary>Why the rule exists.</summary>
    string Rationale { get; }

    /// <summary>The severity of its findings.</summary>
    Severity Severity { get; }

    /// <summary>The default fix hint, naming the <c>scaffold</c> command when a template exists.</summary>
    string Fix { get; }
}
