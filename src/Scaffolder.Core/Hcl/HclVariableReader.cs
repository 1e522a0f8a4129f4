using System.Text;
using Scaffolder.Core.IO;

namespace Scaffolder.Core.Hcl;

/// <summary>
/// Reads the <c>variable</c> blocks of OpenTofu/Terraform files (native syntax) without a full HCL implementation:
/// it tokenizes the file (comments, strings with escapes and templates, heredocs), checks that its attributes,
/// blocks and brackets are well formed, and returns each top-level variable with its type, description and default
/// as written. Anything it cannot read is a <see cref="UserInputException"/> naming the file and line.
/// </summary>
public static class HclVariableReader
{
    /// <summary>Reads the variables declared in one file's text.</summary>
    public static IReadOnlyList<HclVariable> Read(string text, string displayPath)
    {
        var lexer = new HclLexer(text, displayPath);
        var parser = new Parser(lexer, lexer.Tokenize());
        var body = parser.ParseBody(topLevel: true);
        var variables = new List<HclVariable>();
        foreach (var block in body.OfType<Block>().Where(b => b.Type == "variable"))
        {
            if (block.Labels.Count != 1)
            {
                throw lexer.Error(block.Start, "a variable block needs exactly one label, its name (variable \"name\" { … })");
            }

            string? type = null, description = null, defaultValue = null;
            var sensitive = false;
            foreach (var attribute in block.Body.OfType<Attribute>())
            {
                switch (attribute.Name)
                {
                    case "type":
                        type = attribute.Source(lexer);
                        break;
                    case "default":
                        defaultValue = attribute.Source(lexer);
                        break;
                    case "sensitive":
                        sensitive = attribute.Source(lexer) == "true";
                        break;
                    case "description":
                        description = attribute.Tokens switch
                        {
                            [{ Kind: HclTokenKind.QuotedString } single] => lexer.DecodeQuoted(single),
                            [{ Kind: HclTokenKind.Heredoc } single] => HclLexer.DecodeHeredoc(single),
                            _ => attribute.Source(lexer),
                        };
                        break;
                }
            }

            variables.Add(new HclVariable(
                block.Labels[0], type, description, defaultValue, sensitive,
                block.Body.OfType<Block>().Count(b => b.Type == "validation"), displayPath, lexer.LineOf(block.Start)));
        }

        return variables;
    }

    /// <summary>
    /// Reads every <c>*.tf</c> file of a module folder (not its sub-folders), in file-name order. A folder with no
    /// <c>.tf</c> files, a file that does not parse, or a variable declared twice is a <see cref="UserInputException"/>,
    /// and so is a <c>.tf</c> entry that is not a regular file or is larger than <paramref name="maxFileBytes"/>.
    /// </summary>
    public static IReadOnlyList<HclVariable> ReadModule(IFileSystem fileSystem, string directory, string displayDirectory, long maxFileBytes = InputLimits.DefaultMaxFileBytes)
    {
        if (!fileSystem.DirectoryExists(directory))
        {
            throw new UserInputException($"module folder {displayDirectory} does not exist");
        }

        var files = fileSystem.EnumerateFiles(directory, recursive: false)
            .Where(f => f.EndsWith(".tf", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            throw new UserInputException($"module folder {displayDirectory} has no .tf files");
        }

        var result = new List<HclVariable>();
        var seen = new Dictionary<string, HclVariable>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var display = $"{displayDirectory}/{Path.GetFileName(file)}";
            string text;
            try
            {
                text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(fileSystem.ReadRegularFile(file, display, maxFileBytes));
            }
            catch (DecoderFallbackException)
            {
                throw new UserInputException($"{display}: not UTF-8 text");
            }

            foreach (var variable in Read(text, display))
            {
                if (seen.TryGetValue(variable.Name, out var first))
                {
                    throw new UserInputException($"{variable.File}:{variable.Line}: variable '{variable.Name}' is already declared at {first.File}:{first.Line}");
                }

                seen[variable.Name] = variable;
                result.Add(variable);
            }
        }

        return result;
    }

    private abstract record Item(string Name, int Start);

    private sealed record Attribute(string Name, int Start, int Indent, IReadOnlyList<HclToken> Tokens) : Item(Name, Start)
    {
        /// <summary>The expression as written; continuation lines lose the attribute line's indentation.</summary>
        public string Source(HclLexer lexer)
        {
            var raw = lexer.Text[Tokens[0].Start..Tokens[^1].End].Replace("\r\n", "\n", StringComparison.Ordinal);
            var lines = raw.Split('\n');
            return string.Join('\n', lines.Select((line, i) => i == 0 ? line : Dedent(line, Indent)));
        }

