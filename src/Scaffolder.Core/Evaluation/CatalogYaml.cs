using Scaffolder.Core.Config;
using Scaffolder.Core.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Scaffolder.Core.Evaluation;

/// <summary>
/// Reads catalog YAML with an explicit key table per type (<see cref="YamlFields"/>; YamlDotNet's reflection-based
/// deserializer cost ~45 ms of every <c>scaffold check</c>) and turns definitions into validated catalog records.
/// </summary>
internal static class CatalogYaml
{
    public static CatalogDocument ReadCatalog(string yaml)
    {
        var fields = Fields("stack catalog");
        var document = new CatalogDocument();
        if (Load(yaml, "stack catalog") is not { } root)
        {
            return document;
        }

        fields.Fields(root, "catalog", (key, value) =>
        {
            switch (key)
            {
                case "layers": document.Layers = fields.List(value, key, node => Layer(fields, node)); break;
                case "nonNegotiables": document.NonNegotiables = fields.List(value, key, node => NonNegotiable(fields, node)); break;
                case "criteria": document.Criteria = fields.List(value, key, node => Criterion(fields, node)); break;
                default: return false;
            }

            return true;
        });
        return document;
    }

    /// <summary>The <c>evaluate:</c> section of a <c>.scaffold.yaml</c>; other top-level keys are the config loader's.</summary>
    public static EvaluateSettings ReadEvaluateSection(string scaffoldYaml)
    {
        const string what = ".scaffold.yaml evaluate section";
        var fields = Fields(what);
        if (Load(scaffoldYaml, what) is not YamlMappingNode root || !root.Children.TryGetValue("evaluate", out var section)
            || YamlFields.IsNull(section))
        {
            return new EvaluateSettings();
        }

        List<LayerDefinition> layers = [];
        fields.Fields(section, "evaluate section", (key, value) =>
        {
            switch (key)
            {
                case "layers": layers = fields.List(value, key, node => Layer(fields, node)); break;
                default: return false;
            }

            return true;
        });
        return new EvaluateSettings { Layers = layers };
    }

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

    private static LayerDefinition Layer(YamlFields fields, YamlNode node)
    {
        string? id = null, layer = null, technology = null, purpose = null;
        List<string>? names = null, capabilities = null;
        List<AlternativeDefinition>? alternatives = null;
        fields.Fields(node, "layer", (key, value) =>
        {
            switch (key)
            {
                case "id": id = fields.OptionalText(value); break;
                case "layer": layer = fields.OptionalText(value); break;
                case "technology": technology = fields.OptionalText(value); break;
                case "purpose": purpose = fields.OptionalText(value); break;
                case "names": names = fields.OptionalList(value, key, fields.Text); break;
                case "capabilities": capabilities = fields.OptionalList(value, key, fields.Text); break;
                case "alternatives": alternatives = fields.OptionalList(value, key, item => Alternative(fields, item)); break;
                default: return false;
            }

            return true;
        });
        return new LayerDefinition
        {
            Id = id, Layer = layer, Technology = technology, Purpose = purpose, Names = names, Capabilities = capabilities, Alternatives = alternatives,
        };
    }

    private static AlternativeDefinition Alternative(YamlFields fields, YamlNode node)
    {
        string? name = null, reason = null;
        List<string>? aliases = null;
        fields.Fields(node, "alternative", (key, value) =>
        {
            switch (key)
            {
                case "name": name = fields.OptionalText(value); break;
                case "aliases": aliases = fields.OptionalList(value, key, fields.Text); break;
                case "reason": reason = fields.OptionalText(value); break;
                default: return false;
            }

            return true;
        });
        return new AlternativeDefinition { Name = name, Aliases = aliases, Reason = reason };
    }

    private static NonNegotiableDefinition NonNegotiable(YamlFields fields, YamlNode node)
    {
        var definition = new NonNegotiableDefinition();
        fields.Fields(node, "non-negotiable", (key, value) =>
        {
            switch (key)
            {
                case "id": definition.Id = fields.OptionalText(value); break;
                case "title": definition.Title = fields.OptionalText(value); break;
                case "requirement": definition.Requirement = fields.OptionalText(value); break;
                case "criterion": definition.Criterion = fields.OptionalText(value); break;
                default: return false;
            }

            return true;
        });
        return definition;
    }

    private static CriterionDefinition Criterion(YamlFields fields, YamlNode node)
    {
        var definition = new CriterionDefinition();
        fields.Fields(node, "criterion", (key, value) =>
        {
            switch (key)
            {
                case "id": definition.Id = fields.OptionalText(value); break;
                case "title": definition.Title = fields.OptionalText(value); break;
                case "description": definition.Description = fields.OptionalText(value); break;
                case "scoring": definition.Scoring = fields.OptionalList(value, key, fields.Text); break;
                case "questions": definition.Questions = fields.List(value, key, item => Question(fields, item)); break;
                default: return false;
            }

            return true;
        });
        return definition;
    }

    private static QuestionDefinition Question(YamlFields fields, YamlNode node)
    {
        var definition = new QuestionDefinition();
        fields.Fields(node, "question", (key, value) =>
        {
            switch (key)
            {
                case "id": definition.Id = fields.OptionalText(value); break;
                case "topic": definition.Topic = fields.OptionalText(value); break;
                case "text": definition.Text = fields.OptionalText(value); break;
                case "note": definition.Note = fields.OptionalText(value); break;
                case "automatic": definition.Automatic = fields.Bool(value); break;
                default: return false;
            }

            return true;
        });
        return definition;
    }

    /// <summary>The root node of a single-document text (null when empty); syntax errors are catalog errors.</summary>
    private static YamlNode? Load(string yaml, string what)
    {
        YamlStream stream;
        try
        {
            stream = YamlTree.LoadStream(yaml);
        }
        catch (YamlException e)
        {
            throw new StackCatalogException($"Invalid {what} at line {e.Start.Line}: {YamlTree.FirstLine(e)}", e);
        }

        return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
    }

    private static YamlFields Fields(string what) =>
        new((node, message) => new StackCatalogException($"Invalid {what} at line {node.Start.Line}: {message}"));

    private static string Required(string? value, string field, string where) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new StackCatalogException($"Stack catalog entry '{where}' is missing '{field}'.")
            : value.Trim();

    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
