using System.Globalization;
using System.Text;
using Scaffolder.Core.Config;
using Scaffolder.Core.Rendering;
using Scaffolder.Core.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Scaffolder.Core.Lifecycle;

/// <summary>
/// Writes and reads answers files: plain block YAML in a fixed key order, every text value double-quoted (so no
/// value changes type under YAML 1.1), one list item per line, so that re-recording a unit changes only the lines
/// whose facts changed. Reading is strict: unknown keys, wrong shapes and malformed ids are errors naming the file
/// and line, because an answers file comes from the repository and may have been edited by anyone.
/// </summary>
public static class AnswersYaml
{
    private const string Header = "# Written by scaffold: what `scaffold new` generated, for `scaffold update` and `scaffold remove`.\n# See docs/lifecycle.md. Edit with care: update and remove trust these paths and blob ids.\n";

    /// <summary>The answers file's text.</summary>
    public static string Write(UnitAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var w = new StringBuilder(Header);
        w.Append("unit: ").Append(Quote(answers.Unit)).Append('\n');
        w.Append("tool: ").Append(Quote(answers.Tool)).Append('\n');
        Request(w, answers.Root, string.Empty);
        if (answers.Includes.Count > 0)
        {
            w.Append("includes:\n");
            foreach (var include in answers.Includes)
            {
                w.Append("  - template: ").Append(Quote(include.Template)).Append('\n');
                w.Append("    name: ").Append(Quote(include.Name)).Append('\n');
                if (include.Cluster is not null)
                {
                    w.Append("    cluster: ").Append(Quote(include.Cluster)).Append('\n');
                }
            }
        }

        if (answers.FollowUps.Count > 0)
        {
            w.Append("followUps:\n");
            foreach (var followUp in answers.FollowUps)
            {
                var item = new StringBuilder();
                Request(item, followUp, "    ");
                w.Append("  - ").Append(item.ToString(4, item.Length - 4));
            }
        }

        w.Append(answers.Files.Count > 0 ? "files:\n" : "files: []\n");
        foreach (var file in answers.Files)
        {
            w.Append("  - path: ").Append(Quote(file.Path)).Append('\n');
            w.Append("    blob: ").Append(Quote(file.Blob)).Append('\n');
            w.Append("    template: ").Append(Quote(file.Template)).Append('\n');
            if (file.Shared)
            {
                w.Append("    shared: true\n");
            }
        }

        w.Append(answers.Edits.Count > 0 ? "edits:\n" : "edits: []\n");
        foreach (var edit in answers.Edits)
        {
            w.Append("  - file: ").Append(Quote(edit.File)).Append('\n');
            w.Append("    inserter: ").Append(Quote(edit.Inserter)).Append('\n');
            w.Append("    template: ").Append(Quote(edit.Template)).Append('\n');
            if (edit.Opened is not null && edit.Emptied is not null)
            {
                w.Append("    opened: ").Append(Quote(edit.Opened)).Append('\n');
                w.Append("    emptied: ").Append(Quote(edit.Emptied)).Append('\n');
            }

            Items(w, "    lines", edit.Lines, "    ");
        }

        return w.ToString();
    }

    /// <summary>Reads an answers file; <paramref name="displayPath"/> names it in errors.</summary>
    public static UnitAnswers Read(string text, string displayPath)
    {
        var root = YamlTree.Load(text, displayPath) ?? throw new UserInputException($"{displayPath}: the answers file is empty");
        var reader = new Reader(displayPath);
        string? unit = null;
        string? tool = null;
        var includes = new List<RecordedInclude>();
        var followUps = new List<RecordedRequest>();
        var files = new List<RecordedFile>();
        var edits = new List<RecordedEdit>();
        var request = new RequestFields();
        reader.Fields(root, "answers", (key, value) =>
        {
            switch (key)
            {
                case "unit": unit = reader.Text(value); return true;
                case "tool": tool = reader.Text(value); return true;
                case "includes": includes = reader.List(value, key, reader.Include); return true;
                case "followUps": followUps = reader.List(value, key, reader.Request); return true;
                case "files": files = reader.List(value, key, reader.File); return true;
                case "edits": edits = reader.List(value, key, reader.Edit); return true;
                default: return reader.RequestField(request, key, value);
            }
        });
        var answers = new UnitAnswers(reader.Finish(request, root), tool ?? string.Empty, includes, followUps, files, edits);
        if (unit != answers.Unit)
        {
            throw new UserInputException($"{displayPath}: 'unit: {unit}' does not match its template and name ({answers.Unit})");
        }

        return answers;
    }

    /// <summary>A YAML double-quoted scalar that reads back exactly: the one quoting the templates' <c>q</c> uses.</summary>
    public static string Quote(string value) => TemplateRenderer.Quote(value);

    private static void Request(StringBuilder w, RecordedRequest request, string indent)
    {
        w.Append(indent).Append("template: ").Append(Quote(request.Template)).Append('\n');
        w.Append(indent).Append("name: ").Append(Quote(request.Name)).Append('\n');
        w.Append(indent).Append("version: ").Append(Quote(request.Version)).Append('\n');
        w.Append(indent).Append("hash: ").Append(Quote(request.Hash)).Append('\n');
        Items(w, indent + "clusters", request.Clusters, indent);
        w.Append(indent).Append(request.Parameters.Count > 0 ? "parameters:\n" : "parameters: { }\n");
        foreach (var parameter in request.Parameters)
        {
            var key = $"{indent}  {parameter.Name}";
            if (parameter.IsList)
            {
                Items(w, key, parameter.Items, indent + "  ");
            }
            else
            {
                w.Append(key).Append(": ").Append(parameter.Items.Count == 0 ? "null" : parameter.Plain ? parameter.Items[0] : Quote(parameter.Items[0])).Append('\n');
            }
        }
    }

