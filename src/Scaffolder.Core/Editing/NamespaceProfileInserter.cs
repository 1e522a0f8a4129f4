using Scaffolder.Core.Text;
using YamlDotNet.RepresentationModel;

namespace Scaffolder.Core.Editing;

/// <summary>
/// Makes a Namespace's network-policy profile label (<c>key</c> in the mapping at <c>path</c>) admit a gateway (the
/// insertion text). <c>profiles</c> lists the profiles in order with the gateways each admits
/// (<c>isolated=;internal=internal;standard=internal,external</c>). When the current profile admits the gateway the
/// file is unchanged; otherwise, with <c>mode: update</c>, the label becomes the first profile at or after the current
/// one that admits it (set through <see cref="YamlMapEntryInserter"/>, so every other byte stays); with
/// <c>mode: check</c> the edit fails and names the fix (<c>option</c> names the option that asked for the check).
/// </summary>
public sealed class NamespaceProfileInserter : IInserter
{
    private readonly YamlMapEntryInserter setter = new();

    /// <inheritdoc />
    public string Name => "namespace-profile";

    /// <inheritdoc />
    public string Apply(EditableText file, string insertion, IReadOnlyDictionary<string, string> args, string displayPath)
    {
        var gateway = insertion.Trim();
        var key = args.TryGetValue("key", out var k) ? k : throw new UserInputException("namespace-profile needs a 'key' argument");
        var profiles = ParseProfiles(args.TryGetValue("profiles", out var p) ? p : throw new UserInputException("namespace-profile needs a 'profiles' argument"));
        var check = args.GetValueOrDefault("mode", "update") switch
        {
            "update" => false,
            "check" => true,
            var other => throw new UserInputException($"namespace-profile: unknown mode '{other}' (update or check)"),
        };

        var current = CurrentProfile(file, args, key, displayPath);
        var start = current is null ? 0 : profiles.FindIndex(x => x.Name == current);
        if (current is not null && start < 0)
        {
            throw new UserInputException($"{displayPath}: '{key}: {current}' is not a configured profile ({string.Join(", ", profiles.Select(x => x.Name))}); fix the label first");
        }

        if (current is not null && profiles[start].Gateways.Contains(gateway, StringComparer.Ordinal))
        {
            return file.Text;
        }

        var target = profiles.Skip(start).FirstOrDefault(x => x.Gateways.Contains(gateway, StringComparer.Ordinal)).Name
            ?? throw new UserInputException($"{displayPath}: no network-policy profile at or after '{current}' admits the {gateway} gateway (networkPolicy.profiles in .scaffold.yaml)");
        if (check)
        {
            var option = args.GetValueOrDefault("option", "--no-edit");
            throw new UserInputException(
                $"{displayPath}: profile '{current ?? "(none)"}' does not admit the {gateway} gateway; set '{key}: {target}' (or a later profile that admits it), or drop {option} to let scaffold update the label");
        }

        return setter.Apply(file, target, args, displayPath);
    }

    /// <inheritdoc />
    public string? Describe(EditableText file, string updated, string insertion, IReadOnlyDictionary<string, string> args, string displayPath)
    {
        var key = args["key"];
        var before = CurrentProfile(file, args, key, displayPath) ?? "(none)";
        var after = CurrentProfile(file.With(updated), args, key, displayPath);
        return $"{key}: {before} -> {after} (admits the {insertion.Trim()} gateway)";
    }

    private static string? CurrentProfile(EditableText file, IReadOnlyDictionary<string, string> args, string key, string displayPath)
    {
        var (_, node, _) = YamlLocator.Find(YamlLocator.Parse(file.Text, displayPath), args, displayPath);
        if (node is not YamlMappingNode labels)
        {
            throw new UserInputException($"cannot edit {displayPath}: '{args["path"]}' is not a mapping");
        }

        return YamlLocator.Scalar(labels, key);
    }

    private static List<(string Name, string[] Gateways)> ParseProfiles(string text) =>
        text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(entry => entry.Split('=', 2))
            .Select(parts => (parts[0].Trim(), parts.Length > 1 ? parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : []))
            .ToList();
}
