using System.Globalization;
using System.Text;

namespace Scaffolder.Core.Check.Flux;

/// <summary>
/// The subset of Go <c>text/template</c> that flux-operator ResourceSets use, with its <c>&lt;&lt;</c> and
/// <c>&gt;&gt;</c> delimiters: actions with pipelines, <c>if</c>/<c>else if</c>/<c>else</c>, <c>range</c> (with
/// <c>$v :=</c> or <c>$i, $v :=</c>), <c>with</c>, trim markers (<c>&lt;&lt;-</c>, <c>-&gt;&gt;</c>), comments, and the
/// sprig functions these repositories call (see <see cref="Call"/>). Values are the plain data of a ResourceSet
/// input: dictionaries, lists, strings, numbers, booleans and null. A missing field renders as empty, never an error.
/// </summary>
public sealed class GoTemplate
{
    private const string Open = "<<";
    private const string Close = ">>";
    private readonly List<Node> parsedNodes;

    private GoTemplate(List<Node> nodes) => parsedNodes = nodes;

    /// <summary>Parses <paramref name="text"/>; throws <see cref="TemplateException"/> on a syntax error.</summary>
    public static GoTemplate Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = Tokenize(text);
        var position = 0;
        var nodes = ParseList(tokens, ref position, out var end);
        return end is null ? new GoTemplate(nodes) : throw new TemplateException($"unexpected '{end}'");
    }

    /// <summary>Renders the template with <paramref name="inputs"/> as <c>inputs</c> (and as <c>.</c>).</summary>
    public string Render(IReadOnlyDictionary<string, object?> inputs)
    {
        var output = new StringBuilder();
        var scope = new Scope(inputs, null);
        scope.Set("$", inputs);
        Execute(parsedNodes, output, scope, inputs);
        return output.ToString();
    }

    // ------------------------------------------------------------------ tokens and parse tree

    private abstract record Node;

    private sealed record TextNode(string Text) : Node;

    private sealed record ActionNode(string Pipeline) : Node;

    private sealed record IfNode(List<(string Condition, List<Node> Body)> Branches, List<Node>? Else, bool IsWith) : Node;

    private sealed record RangeNode(string? IndexVariable, string? ValueVariable, string Pipeline, List<Node> Body, List<Node>? Else) : Node;

    private sealed record Token(bool IsAction, string Text);

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var pending = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf(Open, i, StringComparison.Ordinal);
            if (open < 0)
            {
                pending.Append(text, i, text.Length - i);
                break;
            }

            pending.Append(text, i, open - i);
            var start = open + Open.Length;
            var trimLeft = start + 1 < text.Length && text[start] == '-' && char.IsWhiteSpace(text[start + 1]);
            if (trimLeft)
            {
                start++;
            }

            var close = FindClose(text, start);
            var inner = text[start..close];
            var trimRight = inner.Length >= 2 && inner[^1] == '-' && char.IsWhiteSpace(inner[^2]);
            if (trimRight)
            {
                inner = inner[..^1];
            }

            var pendingText = pending.ToString();
            pending.Clear();
            tokens.Add(new Token(false, trimLeft ? pendingText.TrimEnd() : pendingText));
            i = close + Close.Length;
            if (trimRight)
            {
                while (i < text.Length && char.IsWhiteSpace(text[i]))
                {
                    i++;
                }
            }

            inner = inner.Trim();
            if (!(inner.StartsWith("/*", StringComparison.Ordinal) && inner.EndsWith("*/", StringComparison.Ordinal)))
            {
                tokens.Add(new Token(true, inner));
            }
        }

        tokens.Add(new Token(false, pending.ToString()));
        return tokens;
    }

    private static int FindClose(string text, int start)
    {
        var quote = '\0';
        for (var i = start; i < text.Length - 1; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                if (c == '\\' && quote == '"')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '`' or '\'')
            {
                quote = c;
            }
            else if (c == '>' && text[i + 1] == '>')
            {
                return i;
            }
        }

        throw new TemplateException("unclosed action '<<'");
    }

    private static List<Node> ParseList(List<Token> tokens, ref int position, out string? end)
    {
        var nodes = new List<Node>();
        while (position < tokens.Count)
        {
            var token = tokens[position++];
            if (!token.IsAction)
            {
                if (token.Text.Length > 0)
                {
                    nodes.Add(new TextNode(token.Text));
                }

                continue;
            }

            var (keyword, rest) = SplitKeyword(token.Text);
            switch (keyword)
            {
                case "end" or "else":
                    end = token.Text;
                    return nodes;
                case "if" or "with":
                    nodes.Add(ParseIf(tokens, ref position, rest, keyword == "with"));
                    break;
                case "range":
                    nodes.Add(ParseRange(tokens, ref position, rest));
                    break;
                case "define" or "template" or "block":
                    throw new TemplateException($"'{keyword}' is not supported offline");
                default:
                    nodes.Add(new ActionNode(token.Text));
                    break;
            }
        }

        end = null;
        return nodes;
    }

    private static IfNode ParseIf(List<Token> tokens, ref int position, string condition, bool isWith)
    {
        var branches = new List<(string, List<Node>)>();
        List<Node>? otherwise = null;
        while (true)
        {
            var body = ParseList(tokens, ref position, out var end);
            branches.Add((condition, body));
            if (end is null)
            {
                throw new TemplateException("missing '<< end >>'");
            }

            if (end == "end")
            {
                break;
            }

            var (_, afterElse) = SplitKeyword(end);
            var (nested, nestedCondition) = SplitKeyword(afterElse);
            if (nested is "if" or "with")
            {
                condition = nestedCondition;
                continue;
            }

            otherwise = ParseList(tokens, ref position, out end);
            if (end != "end")
            {
                throw new TemplateException("missing '<< end >>' after '<< else >>'");
            }

            break;
        }

        return new IfNode(branches, otherwise, isWith);
    }

    private static RangeNode ParseRange(List<Token> tokens, ref int position, string clause)
    {
        string? index = null;
        string? value = null;
        var pipeline = clause;
        var assign = clause.IndexOf(":=", StringComparison.Ordinal);
        if (assign >= 0)
        {
            var variables = clause[..assign].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            pipeline = clause[(assign + 2)..].Trim();
            (index, value) = variables.Length == 2 ? (variables[0], variables[1]) : (null, variables[0]);
        }

        var body = ParseList(tokens, ref position, out var end);
        List<Node>? otherwise = null;
        if (end == "else")
        {
            otherwise = ParseList(tokens, ref position, out end);
        }

        return end == "end" ? new RangeNode(index, value, pipeline, body, otherwise) : throw new TemplateException("missing '<< end >>' after '<< range >>'");
    }

    private static (string Keyword, string Remainder) SplitKeyword(string action)
    {
        var space = action.IndexOfAny([' ', '\t', '\n']);
        return space < 0 ? (action, string.Empty) : (action[..space], action[(space + 1)..].Trim());
    }

    // ------------------------------------------------------------------ execution

    private sealed class Scope(IReadOnlyDictionary<string, object?> inputs, Scope? parent)
    {
        private readonly Dictionary<string, object?> variables = new(StringComparer.Ordinal);

        public IReadOnlyDictionary<string, object?> Inputs { get; } = inputs;

        public void Set(string name, object? value) => variables[name] = value;

        public object? Get(string name) =>
            variables.TryGetValue(name, out var value) ? value
            : parent is not null ? parent.Get(name)
            : throw new TemplateException($"undefined variable {name}");

        public Scope Child() => new(Inputs, this);
    }

    private void Execute(List<Node> nodes, StringBuilder output, Scope scope, object? dot)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case TextNode text:
                    output.Append(text.Text);
                    break;
                case ActionNode action:
                    var assign = FindAssignment(action.Pipeline);
                    if (assign >= 0)
                    {
                        scope.Set(action.Pipeline[..assign].Trim(), new Evaluator(scope, dot).Pipeline(action.Pipeline[(assign + 2)..]));
                    }
                    else
                    {
                        output.Append(Print(new Evaluator(scope, dot).Pipeline(action.Pipeline)));
                    }

                    break;
                case IfNode branch:
                    ExecuteIf(branch, output, scope, dot);
                    break;
                case RangeNode range:
                    ExecuteRange(range, output, scope, dot);
                    break;
            }
        }
    }

    /// <summary>The offset of <c>:=</c> in <c>$name := pipeline</c>, or -1 when the action is not a declaration.</summary>
    private static int FindAssignment(string pipeline)
    {
        var at = pipeline.IndexOf(":=", StringComparison.Ordinal);
        return pipeline.StartsWith('$') && at > 0 && !pipeline[..at].Trim().Contains(' ', StringComparison.Ordinal) ? at : -1;
    }

    private void ExecuteIf(IfNode node, StringBuilder output, Scope scope, object? dot)
    {
        foreach (var (condition, body) in node.Branches)
        {
            var value = new Evaluator(scope, dot).Pipeline(condition);
            if (IsTrue(value))
            {
                Execute(body, output, scope.Child(), node.IsWith ? value : dot);
                return;
            }
        }

        if (node.Else is not null)
        {
            Execute(node.Else, output, scope.Child(), dot);
        }
    }

    private void ExecuteRange(RangeNode node, StringBuilder output, Scope scope, object? dot)
    {
        var value = new Evaluator(scope, dot).Pipeline(node.Pipeline);
        var items = value switch
        {
            IReadOnlyList<object?> list => list.Select((v, i) => ((object?)(long)i, v)).ToList(),
            IReadOnlyDictionary<string, object?> map => map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => ((object?)p.Key, p.Value)).ToList(),
            long count => Enumerable.Range(0, (int)count).Select(i => ((object?)(long)i, (object?)(long)i)).ToList(),
            null => [],
            _ => throw new TemplateException($"range over {Print(value)}"),
        };
        if (items.Count == 0)
        {
            if (node.Else is not null)
            {
                Execute(node.Else, output, scope.Child(), dot);
            }

            return;
        }

        foreach (var (index, item) in items)
        {
            var child = scope.Child();
            if (node.IndexVariable is not null)
            {
                child.Set(node.IndexVariable, index);
            }

            if (node.ValueVariable is not null)
            {
                child.Set(node.ValueVariable, item);
            }

            Execute(node.Body, output, child, item);
        }
    }

    /// <summary>Go template truth: false, 0, nil, and empty strings, lists and maps are false.</summary>
    internal static bool IsTrue(object? value) => value switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0,
        long l => l != 0,
        double d => d != 0,
        IReadOnlyList<object?> list => list.Count > 0,
        IReadOnlyDictionary<string, object?> map => map.Count > 0,
        _ => true,
    };

    /// <summary>How Go prints a value in an action.</summary>
    internal static string Print(object? value) => value switch
    {
        null => string.Empty,
        bool b => b ? "true" : "false",
        string s => s,
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString(CultureInfo.InvariantCulture),
        IReadOnlyList<object?> list => "[" + string.Join(' ', list.Select(Print)) + "]",
        IReadOnlyDictionary<string, object?> map => "map[" + string.Join(' ', map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + ":" + Print(p.Value))) + "]",
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>Evaluates one pipeline: commands separated by <c>|</c>, each one's result the last argument of the next.</summary>
    private sealed class Evaluator(Scope scope, object? dot)
    {
        private string source = string.Empty;
        private int position;

        public object? Pipeline(string text)
        {
            var saved = (source, position);
            (source, position) = (text, 0);
            var value = ReadPipeline(')');
            SkipSpace();
            if (position < source.Length)
            {
                throw new TemplateException($"unexpected '{source[position..]}' in '{text}'");
            }

            (source, position) = saved;
            return value;
        }

        private object? ReadPipeline(char terminator)
        {
            object? value = null;
            var first = true;
            while (true)
            {
                var arguments = new List<object?>();
                string? function = null;
                SkipSpace();
                while (position < source.Length && source[position] != '|' && source[position] != terminator)
                {
                    if (arguments.Count == 0 && function is null && IsIdentifierStart(source[position]) && ReadIdentifierAhead() is { } name && !IsDataRoot(name))
                    {
                        function = name;
                        position += name.Length;
                    }
                    else
                    {
                        arguments.Add(ReadOperand());
                    }

                    SkipSpace();
                }

                if (!first)
                {
                    arguments.Add(value);
                }

                value = function is not null ? Call(function, arguments)
                    : arguments.Count == 1 ? arguments[0]
                    : throw new TemplateException($"cannot evaluate '{source}'");
                first = false;
                if (position < source.Length && source[position] == '|')
                {
                    position++;
                    continue;
                }

                return value;
            }
        }

        private static bool IsDataRoot(string name) => name is "inputs" or "true" or "false" or "nil";

        private string? ReadIdentifierAhead()
        {
            var end = position;
            while (end < source.Length && (char.IsLetterOrDigit(source[end]) || source[end] == '_'))
            {
                end++;
            }

            return end < source.Length && source[end] == '.' ? null : source[position..end];
        }

        private static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_';

        private object? ReadOperand()
        {
            var c = source[position];
            object? value;
            if (c == '(')
            {
                position++;
                value = ReadPipeline(')');
                Expect(')');
            }
            else if (c is '"' or '`')
            {
                value = ReadString();
            }
            else if (c == '\'')
            {
                position++;
                value = (long)source[position];
                position += 2;
            }
            else if (char.IsDigit(c) || (c == '-' && position + 1 < source.Length && char.IsDigit(source[position + 1])))
            {
                value = ReadNumber();
            }
            else if (c == '$')
            {
                var name = ReadName(1);
                value = scope.Get(name);
            }
            else if (c == '.')
            {
                value = dot;
            }
            else
            {
                var name = ReadName(0);
                value = name switch
                {
                    "inputs" => scope.Inputs,
                    "true" => true,
                    "false" => false,
                    "nil" => null,
                    _ => throw new TemplateException($"unknown identifier '{name}'"),
                };
            }

            while (position < source.Length && source[position] == '.' && position + 1 < source.Length && (char.IsLetter(source[position + 1]) || source[position + 1] == '_'))
            {
                position++;
                var field = ReadName(0);
                value = value is IReadOnlyDictionary<string, object?> map && map.TryGetValue(field, out var inner) ? inner : null;
            }

            if (c == '.' && position < source.Length && source[position] == '.')
            {
                position++;
            }

            return value;
        }

        private string ReadName(int prefix)
        {
            var start = position;
            position += prefix;
            while (position < source.Length && (char.IsLetterOrDigit(source[position]) || source[position] == '_'))
            {
                position++;
            }

            return source[start..position];
        }

        private string ReadString()
        {
            var quote = source[position++];
            var builder = new StringBuilder();
            while (position < source.Length && source[position] != quote)
            {
                var c = source[position++];
                if (c == '\\' && quote == '"' && position < source.Length)
                {
                    var escaped = source[position++];
                    builder.Append(escaped switch { 'n' => '\n', 't' => '\t', _ => escaped });
                }
                else
                {
                    builder.Append(c);
                }
            }

            Expect(quote);
            return builder.ToString();
        }

        private object ReadNumber()
        {
            var start = position;
            position++;
            while (position < source.Length && (char.IsDigit(source[position]) || source[position] == '.'))
            {
                position++;
            }

            var text = source[start..position];
            return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? (object)l
                : double.Parse(text, CultureInfo.InvariantCulture);
        }

        private void Expect(char c)
        {
            if (position >= source.Length || source[position] != c)
            {
                throw new TemplateException($"expected '{c}' in '{source}'");
            }

            position++;
        }

        private void SkipSpace()
        {
            while (position < source.Length && char.IsWhiteSpace(source[position]))
            {
                position++;
            }
        }
    }

    /// <summary>The functions of Go templates and sprig that ResourceSets call.</summary>
    private static object? Call(string name, List<object?> a)
    {
        string S(int i) => Print(a[i]);
        return name switch
        {
            "default" => a.Count == 2 ? (IsTrue(a[1]) ? a[1] : a[0]) : a.Count == 1 ? a[0] : throw Arity(name),
            "quote" => string.Join(' ', a.Select(v => "\"" + Print(v).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"")),
            "squote" => string.Join(' ', a.Select(v => "'" + Print(v) + "'")),
            "lower" => S(0).ToLowerInvariant(),
            "upper" => S(0).ToUpperInvariant(),
            "trim" => S(0).Trim(),
            "trimPrefix" => S(1).StartsWith(S(0), StringComparison.Ordinal) ? S(1)[S(0).Length..] : S(1),
            "trimSuffix" => S(1).EndsWith(S(0), StringComparison.Ordinal) ? S(1)[..^S(0).Length] : S(1),
            "replace" => S(2).Replace(S(0), S(1), StringComparison.Ordinal),
            "hasPrefix" => S(1).StartsWith(S(0), StringComparison.Ordinal),
            "hasSuffix" => S(1).EndsWith(S(0), StringComparison.Ordinal),
            "contains" => S(1).Contains(S(0), StringComparison.Ordinal),
            "toString" => S(0),
            "printf" => Printf(S(0), a.Skip(1).ToList()),
            "print" => string.Concat(a.Select(Print)),
            "join" => string.Join(S(0), (a[1] as IReadOnlyList<object?> ?? []).Select(Print)),
            "split" or "splitList" => S(1).Split(S(0)).Select(p => (object?)p).ToList(),
            "list" => a.ToList(),
            "dict" => Enumerable.Range(0, a.Count / 2).ToDictionary(i => S(2 * i), i => a[(2 * i) + 1], StringComparer.Ordinal),
            "get" => a[0] is IReadOnlyDictionary<string, object?> m && m.TryGetValue(S(1), out var got) ? got : string.Empty,
            "hasKey" => a[0] is IReadOnlyDictionary<string, object?> m2 && m2.ContainsKey(S(1)),
            "index" => a.Skip(1).Aggregate(a[0], (v, k) => v switch
            {
                IReadOnlyDictionary<string, object?> m3 => m3.TryGetValue(Print(k), out var x) ? x : null,
                IReadOnlyList<object?> l when k is long i && i >= 0 && i < l.Count => l[(int)i],
                _ => null,
            }),
            "len" => (long)(a[0] switch { string s => s.Length, IReadOnlyList<object?> l => l.Count, IReadOnlyDictionary<string, object?> m4 => m4.Count, _ => 0 }),
            "empty" => !IsTrue(a[0]),
            "not" => !IsTrue(a[0]),
            "and" => a.FirstOrDefault(v => !IsTrue(v), a[^1]),
            "or" => a.FirstOrDefault(IsTrue, a[^1]),
            "eq" => a.Skip(1).Any(v => Print(v) == S(0) && (v is null) == (a[0] is null)),
            "ne" => S(0) != S(1),
            "required" => IsTrue(a[1]) ? a[1] : throw new TemplateException(S(0)),
            "toYaml" => YamlData.Emit(a[0]).TrimEnd('\n'),
            "toJson" => System.Text.Json.JsonSerializer.Serialize(a[0]),
            "indent" => Indent(S(1), (int)(long)a[0]!, newline: false),
            "nindent" => Indent(S(1), (int)(long)a[0]!, newline: true),
            "int" or "int64" => a[0] is long l2 ? l2 : long.TryParse(S(0), CultureInfo.InvariantCulture, out var parsed) ? parsed : 0L,
            "b64enc" => Convert.ToBase64String(Encoding.UTF8.GetBytes(S(0))),
            "slugify" => new string(S(0).ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray()).Trim('-'),
            _ => throw new TemplateException($"function '{name}' is not known offline"),
        };
    }

    private static TemplateException Arity(string name) => new($"wrong number of arguments to '{name}'");

    private static string Indent(string text, int spaces, bool newline)
    {
        var pad = new string(' ', spaces);
        var indented = pad + text.Replace("\n", "\n" + pad, StringComparison.Ordinal);
        return newline ? "\n" + indented : indented;
    }

    private static string Printf(string format, List<object?> arguments)
    {
        var builder = new StringBuilder();
        var next = 0;
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%' || i + 1 >= format.Length)
            {
                builder.Append(format[i]);
                continue;
            }

            var verb = format[++i];
            if (verb == '%')
            {
                builder.Append('%');
                continue;
            }

            var value = next < arguments.Count ? arguments[next++] : null;
            builder.Append(verb == 'q' ? "\"" + Print(value) + "\"" : Print(value));
        }

        return builder.ToString();
    }
}
