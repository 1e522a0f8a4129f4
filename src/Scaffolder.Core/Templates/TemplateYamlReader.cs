using Scaffolder.Core.Config;
using Scaffolder.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Scaffolder.Core.Templates;

/// <summary>
/// Reads a <c>template.yaml</c> into a <see cref="TemplateDefinition"/> with an explicit key table per type
/// (<see cref="YamlFields"/>). Unknown keys, wrong shapes and bad scalars are errors naming the file, line and column.
/// </summary>
internal static class TemplateYamlReader
{
    /// <summary>Reads <paramref name="text"/>; <paramref name="displayPath"/> names the file in errors.</summary>
    public static TemplateDefinition Read(string text, string displayPath)
    {
        var root = YamlTree.Load(text, displayPath);
        var reader = new Reader(displayPath);
        var template = new TemplateDefinition();
        if (root is null)
        {
            return template;
        }

        reader.Fields(root, "template", (key, value) =>
        {
            switch (key)
            {
                case "id": template.Id = reader.Text(value); break;
                case "version": template.Version = reader.Text(value); break;
                case "description": template.Description = reader.Text(value); break;
                case "nameDescription": template.NameDescription = reader.Text(value); break;
                case "nameKind": template.NameKind = reader.Text(value); break;
                case "scope": template.Scope = reader.Word<TemplateScope>(value, key); break;
                case "parameters": template.Parameters = reader.List(value, key, reader.Parameter); break;
                case "variables": template.Variables = reader.TextMap(value, key); break;
                case "data": template.Data = reader.Map(value, key, reader.Data); break;
                case "files": template.Files = reader.List(value, key, reader.File); break;
                case "registration": template.Registration = reader.Registration(value); break;
                case "edits": template.Edits = reader.List(value, key, reader.Edit); break;
                case "includes": template.Includes = reader.List(value, key, reader.Include); break;
                case "messages": template.Messages = reader.List(value, key, reader.ConditionalText); break;
                case "errors": template.Errors = reader.List(value, key, reader.ConditionalText); break;
                case "examples": template.Examples = reader.List(value, key, reader.Text); break;
                default: return false;
            }

            return true;
        });

        foreach (var file in template.Files.Where(f => f.Kustomize))
        {
            file.Registration = template.Registration
                ?? throw reader.Error(reader.KustomizeNode(file), "kustomize: true needs the template's registration: (the list file, inserter and arguments that register it)");
        }

        return template;
    }

