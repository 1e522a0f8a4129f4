using System.Diagnostics.CodeAnalysis;

namespace Scaffolder.Core.Templates;

/// <summary>A parameter's <c>type:</c> in template.yaml: what its option takes and what the templates see.</summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Each member is the template.yaml word (string, int) it stands for.")]
public enum ParameterType
{
    /// <summary><c>string</c>: one line of text (the default).</summary>
    String,

    /// <summary><c>int</c>: a whole number, within <c>min</c> and <c>max</c>.</summary>
    Int,

    /// <summary><c>bool</c>: a flag, <c>true</c> or <c>false</c>.</summary>
    Bool,

    /// <summary><c>choice</c>: one of <c>choices</c> (or <c>choicesFrom</c>).</summary>
    Choice,

    /// <summary><c>list</c>: comma-separated or repeated values.</summary>
    List,
}
