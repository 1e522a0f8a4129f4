using Scaffolder.Core.Yaml;

namespace Scaffolder.Core.Check.Rules;

/// <summary>SCF019: an ExternalSecret with the wrong apiVersion or store, no refreshInterval, or a key outside the SSM scheme.</summary>
public sealed class ExternalSecretRule(CheckConventions conventions) : IManifestRule
{
    /// <inheritdoc />
    public string Id => "SCF019";

    /// <inheritdoc />
    public string Title => "ExternalSecret off the SSM scheme";

    /// <inheritdoc />
    public string Principle => "New Secret: store in AWS SSM Parameter Store, reference via ExternalSecret (STACK §8 #3)";

    /// <inheritdoc />
    public string Rationale => "Only the cluster store can read SSM, only v1 is served, keys outside the per-cluster scheme collide between clusters, and without refreshInterval rotations never arrive.";

    /// <inheritdoc />
    public Severity Severity => Severity.Error;

    /// <inheritdoc />
    public string Fix => $"Use apiVersion {conventions.ExternalSecretApiVersion}, secretStoreRef {{kind: {conventions.SecretStoreKind}, name: {conventions.SecretStoreName}}}, refreshInterval: 24h and keys under {conventions.SsmKeyRoot}${{cluster_name}}/; `scaffold new secret <name> --app <app> --key <KEY>` generates it.";

    /// <inheritdoc />
    public void Check(SourceFile file, LocatedDocument document, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(sink);
        if (document.Kind != "ExternalSecret" || document.Map is not { } map)
        {
            return;
        }

        var name = document.Name;
        if (document.ApiVersion != conventions.ExternalSecretApiVersion)
        {
            sink.Report(this, map.Get("apiVersion") ?? map, $"ExternalSecret '{name}' uses apiVersion '{document.ApiVersion}', expected '{conventions.ExternalSecretApiVersion}'.");
        }

        if (map.Get("spec") is not LocatedMapping spec)
        {
            return;
        }

        var store = spec.GetEntry("secretStoreRef");
        if (store?.Value.At("kind")?.Text != conventions.SecretStoreKind || store.Value.At("name")?.Text != conventions.SecretStoreName)
        {
            sink.Report(this, (LocatedNode?)store?.Key ?? spec,
                $"ExternalSecret '{name}' does not use store {conventions.SecretStoreKind}/{conventions.SecretStoreName}.");
        }

        if (spec.Get("refreshInterval") is null)
        {
            sink.Report(this, spec, $"ExternalSecret '{name}' sets no refreshInterval.");
        }

        foreach (var key in RemoteKeys(spec))
        {
            if (!conventions.SsmKeyPrefixes.Any(p => key.Value.StartsWith(p, StringComparison.Ordinal)))
            {
                sink.Report(this, key, $"ExternalSecret '{name}' key '{key.Value}' is outside {string.Join(", ", conventions.SsmKeyPrefixes)}.");
            }
        }
    }

    private static IEnumerable<LocatedScalar> RemoteKeys(LocatedMapping spec)
    {
        if (spec.Get("data") is LocatedSequence data)
        {
            foreach (var item in data.Items)
            {
                if (item.At("remoteRef", "key") is LocatedScalar key)
                {
                    yield return key;
                }
            }
        }

        if (spec.Get("dataFrom") is LocatedSequence dataFrom)
        {
            foreach (var item in dataFrom.Items)
            {
                if (item.At("extract", "key") is LocatedScalar key)
                {
                    yield return key;
                }
            }
        }
    }
}
