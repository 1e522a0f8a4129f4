using Scaffolder.Core.Hcl;

namespace Scaffolder.Core.Data;

/// <summary>
/// <c>module-variables</c>: the input variables of the OpenTofu module in the folder <c>path</c> (read from all its
/// <c>*.tf</c> files). Result: <c>path</c>, <c>variables</c> (all, in file and declaration order), <c>required</c>
/// and <c>optional</c>. Each variable has <c>name</c>, <c>type</c> (<c>any</c> when absent), <c>typeLines</c>,
/// <c>description</c>, <c>descriptionLines</c>, <c>default</c> (null when required), <c>defaultLines</c>,
/// <c>required</c>, <c>sensitive</c>, <c>validations</c>, <c>file</c> and <c>line</c>.
/// </summary>
public sealed class ModuleVariablesProvider : IDataProvider
{
    /// <inheritdoc />
    public string Name => "module-variables";

    /// <inheritdoc />
    public object? Load(IReadOnlyDictionary<string, string> args, DataContext context)
    {
        var path = context.Require(args, Name, "path").TrimEnd('/');
        var directory = context.Resolve(path);
        if (context.FileSystem.DirectoryExists(directory))
        {
            // Each .tf file goes through the guard too: a file that is a symbolic link leading out is refused.
            foreach (var file in context.FileSystem.EnumerateFiles(directory, recursive: false).Where(f => f.EndsWith(".tf", StringComparison.Ordinal)))
            {
                context.Resolve($"{path}/{Path.GetFileName(file)}");
            }
        }

        var variables = HclVariableReader.ReadModule(context.FileSystem, directory, path, context.Limits.MaxFileBytes)
            .Select(ToTree)
            .ToList();
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["path"] = path,
            ["variables"] = variables,
            ["required"] = variables.Where(v => (bool)v["required"]!).ToList(),
            ["optional"] = variables.Where(v => !(bool)v["required"]!).ToList(),
        };
    }

    private static Dictionary<string, object?> ToTree(HclVariable variable)
    {
        var type = variable.Type ?? "any";
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["name"] = variable.Name,
            ["type"] = type,
            ["typeLines"] = Lines(type),
            ["description"] = variable.Description ?? string.Empty,
            ["descriptionLines"] = Lines(variable.Description?.Trim() ?? string.Empty),
            ["default"] = variable.Default,
            ["defaultLines"] = Lines(variable.Default ?? string.Empty),
            ["required"] = variable.Required,
            ["sensitive"] = variable.Sensitive,
            ["validations"] = variable.ValidationCount,
            ["file"] = variable.File,
            ["line"] = variable.Line,
        };
    }

    private static List<string> Lines(string text) => text.Length == 0 ? [] : text.Split('\n').Select(l => l.TrimEnd()).ToList();
}
