using Scaffolder.Core.IO;
using Scaffolder.Core.Templates;

namespace Scaffolder.Core.Lifecycle;

/// <summary>
/// Which recorded units are behind their template, from the answers files alone (no render, no git): a request whose
/// recorded template version is older than today's. <c>scaffold check</c> reports them as notes; <c>update --check</c>
/// also renders, so it finds files that differ as well.
/// </summary>
public static class UnitDrift
{
    /// <summary>One line per unit behind its template (or per answers file that cannot be read), in unit order.</summary>
    public static IReadOnlyList<string> Notes(IFileSystem fileSystem, string repoRoot, Func<TemplateCatalog> catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var store = new AnswersStore(fileSystem, repoRoot);
        var paths = store.Paths();
        if (paths.Count == 0)
        {
            return [];
        }

        var templates = catalog();
        var notes = new List<string>();
        foreach (var path in paths)
        {
            UnitAnswers answers;
            try
            {
                answers = store.Load(path);
            }
            catch (UserInputException ex)
            {
                notes.Add($"{path} cannot be read ({ex.Message}); update and remove refuse it");
                continue;
            }

            var behind = answers.Requests
                .Where(r => templates.Ids.Contains(r.Template) && UnitUpdater.IsOlder(r.Version, templates.Get(r.Template).Definition.Version))
                .Select(r => $"{r.Template} {r.Version} (today {templates.Get(r.Template).Definition.Version})")
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (behind.Count > 0)
            {
                notes.Add($"unit {answers.Unit} is behind its template: generated from {string.Join(", ", behind)}; run 'scaffold update {answers.Unit}'");
            }
        }

        return notes;
    }
}
