namespace Scaffolder.Core.Evaluation;

/// <summary>The built-in catalog file: layers plus the review's non-negotiables and criteria.</summary>
internal sealed class CatalogDocument
{
    public IList<LayerDefinition> Layers { get; set; } = [];

    public IList<NonNegotiableDefinition> NonNegotiables { get; set; } = [];

    public IList<CriterionDefinition> Criteria { get; set; } = [];
}

internal sealed class NonNegotiableDefinition
{
    public string? Id { get; set; }

    public string? Title { get; set; }

    public string? Requirement { get; set; }

    public string? Criterion { get; set; }
}

internal sealed class CriterionDefinition
{
    public string? Id { get; set; }

    public string? Title { get; set; }

    public string? Description { get; set; }

    public IList<string>? Scoring { get; set; }

    public IList<QuestionDefinition> Questions { get; set; } = [];
}

internal sealed class QuestionDefinition
{
    public string? Id { get; set; }

    public string? Topic { get; set; }

    public string? Text { get; set; }

    public string? Note { get; set; }

    public bool Automatic { get; set; }
}
