using System.Text.RegularExpressions;
using Scaffolder.Core.Config;
using Scaffolder.Core.Rendering;
using Scaffolder.Core.Templates;

namespace Scaffolder.Core.Planning;

/// <summary>A file rendered by a template, before it is compared with the repository.</summary>
internal sealed record RenderedFile(
    string Path,
    string? Content,
    FileDefinition Definition,
    string TemplateId,
    Func<string, string> ReadFile,
    Dictionary<string, object?> Context);

/// <summary>An edit rendered by a template.</summary>
internal sealed record RenderedEdit(string Path, string Inserter, string Text, IReadOnlyDictionary<string, string> Args, string IfMissing, string TemplateId);

/// <summary>Everything one request renders: files, edits and messages of the template and its includes.</summary>
internal sealed class RenderSet
{
    public List<RenderedFile> Files { get; } = [];

    public List<RenderedEdit> Edits { get; } = [];

    public List<string> Messages { get; } = [];
}

/// <summary>
/// Expands a template for one cluster: resolves its parameters, checks its error rules, computes its variables,
/// expands its includes (each with its own validated parameters) and renders its files, edits and messages.
/// </summary>
internal sealed partial class TemplateExpander(TemplateCatalog catalog, TemplateRenderer renderer, ScaffoldConfig config)
{
    private const int MaxDepth = 8;
    private readonly ParameterResolver resolver = new(renderer);

    public void Expand(string templateId, string name, IReadOnlyDictionary<string, IReadOnlyList<string>> options, string? cluster, RenderSet output, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            throw new UserInputException($"template '{templateId}': includes nest deeper than {MaxDepth} levels");
        }

        var template = catalog.Get(templateId);
        var definition = template.Definition;
        ParameterResolver.ValidateName(name, definition);
        var context = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["name"] = name,
            ["cluster"] = cluster,
            ["config"] = cluster is null ? config.Root : config.ForCluster(cluster),
        };
        foreach (var (key, value) in resolver.Resolve(definition, options, context, config))
        {
            context[key] = value;
        }

        foreach (var error in definition.Errors.Where(e => Condition.Evaluate(e.When, context)))
        {
            throw new UserInputException(Render(error.Text, context, definition.Id, "errors").Trim());
        }

        foreach (var (key, text) in definition.Variables)
        {
            context[key] = Render(text, context, definition.Id, $"variables.{key}");
        }

        foreach (var include in definition.Includes.Where(i => Condition.Evaluate(i.When, context)))
        {
            var childName = Render(include.Name ?? "{{name}}", context, definition.Id, "includes.name");
            var childOptions = include.With
                .Select(pair => (pair.Key, Tokens: IncludeValue(pair.Value, context, definition.Id)))
                .Where(pair => pair.Tokens is not null)
                .ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)pair.Tokens!, StringComparer.Ordinal);
            Expand(include.Template, childName, childOptions, cluster, output, depth + 1);
        }

        foreach (var file in definition.Files.Where(f => Condition.Evaluate(f.When, context)))
        {
            var path = Render(file.Path, context, definition.Id, $"path of {file.Template}");
            var content = file.CollectsResources ? null : Render(template.ReadFile(file.Template), context, definition.Id, file.Template);
            output.Files.Add(new RenderedFile(path, content, file, definition.Id, template.ReadFile, context));
        }

        foreach (var edit in definition.Edits.Where(e => Condition.Evaluate(e.When, context)))
        {
            var text = edit.Template is not null ? template.ReadFile(edit.Template) : edit.Value ?? string.Empty;
            output.Edits.Add(new RenderedEdit(
                Render(edit.File, context, definition.Id, "edits.file"),
                edit.Inserter,
                Render(text, context, definition.Id, edit.Template ?? $"{edit.Inserter} value"),
                edit.With.ToDictionary(p => p.Key, p => Render(p.Value, context, definition.Id, $"{edit.Inserter} {p.Key}"), StringComparer.Ordinal),
                edit.IfMissing,
                definition.Id));
        }

        output.Messages.AddRange(definition.Messages
            .Where(m => Condition.Evaluate(m.When, context))
            .Select(m => Render(m.Text, context, definition.Id, "messages").TrimEnd()));
    }

    /// <summary>Renders a collecting file (a kustomization) once its folder's resources are known.</summary>
    public string RenderCollected(RenderedFile file, IReadOnlyList<string> resources)
    {
        var context = new Dictionary<string, object?>(file.Context, StringComparer.Ordinal) { ["resources"] = resources };
        return Render(file.ReadFile(file.Definition.Template), context, file.TemplateId, file.Definition.Template);
    }

    private List<string>? IncludeValue(string expression, Dictionary<string, object?> context, string templateId)
    {
        var direct = DirectReference().Match(expression);
        if (direct.Success && context.TryGetValue(direct.Groups[1].Value, out var value))
        {
            return value switch
            {
                null => null,
                List<string> list => list.Count == 0 ? null : list,
                bool flag => [flag ? "true" : "false"],
                _ => [TemplateRenderer.Text(value)],
            };
        }

        var rendered = Render(expression, context, templateId, "includes.with");
        return rendered.Length == 0 ? null : [rendered];
    }

    private string Render(string text, Dictionary<string, object?> context, string templateId, string part) =>
        renderer.Render(text, context, $"template '{templateId}' ({part})");

    [GeneratedRegex(@"^\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}$", RegexOptions.CultureInvariant)]
    private static partial Regex DirectReference();
}
