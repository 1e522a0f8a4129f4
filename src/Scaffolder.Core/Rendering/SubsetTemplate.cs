using System.Collections;
using System.Globalization;
using System.Text;

namespace Scaffolder.Core.Rendering;

/// <summary>
/// A template in the subset of Handlebars the built-in templates use, parsed once and interpreted directly: text,
/// <c>\{{</c> escapes, <c>{{path}}</c> and <c>{{helper arg ...}}</c> with subexpressions and string, number and
/// boolean literals, <c>#if</c>/<c>#unless</c>/<c>#each</c> blocks with <c>{{else}}</c>, <c>{{&gt; partial key=value}}</c>,
/// and Handlebars' standalone-line rules (a block tag, <c>else</c> or partial alone on its line takes the line with
/// it; a standalone partial is indented like its tag). Handlebars.Net compiles every template into expression trees,
/// which costs more than a whole <c>scaffold new</c> otherwise does; this interpreter costs microseconds.
/// Anything outside the subset (comments, <c>~</c>, triple stashes, other block helpers, an unknown name, a value
/// that is not text, a number or a boolean...) is refused: <see cref="TryParse"/> returns null or rendering throws
/// <see cref="SubsetUnsupportedException"/>, and <see cref="TemplateRenderer"/> renders with Handlebars.Net instead,
/// so the output and the errors are always Handlebars.Net's. Tests render every template both ways and compare.
/// </summary>
internal sealed partial class SubsetTemplate
{
    private const int MaxPartialDepth = 16;
    private readonly Node[] nodes;

    private SubsetTemplate(Node[] nodes) => this.nodes = nodes;

    /// <summary>Parses <paramref name="text"/>, or returns null when it uses anything outside the subset.</summary>
    public static SubsetTemplate? TryParse(string text)
    {
        var tokens = Tokenize(text);
        if (tokens is null)
        {
            return null;
        }

        if (!ApplyStandaloneRules(tokens))
        {
            return null;
        }

        var position = 0;
        var body = Build(tokens, ref position, nested: false);
        return body is null || position != tokens.Count ? null : new SubsetTemplate([.. body]);
    }

    /// <summary>Renders against <paramref name="root"/>; partials and helpers come from <paramref name="environment"/>.</summary>
    public string Render(object? root, SubsetEnvironment environment)
    {
        var output = new StringBuilder();
        var scope = new Scope(root, Parent: null, Data: null, Root: root, InPartial: false);
        Write(nodes, scope, output, environment, depth: 0);
        return output.ToString();
    }

    // ---- tree ----------------------------------------------------------------------------------------------------

    private abstract record Node;

    private sealed record TextNode(string Text) : Node;

    private sealed record ValueNode(Expression Expression) : Node;

    private sealed record BlockNode(string Helper, Expression Argument, Node[] Body, Node[]? Inverse) : Node;

    private sealed record PartialNode(string Name, (string Key, Expression Value)[] Hash, string? Indent) : Node;

    /// <summary>Builds a body up to the <c>else</c> or close tag ending it (<paramref name="nested"/>) or the end of the template.</summary>
    private static List<Node>? Build(List<Token> tokens, ref int position, bool nested)
    {
        var nodes = new List<Node>();
        while (position < tokens.Count)
        {
            var token = tokens[position];
            switch (token.Kind)
            {
                case Kind.Text:
                    position++;
                    if (token.Value.Length > 0)
                    {
                        nodes.Add(new TextNode(token.Value));
                    }

                    break;
                case Kind.Value:
                    position++;
                    var expression = ExpressionParser.ParseCall(token.Original);
                    if (expression is null)
                    {
                        return null;
                    }

                    nodes.Add(new ValueNode(expression));
                    break;
                case Kind.Partial:
                    position++;
                    var partial = ExpressionParser.ParsePartial(token.Original, token.Indent);
                    if (partial is null)
                    {
                        return null;
                    }

                    nodes.Add(partial);
                    break;
                case Kind.Open:
                    position++;
                    var block = BuildBlock(tokens, ref position, token.Original);
                    if (block is null)
                    {
                        return null;
                    }

                    nodes.Add(block);
                    break;
                case Kind.Else or Kind.Close:
                    // Ends the enclosing body; the caller checks what it is.
                    return nested ? nodes : null;
            }
        }

        return nested ? null : nodes;
    }

