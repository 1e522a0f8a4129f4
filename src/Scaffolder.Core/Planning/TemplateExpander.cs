using System.Runtime.ExceptionServices;
using System.Text.RegularExpressions;
using Scaffolder.Core.Config;
using Scaffolder.Core.Data;
using Scaffolder.Core.Editing;
using Scaffolder.Core.Rendering;
using Scaffolder.Core.Templates;

namespace Scaffolder.Core.Planning;

/// <summary>
/// A file rendered by a template, before it is compared with the repository. <paramref name="Expansion"/> is the
/// index of the expansion that rendered it in its plan (a template before its includes, includes in order): a
/// kustomization lists the requested template's resources first, then each included pattern's, in the order a
/// follow-up pattern run later would append them.
/// </summary>
internal sealed record RenderedFile(
    string Path,
    string? Content,
    FileDefinition Definition,
    string TemplateId,
    Func<string, string> ReadFile,
    Dictionary<string, object?> Context,
    int Expansion = 0);

/// <summary>An edit rendered by a template.</summary>
internal sealed record RenderedEdit(string Path, string Inserter, string Text, IReadOnlyDictionary<string, string> Args, IfMissingPolicy IfMissing, string TemplateId);

/// <summary>Everything one request renders: files, edits and messages of the template and its includes.</summary>
internal sealed class RenderSet
{
    public List<RenderedFile> Files { get; } = [];

    public List<RenderedEdit> Edits { get; } = [];

    public List<string> Messages { get; } = [];

    /// <summary>Every template expanded (the requested one first, then its includes), for the lifecycle's answers file.</summary>
    public List<Expansion> Expansions { get; } = [];
}

/// <summary>One template expanded for one cluster, with its resolved parameter values (camelCase keys).</summary>
internal sealed record Expansion(string TemplateId, string Name, string? Cluster, int Depth, IReadOnlyDictionary<string, object?> Values);

