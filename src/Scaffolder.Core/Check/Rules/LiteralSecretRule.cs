using Scaffolder.Core.Yaml;

namespace Scaffolder.Core.Check.Rules;

/// <summary>SCF002: a Secret holds literal data, or is neither generated nor replicated.</summary>
public sealed class LiteralSecretRule(CheckConventions conventions) : IManifestRule
{
    /// <inheritdoc />
    public string Id => "SCF002";

    /// <inheritdoc />
    public string Title => "Secret with literal data";

    /// <inheritdoc />
    public string Principle => "New Secret: store in AWS SSM, never commit to git (STACK §8 #2)";

    /// <inheritdoc />
    public string Rationale => "A Secret in git leaks its value to everyone with read access, forever. Secrets come from SSM (ExternalSecret), secret-generator or kubernetes-replicator.";

    /// <inheritdoc />
    public Severity Severity => Severity.Error;

    /// <inheritdoc />
    public string Fix => "Move the value to SSM and reference it: `scaffold new secret <name> --app <app> --key <KEY>`.";

    /// <inheritdoc />
    public void Check(SourceFile file, LocatedDocument document, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(sink);
        if (document.Kind != "Secret" || document.Map is not { } map)
        {
            return;
        }

        var name = document.Name;
        if (map.GetEntry("data") is { Value: LocatedMapping { Entries.Count: > 0 } data } dataEntry)
        {
            sink.Report(this, dataEntry.Key, $"Secret '{name}' holds literal data ({Keys(data)}).");
            return;
        }

        if (map.Get("stringData") is LocatedMapping stringData
            && stringData.Entries.FirstOrDefault(e => !conventions.AllowedStringDataKeys.Contains(e.Key.Value)) is { } literal)
        {
            sink.Report(this, literal.Key, $"Secret '{name}' holds literal stringData '{literal.Key.Value}' (only {string.Join("/", conventions.AllowedStringDataKeys)} may be literal).");
            return;
        }

        if (Manifests.Annotation(document, conventions.SecretGeneratorAnnotation) is null
            && Manifests.Annotation(document, conventions.ReplicateFromAnnotation) is null)
        {
            var at = map.At("metadata", "name") ?? map;
            sink.Report(this, at, $"Secret '{name}' is neither generated ({conventions.SecretGeneratorAnnotation}) nor replicated ({conventions.ReplicateFromAnnotation}).");
        }
    }

    private static string Keys(LocatedMapping data) => string.Join(", ", data.Entries.Select(e => e.Key.Value));
}
