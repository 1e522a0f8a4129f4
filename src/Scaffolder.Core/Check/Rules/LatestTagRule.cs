using Scaffolder.Core.Yaml;

namespace Scaffolder.Core.Check.Rules;

/// <summary>SCF015: an image uses the <c>latest</c> tag.</summary>
public sealed class LatestTagRule : IManifestRule
{
    /// <inheritdoc />
    public string Id => "SCF015";

    /// <inheritdoc />
    public string Title => "Image tag 'latest'";

    /// <inheritdoc />
    public string Principle => "Operational cost: upgrades must be declarative, via Renovate (STACK §8 #9)";

    /// <inheritdoc />
    public string Rationale => "'latest' changes under the cluster without a commit: upgrades are neither reviewed nor reversible.";

    /// <inheritdoc />
    public Severity Severity => Severity.Error;

    /// <inheritdoc />
    public string Fix => "Pin a version with a `# renovate: datasource=docker depName=<image>` comment above `tag:`, or use tag: \"${<app>_version}\" from versions.env.";

    /// <inheritdoc />
    public void Check(SourceFile file, LocatedDocument document, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(sink);
        foreach (var map in document.Mappings)
        {
            foreach (var entry in map.Entries)
            {
                var key = entry.Key.Value;
                var value = entry.Value.Text;
                if (value is null)
                {
                    continue;
                }

                var isLatest = key == "tag" ? value == "latest"
                    : key is "image" or "imageName" && value.EndsWith(":latest", StringComparison.Ordinal);
                if (isLatest)
                {
                    sink.Report(this, entry.Value, key == "tag" ? "Image tag 'latest' is not a pinned version." : $"Image '{value}' is not pinned to a version.");
                }
            }
        }
    }
}
