namespace Scaffolder.Core.Templates;

/// <summary>A template's <c>scope:</c> in template.yaml: whether it renders once per target cluster or once for the repository.</summary>
public enum TemplateScope
{
    /// <summary><c>cluster</c>: rendered for each target cluster (<c>--cluster</c>, the default).</summary>
    Cluster,

    /// <summary><c>repo</c>: rendered once; no <c>--cluster</c>.</summary>
    Repo,
}
