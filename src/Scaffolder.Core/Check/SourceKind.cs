namespace Scaffolder.Core.Check;

/// <summary>The kinds of files the checker reads.</summary>
public enum SourceKind
{
    /// <summary>A <c>.yaml</c> or <c>.yml</c> file.</summary>
    Yaml,

    /// <summary>An OpenTofu <c>.tf</c> file.</summary>
    Terraform,

    /// <summary>Another HCL file (<c>.hcl</c>, <c>.tftest.hcl</c>, <c>.tfvars</c>).</summary>
    Hcl,

    /// <summary>A dotenv file (<c>*.env</c>).</summary>
    Env,
}
