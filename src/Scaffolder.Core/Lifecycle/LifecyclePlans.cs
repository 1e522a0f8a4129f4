using System.Text;
using Scaffolder.Core.IO;
using Scaffolder.Core.Planning;

namespace Scaffolder.Core.Lifecycle;

/// <summary>Adds answers files to plans.</summary>
internal static class LifecyclePlans
{
    /// <summary><paramref name="plan"/> with the answers file of every unit (by repository-relative path) written, in path order.</summary>
    public static Plan WithAnswers(Plan plan, IReadOnlyDictionary<string, UnitAnswers> units, IFileSystem fileSystem)
    {
        var guard = new PathGuard(fileSystem, plan.RepoRoot);
        var answers = new List<PlannedChange>();
        foreach (var (path, unit) in units)
        {
            var absolute = guard.Resolve(path);
            var after = Encoding.UTF8.GetBytes(AnswersYaml.Write(unit));
            var before = fileSystem.FileExists(absolute) ? fileSystem.ReadAllBytes(absolute) : null;
            var action = before is null ? ChangeAction.Create : before.AsSpan().SequenceEqual(after) ? ChangeAction.Identical : ChangeAction.Update;
            answers.Add(new PlannedChange(path, action, before, after, [$"answers of unit {unit.Unit}"]));
        }

        PlanValidator.Validate(new Plan(plan.RepoRoot, answers, []));
        return Replace(plan, answers);
    }

    /// <summary><paramref name="plan"/> with <paramref name="changes"/> replacing the changes of the same paths, in path order.</summary>
    public static Plan Replace(Plan plan, IEnumerable<PlannedChange> changes)
    {
        var all = plan.Changes.ToDictionary(c => c.Path, StringComparer.Ordinal);
        foreach (var change in changes)
        {
            all[change.Path] = change;
        }

        var sorted = all.Values.ToList();
        sorted.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return plan with { Changes = sorted };
    }
}
