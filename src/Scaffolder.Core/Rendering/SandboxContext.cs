using System.Collections;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Scaffolder.Core.Rendering;

/// <summary>
/// The Scriban context every template runs in: strict (an undefined variable or member is an error), no member of a
/// .NET object visible, no <c>import</c>, the truthiness the built-in templates were written for (null, false, empty text, zero and empty lists
/// are false), and the <see cref="TemplateLimits"/>: per-loop and total iterations, recursion, output and text length.
/// </summary>
internal sealed class SandboxContext : TemplateContext
{
    private readonly TemplateLimits limits;
    private long iterations;

    public SandboxContext(ScriptObject functions, TemplateLimits limits)
        : base(functions, StringComparer.Ordinal)
    {
        this.limits = limits;
        StrictVariables = true;
        EnableRelaxedMemberAccess = false;
        EnableRelaxedTargetAccess = false;
        EnableRelaxedFunctionAccess = false;
        EnableNullIndexer = false;
        // No member of a .NET object is visible, except the key and value of a map entry (for entry in map).
        MemberFilter = member => member.DeclaringType is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(KeyValuePair<,>);
        LoopLimit = limits.LoopLimit;
        RecursiveLimit = limits.RecursionLimit;
        LimitToString = limits.MaxOutputChars;
        OutputLimit = limits.MaxOutputChars;
        RegexTimeOut = TimeSpan.FromSeconds(1);
    }

    /// <summary>Starts the iteration budget of a new render.</summary>
    public void StartRender() => iterations = 0;

    /// <inheritdoc />
    public override bool ToBool(SourceSpan span, object? value) => value switch
    {
        null => false,
        bool flag => flag,
        string text => text.Length > 0,
        int number => number != 0,
        long number => number != 0,
        double number => number != 0,
        ScriptObject => true,
        ICollection collection => collection.Count > 0,
        _ => base.ToBool(span, value!),
    };

    /// <inheritdoc />
    public override void Import(SourceSpan span, object objectToImport) =>
        throw new ScriptRuntimeException(span, "import is not available in templates");

    /// <inheritdoc />
    public override object? Evaluate(ScriptNode? scriptNode, bool aliasReturnedFunction)
    {
        var value = base.Evaluate(scriptNode, aliasReturnedFunction);
        if (value is string { Length: var length } && length > limits.MaxOutputChars)
        {
            throw new ScriptRuntimeException(scriptNode!.Span, $"the template computes a text of {length} characters, more than the limit of {limits.MaxOutputChars}");
        }

        return value;
    }

    /// <inheritdoc />
    protected override bool OnStepLoop(ScriptLoopStatementBase loop)
    {
        if (++iterations > limits.TotalIterations)
        {
            throw new ScriptRuntimeException(loop.Span, $"the template runs more than {limits.TotalIterations} loop iterations in total (nested loops multiply)");
        }

        return base.OnStepLoop(loop);
    }
}
