using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Scaffolder.Core.Evaluation;

/// <summary>Reads catalog YAML and turns definitions into validated catalog records.</summary>
internal static class CatalogYaml
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public static CatalogDocument ReadCatalog(string yaml) =>
        Read(() => Deserializer.Deserialize<CatalogDocument?>(yaml), "stack catalog") ?? new CatalogDocument();

    public static EvaluateSettings ReadEvaluateSection(string scaffoldYaml) =>
        Read(() => FindEvaluateSection(scaffoldYaml), ".scaffold.yaml evaluate section") ?? new EvaluateSettings();

    public static StackLayer ToLayer(LayerDefinition definition, IReadOnlyList<StackAlternative> alternatives)
    {
        var layer = Required(definition.Layer, "layer", definition.Id ?? "(unnamed layer)");
        return new StackLayer(
            Id: string.IsNullOrWhiteSpace(definition.Id) ? NameKey.Slug(layer) : definition.Id.Trim(),
            Layer: layer,
            Technology: Required(definition.Technology, "technology", layer),
            Purpose: definition.Purpose?.Trim() ?? string.Empty,
            Names: Clean(definition.Names),
            Capabilities: Clean(definition.Capabilities),
            Alternatives: alternatives);
    }

    /// <summary>Converts an alternative; omitted aliases or reason are taken from <paramref name="previous"/> when given.</summary>
    public static StackAlternative ToAlternative(AlternativeDefinition definition, string layer, StackAlternative? previous = null)
    {
        var name = Required(definition.Name, "alternative name", layer);
        var aliases = definition.Aliases is null && previous is not null ? previous.Aliases : Clean(definition.Aliases);
        var reason = Blank(definition.Reason) ?? previous?.Reason ?? Required(definition.Reason, "reason", $"{layer}/{name}");
        return new StackAlternative(name, aliases, reason);
    }

    public static NonNegotiable ToNonNegotiable(NonNegotiableDefinition definition)
    {
        var id = Required(definition.Id, "id", "non-negotiable");
        return new NonNegotiable(
            id,
            Required(definition.Title, "title", id),
            Required(definition.Requirement, "requirement", id),
            Required(definition.Criterion, "criterion", id));
    }

    public static EvaluationCriterion ToCriterion(CriterionDefinition definition)
    {
        var id = Required(definition.Id, "id", "criterion");
        return new EvaluationCriterion(
            id,
            Required(definition.Title, "title", id),
            definition.Description?.Trim() ?? string.Empty,
            Clean(definition.Scoring),
            definition.Questions.Select(q => new CriterionQuestion(
                Required(q.Id, "question id", id),
                Blank(q.Topic),
                Required(q.Text, "question text", id),
                Blank(q.Note),
                q.Automatic)).ToArray());
    }

    public static IReadOnlyList<string> Clean(IEnumerable<string>? values) =>
        (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToArray();

    private static EvaluateSettings? FindEvaluateSection(string scaffoldYaml)
    {
        var parser = new Parser(new StringReader(scaffoldYaml));
        parser.Consume<StreamStart>();
        if (!parser.TryConsume<DocumentStart>(out _) || !parser.TryConsume<MappingStart>(out _))
        {
            return null;
        }

        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var key = parser.Consume<Scalar>();
            if (key.Value == "evaluate")
            {
                return Deserializer.Deserialize<EvaluateSettings?>(parser);
            }

            parser.SkipThisAndNestedEvents();
        }

        return null;
    }

    private static T Read<T>(Func<T> read, string what)
    {
        try
        {
            return read();
        }
        catch (YamlException e)
        {
            throw new StackCatalogException($"Invalid {what} at line {e.Start.Line}: {e.Message}", e);
        }
    }

    private static string Required(string? value, string field, string where) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new StackCatalogException($"Stack catalog entry '{where}' is missing '{field}'.")
            : value.Trim();

    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
