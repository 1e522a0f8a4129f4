using System.Collections.Concurrent;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Scaffolder.Core.Rendering;

/// <summary>
/// Parses (once per text) and renders Scriban templates and expressions in <see cref="SandboxContext"/>s, which are
/// pooled per thread: creating one per render would cost more than the render. Errors become one-line
/// <see cref="UserInputException"/>s: <c>file:line:column: message</c>.
/// </summary>
internal sealed class ScribanEngine
{
    private const string PartialsFolder = "_partials";
    private readonly IReadOnlyDictionary<string, string> partials;
    private readonly TemplateLimits limits;
    private readonly ScriptObject functions;
    private readonly ConcurrentDictionary<string, Template> templates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Template> expressions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Template> parsedPartials = new(StringComparer.Ordinal);
    // One pool per thread (of the engine that used the thread last): bulk planning renders on every core, and a shared
    // ConcurrentBag made threads that found their own queue empty steal from, and lock, the others' on every render.
    [ThreadStatic]
    private static ScribanEngine? poolOwner;

    [ThreadStatic]
    private static Stack<SandboxContext>? threadPool;

    public ScribanEngine(IReadOnlyDictionary<string, string> partials, TemplateLimits limits)
    {
        this.partials = partials;
        this.limits = limits;
        functions = TemplateFunctions.Globals(this);
    }

    public string Render(string text, IReadOnlyDictionary<string, object?> context, string source)
    {
        var template = templates.GetOrAdd(text, t => Parse(t, source, ScriptMode.Default));
        return Run(context, source, template.Render);
    }

    public void Prepare(string text, string source)
    {
        try
        {
            templates.GetOrAdd(text, t => Parse(t, source, ScriptMode.Default));
        }
        catch (UserInputException)
        {
            // Reported by the render that needs the text.
        }
    }

    public bool IsTrue(string expression, IReadOnlyDictionary<string, object?> context, string source)
    {
        var template = expressions.GetOrAdd(expression, e => Parse(e, source, ScriptMode.ScriptOnly));
        return Run(context, source, sandbox => sandbox.ToBool(template.Page?.Span ?? default, template.Evaluate(sandbox)));
    }

    /// <summary>The parsed partial <paramref name="name"/>; an unknown name is an error at <paramref name="span"/>.</summary>
    public Template Partial(string name, SourceSpan span)
    {
        if (!partials.TryGetValue(name, out var text))
        {
            throw new ScriptRuntimeException(span, $"no partial '{name}' in {PartialsFolder}/ (known: {string.Join(", ", partials.Keys.Order(StringComparer.Ordinal))})");
        }

        return parsedPartials.GetOrAdd(name, n => Parse(text, $"{PartialsFolder}/{n}.sbn", ScriptMode.Default));
    }

    private T Run<T>(IReadOnlyDictionary<string, object?> context, string source, Func<SandboxContext, T> render)
    {
        if (threadPool is null || poolOwner != this)
        {
            threadPool = new Stack<SandboxContext>();
            poolOwner = this;
        }

        var contexts = threadPool;
        var sandbox = contexts.TryPop(out var pooled) ? pooled : new SandboxContext(functions, limits);
        sandbox.StartRender();
        sandbox.PushGlobal(TemplateData.Globals(context));
        try
        {
            var result = render(sandbox);
            sandbox.PopGlobal();
            contexts.Push(sandbox);
            return result;
        }
        catch (ScriptRuntimeException ex)
        {
            // The context is left mid-render: it is dropped, not pooled.
            throw new UserInputException($"{Locate(ex.Span, source)}: {OneLine(ex.OriginalMessage)}");
        }
        catch (UserInputException)
        {
            throw;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or OverflowException or InvalidCastException)
        {
            throw new UserInputException($"{Locate(sandbox.CurrentSpan, source)}: {OneLine(ex.Message)}");
        }
    }

    /// <summary>Parses a template or, with <see cref="ScriptMode.ScriptOnly"/>, an expression; refuses <c>{{ $x }}</c>.</summary>
    private static Template Parse(string text, string source, ScriptMode mode)
    {
        var template = Template.Parse(text, mode == ScriptMode.Default && source.StartsWith(PartialsFolder + "/", StringComparison.Ordinal) ? source : null, lexerOptions: new LexerOptions { Mode = mode });
        if (template.HasErrors)
        {
            var error = template.Messages.First(m => m.Type == ParserMessageType.Error);
            throw new UserInputException($"{Locate(error.Span, source)}: {OneLine(error.Message)}");
        }

        DollarVariables.Refuse(template, text, source);
        return template;
    }

    /// <summary><c>file:line:column</c> of a span: a partial's own file, else the text's source.</summary>
    internal static string Locate(SourceSpan span, string source) =>
        $"{(string.IsNullOrEmpty(span.FileName) || span.FileName == "<input>" ? source : span.FileName)}:{span.Start.Line + 1}:{span.Start.Column + 1}";

    private static string OneLine(string message) => message.Split('\n')[0].Trim();
}
