using System.Text.RegularExpressions;

namespace Scaffolder.Core.Data;

/// <summary>
/// <c>provider-requirements</c>: parses provider specs (<c>providers</c>: comma-separated <c>[ns/]name@version</c>,
/// version exact or with <c>&gt;=</c>/<c>~&gt;</c>) and resource types (<c>resources</c>: comma-separated). Result:
/// <c>providers</c> (<c>name</c>, <c>source</c> = <c>ns/name</c> with <c>namespace</c> as the default namespace,
/// <c>version</c>, <c>regional</c> when it is one of <c>regional</c>), <c>resources</c> (<c>type</c>, <c>provider</c>,
/// <c>tagged</c> when the provider is one of <c>tagged</c>), <c>tagged</c> (any tagged resource) and
/// <c>regionProviders</c> (the names of the regional providers, configured with a region variable). A resource whose
/// provider is not listed is an error.
/// </summary>
public sealed partial class ProviderRequirementsProvider : IDataProvider
{
    /// <inheritdoc />
    public string Name => "provider-requirements";

    /// <inheritdoc />
    public object? Load(IReadOnlyDictionary<string, string> args, DataContext context)
    {
        var defaultNamespace = context.Require(args, Name, "namespace");
        var taggedProviders = List(args, "tagged");
        var regionalProviders = List(args, "regional");
        var providers = new List<Dictionary<string, object?>>();
        foreach (var spec in List(args, "providers"))
        {
            var match = ProviderSpec().Match(spec);
            if (!match.Success)
            {
                throw new UserInputException($"invalid --provider '{spec}': use [namespace/]name@version, e.g. aws@6.61.0 or integrations/github@>=6.0");
            }

            var name = match.Groups["name"].Value;
            if (providers.Any(p => (string)p["name"]! == name))
            {
                throw new UserInputException($"--provider {name} is given twice");
            }

            var op = match.Groups["op"].Value;
            providers.Add(new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["name"] = name,
                ["source"] = $"{(match.Groups["ns"].Success ? match.Groups["ns"].Value : defaultNamespace)}/{name}",
                ["version"] = op.Length == 0 ? match.Groups["version"].Value : $"{op} {match.Groups["version"].Value}",
                ["regional"] = regionalProviders.Contains(name, StringComparer.Ordinal),
            });
        }

        var resources = new List<Dictionary<string, object?>>();
        foreach (var type in List(args, "resources"))
        {
            var provider = type[..Math.Max(0, type.IndexOf('_', StringComparison.Ordinal))];
            if (!providers.Any(p => (string)p["name"]! == provider))
            {
                throw new UserInputException($"--resource {type} needs its provider: add --provider {(provider.Length == 0 ? "<name>" : provider)}@<version>");
            }

            resources.Add(new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["type"] = type,
                ["provider"] = provider,
                ["tagged"] = taggedProviders.Contains(provider, StringComparer.Ordinal),
            });
        }

        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["providers"] = providers,
            ["resources"] = resources,
            ["tagged"] = resources.Any(r => (bool)r["tagged"]!),
            ["regionProviders"] = providers.Where(p => (bool)p["regional"]!).Select(p => (string)p["name"]!).ToList(),
        };
    }

    private static List<string> List(IReadOnlyDictionary<string, string> args, string key) =>
        args.TryGetValue(key, out var value)
            ? value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList()
            : [];

    [GeneratedRegex(@"^(?:(?<ns>[a-z0-9][a-z0-9-]*)/)?(?<name>[a-z][a-z0-9-]*)@(?<op>>=|~>)?\s*(?<version>[0-9]+(?:\.[0-9]+){0,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex ProviderSpec();
}
