using Scaffolder.Core.Yaml;

namespace Scaffolder.Core.Check;

/// <summary>A rule that looks at one YAML document at a time.</summary>
public interface IManifestRule : ICheckRule
{
    /// <summary>Checks <paramref name="document"/> of <paramref name="file"/>.</summary>
    void Check(SourceFile file, LocatedDocument document, FindingSink sink);
}