    private sealed class Reader(string displayPath)
        : YamlFields((node, message) => new UserInputException($"{displayPath}:{node.Start.Line}:{node.Start.Column}: {message}"))
    {
        private readonly Dictionary<FileDefinition, YamlNode> kustomizeNodes = [];

        /// <summary>The <c>kustomize</c> value of <paramref name="file"/>, for errors.</summary>
        public YamlNode KustomizeNode(FileDefinition file) => kustomizeNodes[file];

        public RegistrationDefinition Registration(YamlNode node)
        {
            var registration = new RegistrationDefinition();
            Fields(node, "registration", (key, value) =>
            {
                switch (key)
                {
                    case "file": registration.File = Text(value); break;
                    case "inserter": registration.Inserter = Text(value); break;
                    case "with": registration.With = TextMap(value, key); break;
                    default: return false;
                }

                return true;
            });
            if (registration.File.Length == 0 || registration.File.Contains('/', StringComparison.Ordinal) || registration.Inserter.Length == 0)
            {
                throw Error(node, "registration needs a file name (no folder) and an inserter");
            }

            return registration;
        }

        /// <summary>One of the words of <typeparamref name="T"/> (<see cref="TemplateNames"/>), else an error naming the file and line.</summary>
        public T Word<T>(YamlNode node, string key)
            where T : struct, Enum =>
            TemplateNames.Parse<T>(Text(node)) ?? throw Error(node, $"{key} must be {TemplateNames.Alternatives<T>()}, not '{Text(node)}'");

        public ParameterDefinition Parameter(YamlNode node)
        {
            var parameter = new ParameterDefinition();
            Fields(node, "parameter", (key, value) =>
            {
                switch (key)
                {
                    case "name": parameter.Name = Text(value); break;
                    case "type": parameter.Type = Word<ParameterType>(value, key); break;
                    case "description": parameter.Description = Text(value); break;
                    case "required": parameter.Required = Bool(value); break;
                    case "default": parameter.Default = OptionalText(value); break;
                    case "implicitValue": parameter.ImplicitValue = OptionalText(value); break;
                    case "choices": parameter.Choices = List(value, key, Text); break;
                    case "choicesFrom": parameter.ChoicesFrom = OptionalText(value); break;
                    case "pattern": parameter.Pattern = OptionalText(value); break;
                    case "patternDescription": parameter.PatternDescription = OptionalText(value); break;
                    case "format": parameter.Format = OptionalText(value); break;
                    case "yamlText": parameter.YamlText = Bool(value); break;
                    case "redact": parameter.Redact = Bool(value); break;
                    case "min": parameter.Min = Int(value); break;
                    case "max": parameter.Max = Int(value); break;
                    default: return false;
                }

                return true;
            });
            return parameter;
        }

        public FileDefinition File(YamlNode node)
        {
            var file = new FileDefinition();
            Fields(node, "file", (key, value) =>
            {
                switch (key)
                {
                    case "path": file.Path = Text(value); break;
                    case "template": file.Template = Text(value); break;
                    case "when": file.When = OptionalText(value); break;
                    case "forEach": file.ForEach = OptionalText(value); break;
                    case "ifExists": file.IfExists = Word<IfExistsPolicy>(value, key); break;
                    case "kustomize": file.Kustomize = Bool(value); kustomizeNodes[file] = value; break;
                    case "kind": file.Kind = OptionalText(value); break;
                    case "order": file.Order = Int(value); break;
                    case "collectsResources": file.CollectsResources = Bool(value); break;
                    default: return false;
                }

                return true;
            });
            return file;
        }

        public EditDefinition Edit(YamlNode node)
        {
            var edit = new EditDefinition();
            Fields(node, "edit", (key, value) =>
            {
                switch (key)
                {
                    case "inserter": edit.Inserter = Text(value); break;
                    case "file": edit.File = Text(value); break;
                    case "when": edit.When = OptionalText(value); break;
                    case "forEach": edit.ForEach = OptionalText(value); break;
                    case "template": edit.Template = OptionalText(value); break;
                    case "value": edit.Value = OptionalText(value); break;
                    case "with": edit.With = TextMap(value, key); break;
                    case "kind": edit.Kind = OptionalText(value); break;
                    case "ifMissing": edit.IfMissing = Word<IfMissingPolicy>(value, key); break;
                    default: return false;
                }

                return true;
            });
            return edit;
        }

        public IncludeDefinition Include(YamlNode node)
        {
            var include = new IncludeDefinition();
            Fields(node, "include", (key, value) =>
            {
                switch (key)
                {
                    case "template": include.Template = Text(value); break;
                    case "when": include.When = OptionalText(value); break;
                    case "forEach": include.ForEach = OptionalText(value); break;
                    case "name": include.Name = OptionalText(value); break;
                    case "with": include.With = TextMap(value, key); break;
                    default: return false;
                }

                return true;
            });
            return include;
        }

        public ConditionalText ConditionalText(YamlNode node)
        {
            var text = new ConditionalText();
            Fields(node, "message", (key, value) =>
            {
                switch (key)
                {
                    case "when": text.When = OptionalText(value); break;
                    case "text": text.Text = Text(value); break;
                    default: return false;
                }

                return true;
            });
            return text;
        }

        public DataDefinition Data(YamlNode node)
        {
            var data = new DataDefinition();
            Fields(node, "data entry", (key, value) =>
            {
                switch (key)
                {
                    case "provider": data.Provider = Text(value); break;
                    case "when": data.When = OptionalText(value); break;
                    case "with": data.With = TextMap(value, key); break;
                    default: return false;
                }

                return true;
            });
            return data;
        }
    }
}