    private static void Items(StringBuilder w, string key, IReadOnlyList<string> items, string indent)
    {
        w.Append(key).Append(items.Count > 0 ? ":\n" : ": []\n");
        foreach (var item in items)
        {
            w.Append(indent).Append("  - ").Append(Quote(item)).Append('\n');
        }
    }

    private sealed class RequestFields
    {
        public string? Template { get; set; }

        public string? Name { get; set; }

        public string Version { get; set; } = "0";

        public string Hash { get; set; } = string.Empty;

        public List<string> Clusters { get; set; } = [];

        public List<RecordedParameter> Parameters { get; set; } = [];
    }

    private sealed class Reader(string displayPath)
        : YamlFields((node, message) => new UserInputException($"{displayPath}:{node.Start.Line}:{node.Start.Column}: {message}"))
    {
        public bool RequestField(RequestFields request, string key, YamlNode value)
        {
            switch (key)
            {
                case "template": request.Template = Text(value); break;
                case "name": request.Name = Text(value); break;
                case "version": request.Version = Text(value); break;
                case "hash": request.Hash = Text(value); break;
                case "clusters": request.Clusters = List(value, key, Text); break;
                case "parameters":
                    request.Parameters = value is YamlMappingNode map
                        ? [.. map.Children.Select(p => Parameter(Text(p.Key), p.Value))]
                        : IsNull(value) ? [] : throw Error(value, "'parameters' must be a mapping of parameter names to values");
                    break;
                default: return false;
            }

            return true;
        }

        public RecordedRequest Finish(RequestFields request, YamlNode node)
        {
            var template = request.Template ?? throw Error(node, "'template' is missing");
            var name = request.Name ?? throw Error(node, "'name' is missing");
            if (!template.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') || template.Length == 0)
            {
                throw Error(node, $"'{template}' is not a template id");
            }

            return new RecordedRequest(template, name, request.Version, request.Hash, request.Clusters, request.Parameters);
        }

        public RecordedRequest Request(YamlNode node)
        {
            var request = new RequestFields();
            Fields(node, "follow-up", (key, value) => RequestField(request, key, value));
            return Finish(request, node);
        }

        public RecordedInclude Include(YamlNode node)
        {
            string? template = null, name = null, cluster = null;
            Fields(node, "include", (key, value) =>
            {
                switch (key)
                {
                    case "template": template = Text(value); break;
                    case "name": name = Text(value); break;
                    case "cluster": cluster = OptionalText(value); break;
                    default: return false;
                }

                return true;
            });
            return new RecordedInclude(template ?? throw Error(node, "'template' is missing"), name ?? throw Error(node, "'name' is missing"), cluster);
        }

        public RecordedFile File(YamlNode node)
        {
            string? path = null, blob = null, template = null;
            var shared = false;
            Fields(node, "file", (key, value) =>
            {
                switch (key)
                {
                    case "path": path = Text(value); break;
                    case "blob": blob = Text(value); break;
                    case "template": template = Text(value); break;
                    case "shared": shared = Bool(value); break;
                    default: return false;
                }

                return true;
            });
            if (blob is null || !GitBlob.IsId(blob))
            {
                throw Error(node, $"'blob' must be a git blob id (40 hex digits), not '{blob}'");
            }

            return new RecordedFile(path ?? throw Error(node, "'path' is missing"), blob, template ?? throw Error(node, "'template' is missing"), shared);
        }

        public RecordedEdit Edit(YamlNode node)
        {
            string? file = null, inserter = null, template = null, opened = null, emptied = null;
            var lines = new List<string>();
            Fields(node, "edit", (key, value) =>
            {
                switch (key)
                {
                    case "file": file = Text(value); break;
                    case "inserter": inserter = Text(value); break;
                    case "template": template = Text(value); break;
                    case "lines": lines = List(value, key, Text); break;
                    case "opened": opened = Text(value); break;
                    case "emptied": emptied = Text(value); break;
                    default: return false;
                }

                return true;
            });
            return new RecordedEdit(
                file ?? throw Error(node, "'file' is missing"),
                inserter ?? throw Error(node, "'inserter' is missing"),
                template ?? throw Error(node, "'template' is missing"),
                lines,
                opened,
                emptied);
        }

        private RecordedParameter Parameter(string name, YamlNode value) => value switch
        {
            YamlSequenceNode => new RecordedParameter(name, true, List(value, name, Text)),
            YamlScalarNode { Style: ScalarStyle.Plain } when IsNull(value) => new RecordedParameter(name, false, []),
            YamlScalarNode { Style: ScalarStyle.Plain } scalar => new RecordedParameter(name, false, [scalar.Value ?? string.Empty], Plain: true),
            YamlScalarNode scalar => new RecordedParameter(name, false, [scalar.Value ?? string.Empty]),
            _ => throw Error(value, $"parameter '{name}' must be a value or a list of values"),
        };
    }
}
