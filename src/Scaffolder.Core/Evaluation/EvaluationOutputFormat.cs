namespace Scaffolder.Core.Evaluation;

/// <summary>Output format of <c>scaffold evaluate</c>.</summary>
public enum EvaluationOutputFormat
{
    /// <summary>Human-readable report.</summary>
    Text,

    /// <summary>Machine-readable report, documented in docs/evaluate-json.md.</summary>
    Json,
}
