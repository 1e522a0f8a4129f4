namespace Scaffolder.Core.Check;

/// <summary>A rule that looks at one file at a time (its text, or its YAML stream as a whole).</summary>
public interface IFileRule : ICheckRule
{
    /// <summary>Checks <paramref name="file"/>.</summary>
    void Check(SourceFile file, FindingSink sink);
}
