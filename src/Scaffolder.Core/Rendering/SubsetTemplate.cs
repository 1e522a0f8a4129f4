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
internal sealed class SubsetTemplate
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

    // ---- tokens ------------------------------------------------------------------------------------------------

    private enum Kind
    {
        Text,
        Value,
        Open,
        Else,
        Close,
        Partial,
    }

    private sealed class Token(Kind kind, string text)
    {
        public Kind Kind { get; } = kind;

        /// <summary>Text as written (for Text tokens) or the tag's inside (for tags).</summary>
        public string Original { get; } = text;

        /// <summary>Text after standalone stripping.</summary>
        public string Value { get; set; } = text;

        public bool LeftStripped { get; set; }

        public bool RightStripped { get; set; }

        public string? Indent { get; set; }
    }

    private static List<Token>? Tokenize(string text)
    {
        var tokens = new List<Token>();
        var pending = new StringBuilder();
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf("{{", position, StringComparison.Ordinal);
            if (open < 0)
            {
                pending.Append(text, position, text.Length - position);
                break;
            }

            var backslashes = 0;
            while (open - backslashes - 1 >= position && text[open - backslashes - 1] == '\\')
            {
                backslashes++;
            }

            if (backslashes == 1)
            {
                // \{{ is a literal {{ (Handlebars' escaped mustache).
                pending.Append(text, position, open - 1 - position).Append("{{");
                position = open + 2;
                continue;
            }

            if (backslashes == 2)
            {
                // \\{{x}} is one backslash, then the mustache.
                pending.Append(text, position, open - 1 - position);
            }
            else if (backslashes > 2)
            {
                return null;
            }
            else
            {
                pending.Append(text, position, open - position);
            }

            var close = CloseOf(text, open + 2);
            if (close < 0)
            {
                return null;
            }

            var inside = text[(open + 2)..close];
            var tag = Classify(inside);
            if (tag is null)
            {
                return null;
            }

            if (pending.Length > 0)
            {
                tokens.Add(new Token(Kind.Text, pending.ToString()));
                pending.Clear();
            }

            tokens.Add(tag);
            position = close + 2;
        }

        if (pending.Length > 0)
        {
            tokens.Add(new Token(Kind.Text, pending.ToString()));
        }

        return tokens;
    }

    /// <summary>The index of the <c>}}</c> closing a tag whose inside starts at <paramref name="start"/>, skipping quoted strings.</summary>
    private static int CloseOf(string text, int start)
    {
        for (var i = start; i < text.Length - 1; i++)
        {
            var c = text[i];
            if (c is '"' or '\'')
            {
                var end = text.IndexOf(c, i + 1);
                if (end < 0)
                {
                    return -1;
                }

                i = end;
            }
            else if (c == '}' && text[i + 1] == '}')
            {
                return i;
            }
        }

        return -1;
    }

    private static Token? Classify(string inside)
    {
        if (inside.Length == 0 || inside[0] == '{' || inside.Contains('~', StringComparison.Ordinal))
        {
            return null;
        }

        var trimmed = inside.Trim();
        return inside[0] switch
        {
            '#' => new Token(Kind.Open, inside[1..].Trim()),
            '/' => new Token(Kind.Close, inside[1..].Trim()),
            '>' => new Token(Kind.Partial, inside[1..].Trim()),
            '!' or '^' or '&' or '*' or '=' => null,
            _ when trimmed == "else" => new Token(Kind.Else, "else"),
            _ when trimmed.StartsWith("else ", StringComparison.Ordinal) => null,
            _ => new Token(Kind.Value, trimmed),
        };
    }

    // ---- standalone lines (handlebars.js WhitespaceControl, applied to the flat token list) -----------------------

    /// <summary>Strips standalone lines; false when a corner where Handlebars.Net departs from handlebars.js is met.</summary>
    private static bool ApplyStandaloneRules(List<Token> tokens)
    {
        var last = tokens.Count - 1;
        for (var i = 0; i <= last; i++)
        {
            var token = tokens[i];
            if (token.Kind is Kind.Text or Kind.Value)
            {
                continue;
            }

            var before = i > 0 ? tokens[i - 1] : null;
            var after = i < last ? tokens[i + 1] : null;
            var startsLine = i == 0 || (before is { Kind: Kind.Text } && EndsWithBlankLine(before.Original, atStart: i - 1 == 0));
            var endsLine = i == last || (after is { Kind: Kind.Text } && StartsWithBlankLine(after.Original, atEnd: i + 1 == last));
            switch (token.Kind)
            {
                case Kind.Open:
                    // The block's first content must start with a line break (an empty body never qualifies).
                    if (startsLine && after is { Kind: Kind.Text } && StartsWithBlankLine(after.Original, atEnd: false))
                    {
                        StripRight(after);
                        StripLeft(before);
                    }

                    break;
                case Kind.Close:
                    if (endsLine && before is { Kind: Kind.Text } && EndsWithBlankLine(before.Original, atStart: false))
                    {
                        StripRight(after);
                        StripLeft(before);
                    }

                    break;
                case Kind.Else:
                    if (before is { Kind: Kind.Text } && EndsWithBlankLine(before.Original, atStart: false)
                        && after is { Kind: Kind.Text } && StartsWithBlankLine(after.Original, atEnd: false))
                    {
                        StripLeft(before);
                        StripRight(after);
                    }

                    break;
                case Kind.Partial:
                    if (startsLine && endsLine)
                    {
                        if (before is not null && EndsWithSpacedLineBreak(before.Original))
                        {
                            // Handlebars.Net indents such a partial by the previous line's trailing blanks, unlike
                            // handlebars.js; leave that corner to it rather than copy it.
                            return false;
                        }

                        StripRight(after);
                        if (StripLeft(before))
                        {
                            var original = before!.Original;
                            var start = original.Length;
                            while (start > 0 && original[start - 1] is ' ' or '\t')
                            {
                                start--;
                            }

                            token.Indent = original[start..];
                        }
                    }

                    break;
            }
        }

        return true;
    }

    /// <summary>Whether the text ends with spaces or tabs and then one line break.</summary>
    private static bool EndsWithSpacedLineBreak(string text)
    {
        var end = text.EndsWith("\r\n", StringComparison.Ordinal) ? text.Length - 2 : text.EndsWith('\n') ? text.Length - 1 : -1;
        return end > 0 && text[end - 1] is ' ' or '\t';
    }

    /// <summary>Whether the text after its last line break (or all of it, at the template's start) is blank.</summary>
    private static bool EndsWithBlankLine(string text, bool atStart)
    {
        var newline = text.LastIndexOf('\n');
        if (newline < 0 && !atStart)
        {
            return false;
        }

        for (var i = newline + 1; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the text before its first line break (or all of it, at the template's end) is blank.</summary>
    private static bool StartsWithBlankLine(string text, bool atEnd)
    {
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        if (newline < 0 && !atEnd)
        {
            return false;
        }

        var end = newline < 0 ? text.Length : newline;
        for (var i = 0; i < end; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Removes leading spaces and tabs and one line break (once per token).</summary>
    private static void StripRight(Token? token)
    {
        if (token is not { Kind: Kind.Text } || token.RightStripped)
        {
            return;
        }

        var value = token.Value;
        var i = 0;
        while (i < value.Length && value[i] is ' ' or '\t')
        {
            i++;
        }

        if (i < value.Length && value[i] == '\r' && i + 1 < value.Length && value[i + 1] == '\n')
        {
            i += 2;
        }
        else if (i < value.Length && value[i] == '\n')
        {
            i++;
        }

        token.Value = value[i..];
        token.RightStripped = i > 0;
    }

    /// <summary>Removes trailing spaces and tabs (once per token); true when something was removed.</summary>
    private static bool StripLeft(Token? token)
    {
        if (token is not { Kind: Kind.Text } || token.LeftStripped)
        {
            return false;
        }

        var value = token.Value;
        var end = value.Length;
        while (end > 0 && value[end - 1] is ' ' or '\t')
        {
            end--;
        }

        token.Value = value[..end];
        token.LeftStripped = end < value.Length;
        return token.LeftStripped;
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

    // ---- expressions -----------------------------------------------------------------------------------------------

    private abstract record Expression;

    private sealed record Literal(object Value) : Expression;

    /// <summary>A path: <c>Up</c> contexts out (<c>../</c>), from the root (<c>@root</c>) or a data variable (<c>@first</c>).</summary>
    private sealed record PathExpression(int Up, bool FromRoot, string? DataName, string[] Segments) : Expression;

    private sealed record Call(string Helper, Expression[] Arguments) : Expression;

    private static class ExpressionParser
    {
        /// <summary>A mustache's inside: a path alone, or a helper with arguments.</summary>
        public static Expression? ParseCall(string text)
        {
            var parts = Split(text);
            if (parts is null || parts.Count == 0)
            {
                return null;
            }

            if (parts.Count == 1)
            {
                // A lone helper name would be a call without arguments: not in the subset.
                return SubsetEnvironment.IsHelper(parts[0]) ? null : ParseArgument(parts[0]);
            }

            return CallOf(parts);
        }

        /// <summary>A partial's inside: its name, then <c>key=value</c> pairs.</summary>
        public static PartialNode? ParsePartial(string text, string? indent)
        {
            var parts = Split(text);
            if (parts is null || parts.Count == 0 || !IsIdentifier(parts[0]))
            {
                return null;
            }

            var hash = new (string, Expression)[parts.Count - 1];
            for (var i = 1; i < parts.Count; i++)
            {
                var equals = parts[i].IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0 || !IsIdentifier(parts[i][..equals]) || ParseArgument(parts[i][(equals + 1)..]) is not { } value)
                {
                    return null;
                }

                hash[i - 1] = (parts[i][..equals], value);
            }

            return new PartialNode(parts[0], hash, indent);
        }

        /// <summary>One argument: a literal, a path or a parenthesised subexpression.</summary>
        public static Expression? ParseArgument(string text)
        {
            text = text.Trim();
            if (text.Length == 0)
            {
                return null;
            }

            if (text[0] == '(')
            {
                return text[^1] == ')' && Split(text[1..^1]) is { Count: > 1 } parts ? CallOf(parts) : null;
            }

            if (text[0] is '"' or '\'')
            {
                return text.Length >= 2 && text[^1] == text[0] && text.IndexOf('\\', StringComparison.Ordinal) < 0
                    && text.IndexOf(text[0], 1) == text.Length - 1
                    ? new Literal(text[1..^1])
                    : null;
            }

            if (text is "true" or "false")
            {
                return new Literal(text == "true");
            }

            if (char.IsAsciiDigit(text[0]) || text[0] == '-')
            {
                return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? new Literal(number) : null;
            }

            return ParsePath(text);
        }

        private static Call? CallOf(List<string> parts)
        {
            if (!SubsetEnvironment.IsHelper(parts[0]))
            {
                return null;
            }

            var arguments = new Expression[parts.Count - 1];
            for (var i = 1; i < parts.Count; i++)
            {
                if (parts[i].Contains('=', StringComparison.Ordinal) && parts[i][0] is not ('"' or '\'' or '('))
                {
                    return null; // hash arguments to helpers are not in the subset
                }

                if (ParseArgument(parts[i]) is not { } argument)
                {
                    return null;
                }

                arguments[i - 1] = argument;
            }

            return new Call(parts[0], arguments);
        }

        private static PathExpression? ParsePath(string text)
        {
            var up = 0;
            while (text.StartsWith("../", StringComparison.Ordinal))
            {
                up++;
                text = text[3..];
            }

            string? dataName = null;
            var fromRoot = false;
            var segments = text.Split('.');
            if (segments[0].StartsWith('@'))
            {
                if (up > 0)
                {
                    return null;
                }

                if (segments[0] == "@root")
                {
                    fromRoot = true;
                }
                else if (segments.Length == 1 && segments[0] is "@index" or "@first" or "@last" or "@key")
                {
                    dataName = segments[0][1..];
                }
                else
                {
                    return null;
                }

                segments = segments[1..];
            }
            else if (segments[0] == "this")
            {
                segments = segments[1..];
            }

            foreach (var segment in segments)
            {
                if (!IsIdentifier(segment) || segment == "this")
                {
                    return null;
                }
            }

            return new PathExpression(up, fromRoot, dataName, segments);
        }

        private static bool IsIdentifier(string text)
        {
            if (text.Length == 0)
            {
                return false;
            }

            foreach (var c in text)
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Splits on whitespace outside quotes and parentheses; null when they do not balance.</summary>
        private static List<string>? Split(string text)
        {
            var parts = new List<string>();
            var depth = 0;
            var start = -1;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (start < 0 && !char.IsWhiteSpace(c))
                {
                    start = i;
                }

                if (c is '"' or '\'')
                {
                    var end = text.IndexOf(c, i + 1);
                    if (end < 0)
                    {
                        return null;
                    }

                    i = end;
                }
                else if (c == '(')
                {
                    depth++;
                }
                else if (c == ')')
                {
                    if (--depth < 0)
                    {
                        return null;
                    }
                }
                else if (char.IsWhiteSpace(c) && depth == 0 && start >= 0)
                {
                    parts.Add(text[start..i]);
                    start = -1;
                }
            }

            if (depth != 0)
            {
                return null;
            }

            if (start >= 0)
            {
                parts.Add(text[start..]);
            }

            return parts;
        }
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

/// <summary>The partials and helpers a <see cref="SubsetTemplate"/> renders with.</summary>
internal sealed class SubsetEnvironment(IReadOnlyDictionary<string, string> partials)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, SubsetTemplate?> parsed = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="name"/> is a helper.</summary>
    public static bool IsHelper(string name) => TemplateHelpers.All.ContainsKey(name);

    /// <summary>The parsed partial, or null when it does not exist or is outside the subset.</summary>
    public SubsetTemplate? Partial(string name) =>
        partials.TryGetValue(name, out var text) ? parsed.GetOrAdd(name, _ => SubsetTemplate.TryParse(text)) : null;

    /// <summary>Calls a helper; a helper that fails (too few arguments, a bad number) leaves the error to Handlebars.Net.</summary>
    public static object? Invoke(string helper, object?[] arguments)
    {
        try
        {
            return TemplateHelpers.All[helper](arguments);
        }
        catch (Exception ex) when (ex is IndexOutOfRangeException or FormatException or OverflowException or ArgumentException or InvalidCastException)
        {
            throw new SubsetUnsupportedException();
        }
    }
}