    private static BlockNode? BuildBlock(List<Token> tokens, ref int position, string opening)
    {
        var space = opening.IndexOf(' ', StringComparison.Ordinal);
        var helper = space < 0 ? opening : opening[..space];
        if (helper is not ("if" or "unless" or "each") || space < 0)
        {
            return null;
        }

        var argument = ExpressionParser.ParseArgument(opening[(space + 1)..]);
        var body = Build(tokens, ref position, nested: true);
        if (argument is null || body is null || position >= tokens.Count)
        {
            return null;
        }

        List<Node>? inverse = null;
        if (tokens[position].Kind == Kind.Else)
        {
            position++;
            inverse = Build(tokens, ref position, nested: true);
            if (inverse is null || position >= tokens.Count || tokens[position].Kind != Kind.Close)
            {
                return null;
            }
        }

        if (tokens[position].Original != helper)
        {
            return null;
        }

        position++;
        return new BlockNode(helper, argument, [.. body], inverse is null ? null : [.. inverse]);
    }

    // ---- rendering -------------------------------------------------------------------------------------------------

    /// <summary>One context on the stack: the value <c>this</c> names, the enclosing scope and the loop's data.</summary>
    private sealed record Scope(object? Context, Scope? Parent, LoopData? Data, object? Root, bool InPartial);

    /// <summary>What <c>@index</c>, <c>@first</c>, <c>@last</c> and <c>@key</c> name inside an <c>#each</c>.</summary>
    private sealed record LoopData(int Index, bool First, bool Last, string? Key);

    /// <summary>A partial's context: its hash over the caller's context, without copying the caller's entries.</summary>
    private sealed class PartialContext(Dictionary<string, object?> hash, object? caller)
    {
        public bool TryGetValue(string key, out object? value) => hash.TryGetValue(key, out value) || TryGetMember(caller, key, out value);
    }

    /// <summary>Looks a name up in a map or a partial's context; anything else has no members in the subset.</summary>
    private static bool TryGetMember(object? context, string key, out object? value)
    {
        switch (context)
        {
            case IDictionary<string, object?> map:
                return map.TryGetValue(key, out value);
            case PartialContext partial:
                return partial.TryGetValue(key, out value);
            default:
                value = null;
                return false;
        }
    }

