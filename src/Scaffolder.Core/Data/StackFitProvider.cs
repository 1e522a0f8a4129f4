using Scaffolder.Core.Evaluation;

namespace Scaffolder.Core.Data;

/// <summary>
/// <c>stack-fit</c>: evaluates <c>technology</c> (optional <c>purpose</c>) with <see cref="TechnologyEvaluator"/>
/// against the repository's stack catalog (built-in plus the <c>.scaffold.yaml</c> <c>evaluate:</c> section, see
/// <see cref="RepoStackCatalog"/>), as <c>scaffold evaluate</c> does. Result: <c>evaluated</c> (false without a
/// technology), <c>technology</c>, <c>purpose</c>, <c>hasOverlap</c>, <c>overlaps</c> (<c>layerId</c>, <c>layer</c>,
/// <c>existingTechnology</c>, <c>matchedAlias</c>, <c>kind</c>, <c>reason</c>), <c>possibleOverlaps</c>
/// (<c>layerId</c>, <c>layer</c>, <c>existingTechnology</c>, <c>matchedCapabilities</c>), <c>nonNegotiables</c>
/// (<c>id</c>, <c>title</c>, <c>requirement</c>, <c>criterion</c>), <c>criteria</c> (<c>id</c>, <c>title</c>,
/// <c>description</c>, <c>scoring</c>, <c>questions</c> with <c>id</c>, <c>topic</c>, <c>text</c>, <c>note</c>,
/// <c>automatic</c>) and <c>markdown</c>: the ADR's "Stack fit" section
/// (<see cref="EvaluationFormatter.ToStackFitMarkdown"/>, or the unanswered questions without a technology).
/// </summary>
public sealed class StackFitProvider : IDataProvider
{
    /// <inheritdoc />
    public string Name => "stack-fit";

    /// <inheritdoc />
    public object? Load(IReadOnlyDictionary<string, string> args, DataContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var catalog = RepoStackCatalog.Load(context.FileSystem, context.RepoRoot, context.Limits);
        var technology = DataContext.Optional(args, "technology");
        var purpose = DataContext.Optional(args, "purpose");
        if (technology is null)
        {
            return Tree(
                evaluated: false,
                new TechnologyEvaluation(string.Empty, purpose, [], [], catalog.NonNegotiables, catalog.Criteria),
                EvaluationFormatter.ToStackFitQuestionsMarkdown(catalog.NonNegotiables, catalog.Criteria));
        }

        var evaluation = new TechnologyEvaluator(catalog).Evaluate(technology, purpose);
        return Tree(evaluated: true, evaluation, EvaluationFormatter.ToStackFitMarkdown(evaluation));
    }

    private static Dictionary<string, object?> Tree(bool evaluated, TechnologyEvaluation evaluation, string markdown) => new(StringComparer.Ordinal)
    {
        ["evaluated"] = evaluated,
        ["technology"] = evaluated ? evaluation.Technology : null,
        ["purpose"] = evaluation.Purpose,
        ["hasOverlap"] = evaluation.HasOverlap,
        ["overlaps"] = evaluation.Overlaps.Select(o => Map(
            ("layerId", o.LayerId),
            ("layer", o.Layer),
            ("existingTechnology", o.ExistingTechnology),
            ("matchedAlias", o.MatchedAlias),
            ("kind", o.Kind == OverlapKind.Alternative ? "alternative" : "existing"),
            ("reason", o.Reason))).ToList(),
        ["possibleOverlaps"] = evaluation.PossibleOverlaps.Select(p => Map(
            ("layerId", p.LayerId),
            ("layer", p.Layer),
            ("existingTechnology", p.ExistingTechnology),
            ("matchedCapabilities", p.MatchedCapabilities.ToList()))).ToList(),
        ["nonNegotiables"] = evaluation.NonNegotiables.Select(n => Map(
            ("id", n.Id),
            ("title", n.Title),
            ("requirement", n.Requirement),
            ("criterion", n.Criterion))).ToList(),
        ["criteria"] = evaluation.Criteria.Select(c => Map(
            ("id", c.Id),
            ("title", c.Title),
            ("description", c.Description),
            ("scoring", c.Scoring.ToList()),
            ("questions", c.Questions.Select(q => Map(
                ("id", q.Id),
                ("topic", q.Topic),
                ("text", q.Text),
                ("note", q.Note),
                ("automatic", q.Automatic))).ToList()))).ToList(),
        ["markdown"] = markdown,
    };

    private static Dictionary<string, object?> Map(params (string Key, object? Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
}
