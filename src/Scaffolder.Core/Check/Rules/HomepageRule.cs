namespace Scaffolder.Core.Check.Rules;

/// <summary>SCF021: an app whose routes carry no complete set of homepage annotations.</summary>
public sealed class HomepageRule(CheckConventions conventions) : IRepositoryRule
{
    /// <inheritdoc />
    public string Id => "SCF021";

    /// <inheritdoc />
    public string Title => "Route without homepage annotations";

    /// <inheritdoc />
    public string Principle => "Automation is Key: the dashboard is generated from route annotations (STACK §5, §8 #7)";

    /// <inheritdoc />
    public string Rationale => "Homepage lists only routes with the gethomepage.dev annotations; an app without them is missing from the dashboard.";

    /// <inheritdoc />
    public Severity Severity => Severity.Note;

    /// <inheritdoc />
    public string Fix => $"Add {string.Join(", ", conventions.HomepageAnnotations.Select(a => conventions.HomepageAnnotationPrefix + a))} to one route of the app; `scaffold new route <name> --app <app> --gateway internal --host <sub>` generates them.";

    /// <inheritdoc />
    public void Check(RepoFacts facts, FindingSink sink)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(sink);
        var complete = conventions.HomepageAnnotations.Count;
        foreach (var unit in facts.Routes.GroupBy(r => r.Unit, StringComparer.Ordinal))
        {
            var partial = unit.Where(r => r.HomepageAnnotations > 0 && r.HomepageAnnotations < complete).ToList();
            foreach (var route in partial)
            {
                sink.Report(this, route.Location.File, route.Location.Line, route.Location.Column,
                    $"Route carries {route.HomepageAnnotations} of the {complete} homepage annotations.");
            }

            if (partial.Count == 0 && unit.All(r => r.HomepageAnnotations == 0))
            {
                var first = unit.First().Location;
                sink.Report(this, first.File, first.Line, first.Column, $"No route of {unit.Key} carries homepage annotations.");
            }
        }
    }
}