/// <summary>
/// Expands a template for one cluster: resolves its parameters, checks its error rules, computes its variables,
/// computes its data through registered providers, expands its includes (each with its own validated parameters)
/// and renders its files, edits and messages. A file or edit with a <c>kind:</c> goes through that file kind of the
/// extension table (<c>hcl</c>: attribute chains aligned like <c>tofu fmt</c>). With <c>concurrentIncludes</c> (plans
/// too small to expand their entries in parallel), a top-level template's includes expand on a second thread.
/// </summary>
internal sealed partial class TemplateExpander(
    TemplateCatalog catalog,
    TemplateRenderer renderer,
    ScaffoldConfig config,
    ExtensionTable extensions,
    Func<string, DataContext> dataContext,
    bool concurrentIncludes = false)
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
        var values = resolver.Resolve(definition, options, context, config);
        foreach (var (key, value) in values)
        {
            context[key] = value;
        }

        var expansion = output.Expansions.Count;
        output.Expansions.Add(new Expansion(templateId, name, cluster, depth, values));

        foreach (var error in definition.Errors.Where(e => When(e.When, context, template, "errors.when")))
        {
            throw new UserInputException(Render(error.Text, context, template, "errors").Trim());
        }

        foreach (var (key, text) in definition.Variables)
        {
            context[key] = Render(text, context, template, $"variables.{key}");
        }

        foreach (var (key, data) in definition.Data)
        {
            context[key] = When(data.When, context, template, $"data.{key}.when") ? LoadData(key, data, context, template) : null;
        }

        var includes = Each(definition.Includes, i => i.When, i => i.ForEach, context, template, "includes").ToList();
        if (concurrentIncludes && depth == 0 && includes.Count > 0)
        {
            // A composed unit (app --database --bucket --route ...): its includes expand on another core while this
            // one renders its own files. Both only read the context; the sets are merged in the order a sequential
            // expansion appends (includes first), and an include's error wins, as it would have come first.
            var included = new RenderSet();
            ExceptionDispatchInfo? failure = null;
            var worker = new Thread(() =>
            {
                try
                {
                    ExpandIncludes(includes, template, cluster, included, depth);
                }
                catch (Exception ex)
                {
                    failure = ExceptionDispatchInfo.Capture(ex);
                }
            })
            { IsBackground = true, Name = "includes" };
            worker.Start();
            var own = new RenderSet();
            ExceptionDispatchInfo? ownFailure = null;
            try
            {
                RenderOwn(definition, context, template, own, expansion);
            }
            catch (Exception ex)
            {
                ownFailure = ExceptionDispatchInfo.Capture(ex);
            }

            worker.Join();
            failure?.Throw();
            ownFailure?.Throw();
            // The includes' expansion indexes continue after this expansion's, as in a sequential expansion.
            var shift = output.Expansions.Count;
            output.Expansions.AddRange(included.Expansions);
            output.Files.AddRange(included.Files.ConvertAll(f => f with { Expansion = f.Expansion + shift }));
            output.Files.AddRange(own.Files);
            output.Edits.AddRange(included.Edits);
            output.Edits.AddRange(own.Edits);
            output.Messages.AddRange(included.Messages);
            output.Messages.AddRange(own.Messages);
            return;
        }

        ExpandIncludes(includes, template, cluster, output, depth);
        RenderOwn(definition, context, template, output, expansion);
    }

    private void ExpandIncludes(List<(IncludeDefinition Include, Dictionary<string, object?> Scope)> includes, LoadedTemplate template, string? cluster, RenderSet output, int depth)
    {
        foreach (var (include, scope) in includes)
        {
            var childName = Render(include.Name ?? "{{name}}", scope, template, "includes.name");
            var childOptions = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var (option, value) in include.With)
            {
                if (IncludeValue(value, scope, template) is { } tokens)
                {
                    childOptions[option] = tokens;
                }
            }

            Expand(include.Template, childName, childOptions, cluster, output, depth + 1);
        }
    }

    private void RenderOwn(TemplateDefinition definition, Dictionary<string, object?> context, LoadedTemplate template, RenderSet output, int expansion)
    {
        foreach (var (file, scope) in Each(definition.Files, f => f.When, f => f.ForEach, context, template, "files"))
        {
            var path = Render(file.Path, scope, template, $"path of {file.Template}");
            var content = file.CollectsResources ? null : RenderFile(template, file.Template, scope);
            if (content is not null && file.Kind is not null)
            {
                content = Kind(file.Kind, definition.Id).Format(content);
            }

            output.Files.Add(new RenderedFile(path, content, file, definition.Id, template.ReadFile, scope, expansion));
        }

        foreach (var (edit, scope) in Each(definition.Edits, e => e.When, e => e.ForEach, context, template, "edits"))
        {
            var text = edit.Template is not null ? template.ReadFile(edit.Template) : edit.Value ?? string.Empty;
            var rendered = edit.Template is not null ? RenderFile(template, edit.Template, scope) : Render(text, scope, template, $"{edit.Inserter} value");
            output.Edits.Add(new RenderedEdit(
                Render(edit.File, scope, template, "edits.file"),
                edit.Inserter,
                edit.Kind is null ? rendered : Kind(edit.Kind, definition.Id).Format(rendered),
                RenderAll(edit.With, scope, template, $"{edit.Inserter} "),
                edit.IfMissing,
                definition.Id));
        }

        output.Messages.AddRange(definition.Messages
            .Where(m => When(m.When, context, template, "messages.when"))
            .Select(m => Render(m.Text, context, template, "messages").TrimEnd()));
    }

    /// <summary>Renders a collecting file (a kustomization) once its folder's resources are known.</summary>
    public string RenderCollected(RenderedFile file, IReadOnlyList<string> resources)
    {
        var context = new Dictionary<string, object?>(file.Context, StringComparer.Ordinal) { ["resources"] = resources };
        return RenderFile(catalog.Get(file.TemplateId), file.Definition.Template, context);
    }

    private object? LoadData(string key, DataDefinition data, Dictionary<string, object?> context, LoadedTemplate template)
    {
        var templateId = template.Definition.Id;
        if (!extensions.DataProviders.TryGetValue(data.Provider, out var provider))
        {
            throw new UserInputException($"template '{templateId}': data '{key}' names unknown provider '{data.Provider}'; known: {string.Join(", ", extensions.DataProviders.Keys.Order(StringComparer.Ordinal))}");
        }

        var args = RenderAll(data.With, context, template, $"data.{key}.with.");
        return provider.Load(args, dataContext(templateId));
    }

    /// <summary>The entries whose condition holds, each with its context (once per item of its <c>forEach</c> list).</summary>
    private IEnumerable<(T Entry, Dictionary<string, object?> Scope)> Each<T>(
        IEnumerable<T> entries, Func<T, string?> when, Func<T, string?> forEach, Dictionary<string, object?> context, LoadedTemplate template, string part)
    {
        var templateId = template.Definition.Id;
        foreach (var entry in entries.Where(e => When(when(e), context, template, $"{part}.when")))
        {
            var list = forEach(entry);
            if (list is null)
            {
                yield return (entry, context);
                continue;
            }

            if (!context.TryGetValue(list, out var items) || items is not (null or System.Collections.IList))
            {
                throw new UserInputException($"template '{templateId}': forEach '{list}' is not a list in the template context");
            }

            foreach (var item in (System.Collections.IList?)items ?? Array.Empty<object>())
            {
                yield return (entry, new Dictionary<string, object?>(context, StringComparer.Ordinal) { ["item"] = item });
            }
        }
    }

    private IFileKind Kind(string kind, string templateId) =>
        extensions.FileKinds.TryGetValue(kind, out var fileKind)
            ? fileKind
            : throw new UserInputException($"template '{templateId}': unknown file kind '{kind}'; known: {string.Join(", ", extensions.FileKinds.Keys.Order(StringComparer.Ordinal))}");

    private List<string>? IncludeValue(string expression, Dictionary<string, object?> context, LoadedTemplate template)
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

        var rendered = Render(expression, context, template, "includes.with");
        return rendered.Length == 0 ? null : [rendered];
    }

    /// <summary>Renders a text of template.yaml; errors name it as <c>folder/template.yaml[part]</c>.</summary>
    private string Render(string text, Dictionary<string, object?> context, LoadedTemplate template, string part) =>
        renderer.Render(text, context, $"{template.Origin}/template.yaml[{part}]");

    /// <summary>Renders a template file; errors name it by its path (<c>templates/app/helmrelease.yaml.sbn</c>).</summary>
    private string RenderFile(LoadedTemplate template, string file, Dictionary<string, object?> context) =>
        renderer.Render(template.ReadFile(file), context, $"{template.Origin}/{file}");

    private bool When(string? expression, Dictionary<string, object?> context, LoadedTemplate template, string part) =>
        renderer.IsTrue(expression, context, $"{template.Origin}/template.yaml[{part}]");

    /// <summary>Renders every value of a <c>with:</c> mapping (errors name the part as <paramref name="partPrefix"/> and the key).</summary>
    private Dictionary<string, string> RenderAll(Dictionary<string, string> with, Dictionary<string, object?> context, LoadedTemplate template, string partPrefix)
    {
        var rendered = new Dictionary<string, string>(with.Count, StringComparer.Ordinal);
        foreach (var (key, value) in with)
        {
            rendered[key] = Render(value, context, template, partPrefix + key);
        }

        return rendered;
    }

    [GeneratedRegex(@"^\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}$", RegexOptions.CultureInvariant)]
    private static partial Regex DirectReference();
}
