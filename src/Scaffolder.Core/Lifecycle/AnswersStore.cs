using System.Text;
using Scaffolder.Core.IO;
using Scaffolder.Core.Planning;
using Scaffolder.Core.Text;

namespace Scaffolder.Core.Lifecycle;

/// <summary>
/// The answers files of a repository, read as hostile input: each file is read through the path guard, must sit at
/// the path its template and name give, and every path it records must be a confined repository path outside
/// <c>.git/</c> and <c>.scaffold/</c>.
/// </summary>
public sealed class AnswersStore(IFileSystem fileSystem, string repoRoot)
{
    private readonly PathGuard guard = new(fileSystem, repoRoot);

    /// <summary>Whether the answers file exists.</summary>
    public bool Exists(string path) => fileSystem.FileExists(guard.Resolve(path, "read"));

    /// <summary>Reads and checks the answers file at the repository-relative <paramref name="path"/>.</summary>
    public UnitAnswers Load(string path)
    {
        var bytes = fileSystem.ReadAllBytes(guard.Resolve(path, "read"));
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            throw new UserInputException($"{path}: the answers file is not UTF-8 text");
        }

        var answers = AnswersYaml.Read(text, path);
        var expected = UnitAddress.AnswersPath(answers.Root.Template, answers.Root.Name);
        if (expected != path)
        {
            throw new UserInputException($"{path}: it records unit {answers.Unit}, whose answers belong in {expected}");
        }

        foreach (var recorded in answers.Files.Select(f => f.Path).Concat(answers.Edits.Select(e => e.File)))
        {
            guard.Resolve(recorded);
            if (recorded.StartsWith(".git/", StringComparison.Ordinal) || recorded.StartsWith(".scaffold/", StringComparison.Ordinal))
            {
                throw new UserInputException($"{path}: refusing recorded path '{DisplayText.Printable(recorded)}': scaffold never generates files in .git/ or .scaffold/");
            }
        }

        return answers;
    }

    /// <summary>Every answers file, by repository-relative path, in ordinal order.</summary>
    public IReadOnlyList<string> Paths()
    {
        var folder = Path.Combine(repoRoot, UnitAddress.AnswersFolder);
        if (!fileSystem.DirectoryExists(folder))
        {
            return [];
        }

        var paths = new List<string>();
        foreach (var templateFolder in fileSystem.EnumerateDirectories(folder))
        {
            paths.AddRange(fileSystem.EnumerateFiles(templateFolder, recursive: false)
                .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal))
                .Select(f => $"{UnitAddress.AnswersFolder}/{Path.GetFileName(templateFolder)}/{Path.GetFileName(f)}"));
        }

        paths.Sort(StringComparer.Ordinal);
        return paths;
    }

    /// <summary>
    /// The answers file of a unit address: <c>&lt;template&gt;/&lt;name&gt;</c>, or a bare name when exactly one unit
    /// has it. Unknown and ambiguous addresses are user errors.
    /// </summary>
    public string Find(string address)
    {
        var slash = address.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            var path = $"{UnitAddress.AnswersFolder}/{address[..slash]}/{address[(slash + 1)..]}.yaml";
            if (address.Count(c => c == '/') != 1 || UnitAddress.Key(address[(slash + 1)..]) != address[(slash + 1)..] || !Exists(path))
            {
                throw new UserInputException($"no unit '{DisplayText.Printable(address)}': {Known()}");
            }

            return path;
        }

        var matches = Paths().Where(p => Path.GetFileNameWithoutExtension(p) == address).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new UserInputException($"no unit named '{DisplayText.Printable(address)}': {Known()}"),
            _ => throw new UserInputException($"'{address}' names {matches.Count} units ({string.Join(", ", matches.Select(Address))}); give <template>/<name>"),
        };
    }

    /// <summary>The unit address of an answers path.</summary>
    public static string Address(string path) => path[(UnitAddress.AnswersFolder.Length + 1)..^".yaml".Length];

    private string Known()
    {
        var all = Paths();
        return all.Count == 0 ? $"the repository has no answers files ({UnitAddress.AnswersFolder}/)" : $"known units: {string.Join(", ", all.Select(Address))}";
    }
}