        private static string Dedent(string line, int indent)
        {
            var remove = 0;
            while (remove < indent && remove < line.Length && line[remove] is ' ' or '\t')
            {
                remove++;
            }

            return line[remove..];
        }
    }

    private sealed record Block(string Type, int Start, IReadOnlyList<string> Labels, IReadOnlyList<Item> Body) : Item(Type, Start);

    private sealed class Parser(HclLexer lexer, List<HclToken> tokens)
    {
        private int index;

        private HclToken Current => tokens[index];

        public List<Item> ParseBody(bool topLevel, HclToken? opener = null)
        {
            var items = new List<Item>();
            while (true)
            {
                SkipNewlines();
                var token = Current;
                if (token.Kind == HclTokenKind.EndOfFile)
                {
                    if (!topLevel)
                    {
                        throw lexer.Error(opener!.Start, "this block's { is never closed");
                    }

                    return items;
                }

                if (IsPunct(token, "}"))
                {
                    if (topLevel)
                    {
                        throw lexer.Error(token.Start, "unexpected } without a matching {");
                    }

                    index++;
                    return items;
                }

                if (token.Kind != HclTokenKind.Identifier)
                {
                    throw lexer.Error(token.Start, $"expected an attribute or block name, found {Describe(token)}");
                }

                index++;
                if (IsPunct(Current, "="))
                {
                    index++;
                    items.Add(new Attribute(token.Text, token.Start, lexer.IndentOf(token.Start).Length, ParseExpression(token)));
                }
                else
                {
                    var labels = new List<string>();
                    while (Current.Kind is HclTokenKind.QuotedString or HclTokenKind.Identifier)
                    {
                        labels.Add(Current.Kind == HclTokenKind.QuotedString ? lexer.DecodeQuoted(Current) : Current.Text);
                        index++;
                    }

                    if (!IsPunct(Current, "{"))
                    {
                        throw lexer.Error(Current.Start, $"expected '=' or a block's {{ after '{token.Text}', found {Describe(Current)}");
                    }

                    var open = Current;
                    index++;
                    items.Add(new Block(token.Text, token.Start, labels, ParseBody(topLevel: false, open)));
                }

                if (Current.Kind is not (HclTokenKind.Newline or HclTokenKind.EndOfFile) && !IsPunct(Current, "}"))
                {
                    throw lexer.Error(Current.Start, $"expected a line break after '{token.Text}', found {Describe(Current)}");
                }
            }
        }

        /// <summary>Reads an expression up to the line break (or closing brace of a one-line block) outside brackets.</summary>
        private List<HclToken> ParseExpression(HclToken name)
        {
            var expression = new List<HclToken>();
            var open = new Stack<HclToken>();
            while (true)
            {
                var token = Current;
                if (token.Kind == HclTokenKind.EndOfFile)
                {
                    if (open.Count > 0)
                    {
                        throw lexer.Error(open.Peek().Start, $"'{open.Peek().Text}' is never closed");
                    }

                    break;
                }

                if (open.Count == 0 && (token.Kind == HclTokenKind.Newline || IsPunct(token, "}")))
                {
                    break;
                }

                if (token.Kind == HclTokenKind.Punctuation && token.Text is "(" or "[" or "{")
                {
                    open.Push(token);
                }
                else if (token.Kind == HclTokenKind.Punctuation && token.Text is ")" or "]" or "}")
                {
                    var expected = open.Count == 0 ? null : Closer(open.Peek().Text);
                    if (expected != token.Text)
                    {
                        throw lexer.Error(token.Start, expected is null
                            ? $"unexpected '{token.Text}'"
                            : $"expected '{expected}' to close the '{open.Peek().Text}' of line {lexer.LineOf(open.Peek().Start)}, found '{token.Text}'");
                    }

                    open.Pop();
                }

                if (token.Kind != HclTokenKind.Newline)
                {
                    expression.Add(token);
                }

                index++;
            }

            if (expression.Count == 0)
            {
                throw lexer.Error(name.Start, $"attribute '{name.Text}' has no value after '='");
            }

            return expression;
        }

        private void SkipNewlines()
        {
            while (Current.Kind == HclTokenKind.Newline)
            {
                index++;
            }
        }

        private static string Closer(string open) => open switch { "(" => ")", "[" => "]", _ => "}" };

        private static bool IsPunct(HclToken token, string text) => token.Kind == HclTokenKind.Punctuation && token.Text == text;

        private static string Describe(HclToken token) => token.Kind switch
        {
            HclTokenKind.Newline => "a line break",
            HclTokenKind.EndOfFile => "the end of the file",
            HclTokenKind.QuotedString => "a string",
            HclTokenKind.Heredoc => "a heredoc",
            _ => $"'{token.Text}'",
        };
    }
}