    private static void Write(Node[] nodes, Scope scope, StringBuilder output, SubsetEnvironment environment, int depth)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case TextNode text:
                    output.Append(text.Text);
                    break;
                case ValueNode value:
                    output.Append(Format(Evaluate(value.Expression, scope, environment)));
                    break;
                case BlockNode block:
                    WriteBlock(block, scope, output, environment, depth);
                    break;
                case PartialNode partial:
                    WritePartial(partial, scope, output, environment, depth);
                    break;
            }
        }
    }

    private static void WriteBlock(BlockNode block, Scope scope, StringBuilder output, SubsetEnvironment environment, int depth)
    {
        var value = Evaluate(block.Argument, scope, environment);
        if (block.Helper != "each")
        {
            var chosen = IsTruthy(value) == (block.Helper == "if") ? block.Body : block.Inverse;
            if (chosen is not null)
            {
                Write(chosen, scope, output, environment, depth);
            }

            return;
        }

        var wrote = false;
        if (value is IDictionary<string, object?> map)
        {
            var index = 0;
            foreach (var (key, item) in map)
            {
                var data = new LoopData(index, index == 0, index == map.Count - 1, key);
                Write(block.Body, new Scope(item, scope, data, scope.Root, scope.InPartial), output, environment, depth);
                index++;
                wrote = true;
            }
        }
        else if (value is IList list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                Write(block.Body, new Scope(list[i], scope, new LoopData(i, i == 0, i == list.Count - 1, Key: null), scope.Root, scope.InPartial), output, environment, depth);
                wrote = true;
            }
        }
        else
        {
            throw new SubsetUnsupportedException();
        }

        if (!wrote && block.Inverse is not null)
        {
            Write(block.Inverse, scope, output, environment, depth);
        }
    }

    private static void WritePartial(PartialNode partial, Scope scope, StringBuilder output, SubsetEnvironment environment, int depth)
    {
        if (depth >= MaxPartialDepth || environment.Partial(partial.Name) is not { } template)
        {
            throw new SubsetUnsupportedException();
        }

        // The partial sees the hash over the current context (only a map's entries show through).
        var hash = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in partial.Hash)
        {
            hash[key] = Evaluate(value, scope, environment);
        }

        var context = new PartialContext(hash, scope.Context);

        var rendered = new StringBuilder();
        Write(template.nodes, new Scope(context, Parent: null, Data: null, scope.Root, InPartial: true), rendered, environment, depth + 1);
        if (partial.Indent is null)
        {
            output.Append(rendered);
            return;
        }

        // Every line of the output is indented, except the empty one after a final line break.
        var text = rendered.ToString();
        var start = 0;
        while (start < text.Length)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline + 1;
            output.Append(partial.Indent).Append(text, start, end - start);
            start = end;
        }
    }

    private static object? Evaluate(Expression expression, Scope scope, SubsetEnvironment environment)
    {
        switch (expression)
        {
            case Literal literal:
                return literal.Value;
            case Call call:
                var arguments = new object?[call.Arguments.Length];
                for (var i = 0; i < arguments.Length; i++)
                {
                    arguments[i] = Evaluate(call.Arguments[i], scope, environment);
                }

                return SubsetEnvironment.Invoke(call.Helper, arguments);
            case PathExpression path:
                return Resolve(path, scope);
            default:
                throw new SubsetUnsupportedException();
        }
    }

    private static object? Resolve(PathExpression path, Scope scope)
    {
        if (path.DataName is not null)
        {
            // Loop data inside a partial, or outside any loop, is not in the subset.
            return scope is { InPartial: false, Data: { } data }
                ? path.DataName switch
                {
                    "index" => data.Index,
                    "first" => data.First,
                    "last" => data.Last,
                    _ => data.Key ?? throw new SubsetUnsupportedException(),
                }
                : throw new SubsetUnsupportedException();
        }

        object? value;
        if (path.FromRoot)
        {
            value = scope.Root;
        }
        else
        {
            var target = scope;
            for (var i = 0; i < path.Up; i++)
            {
                target = target.Parent ?? throw new SubsetUnsupportedException();
            }

            value = target.Context;
        }

        foreach (var segment in path.Segments)
        {
            // A missing key is an error in strict mode: Handlebars.Net raises it with its own message.
            if (!TryGetMember(value, segment, out value))
            {
                throw new SubsetUnsupportedException();
            }
        }

        return value;
    }

    /// <summary>Handlebars' truthiness: null, false, empty text, zero and empty lists are false.</summary>
    private static bool IsTruthy(object? value) => value switch
    {
        null => false,
        bool flag => flag,
        string text => text.Length > 0,
        int number => number != 0,
        ICollection collection => collection.Count > 0,
        IDictionary<string, object?> or PartialContext => true,
        _ => throw new SubsetUnsupportedException(),
    };

    /// <summary>How Handlebars.Net writes a value: text as is, nothing for null, <c>True</c>/<c>False</c>, numbers invariant.</summary>
    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        bool flag => flag ? "True" : "False",
        int number => number.ToString(CultureInfo.InvariantCulture),
        _ => throw new SubsetUnsupportedException(),
    };
}

/// <summary>Raised while rendering a <see cref="SubsetTemplate"/> that meets something outside the subset.</summary>
internal sealed class SubsetUnsupportedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SubsetUnsupportedException()
        : base("outside the Handlebars subset")
    {
    }
}
