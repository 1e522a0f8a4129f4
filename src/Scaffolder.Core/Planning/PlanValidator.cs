using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Scaffolder.Core.Planning;

/// <summary>Checks a plan before anything is written: every YAML file it writes must parse.</summary>
public static class PlanValidator
{
    /// <summary>Throws when a planned YAML file does not parse (a template or value broke its structure).</summary>
    public static void Validate(Plan plan)
    {
        var yaml = plan.Changes
            .Where(c => c.Action is ChangeAction.Create or ChangeAction.Update or ChangeAction.Conflict)
            .Where(c => c.Path.EndsWith(".yaml", StringComparison.Ordinal) || c.Path.EndsWith(".yml", StringComparison.Ordinal))
            .ToList();

        // Bulk plans hold thousands of files: they are read on every core, and the first bad one in plan order is reported.
        var errors = new string?[yaml.Count];
        void Check(int i)
        {
            try
            {
                var text = Encoding.UTF8.GetString(yaml[i].After);
                if (!CheckParses(text))
                {
                    // A tagged, aliased or complex key: the document loader's own key equality decides.
                    new YamlStream().Load(new StringReader(text));
                }
            }
            catch (YamlException ex)
            {
                errors[i] = $"generated {yaml[i].Path} is not valid YAML (line {ex.Start.Line}): {Config.YamlTree.FirstLine(ex)}";
            }
            catch (InvalidOperationException ex)
            {
                // YamlDotNet's scanner throws this on some malformed flow collections.
                errors[i] = $"generated {yaml[i].Path} is not valid YAML: {ex.Message}";
            }
        }

        LargePlans.For(yaml.Count, Check);

        if (errors.FirstOrDefault(e => e is not null) is { } first)
        {
            throw new UserInputException(first);
        }
    }

    /// <summary>
    /// Reads the parser's events without building a tree (bulk plans hold thousands of files), refusing what loading
    /// the document would refuse: syntax errors, aliases to unknown anchors and a plain key repeated in one mapping.
    /// Returns false when a mapping key is tagged, an alias or a collection: their equality is the loader's to judge.
    /// </summary>
    private static bool CheckParses(string text)
    {
        var plainKeys = true;
        var parser = new Parser(new StringReader(text));
        var anchors = new HashSet<string>(StringComparer.Ordinal);

        // Open collections, innermost last: a mapping's keys so far (null for a sequence) and whether a key comes next.
        var open = new Stack<Collection>();
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case DocumentStart:
                    anchors.Clear();
                    break;
                case AnchorAlias alias:
                    if (!anchors.Contains(alias.Value.Value))
                    {
                        throw new AnchorNotFoundException(alias.Start, alias.End, $"Alias ${alias.Value} cannot precede anchor declaration");
                    }

                    plainKeys &= !IsKey(open);
                    Completed(open);
                    break;
                case Scalar scalar:
                    Remember(scalar, anchors);
                    if (IsKey(open))
                    {
                        // Untagged keys are equal when their text is; a tagged key is left to the loader.
                        plainKeys &= scalar.Tag.IsEmpty;
                        if (scalar.Tag.IsEmpty && !open.Peek().Keys!.Add(scalar.Value))
                        {
                            throw new YamlException(scalar.Start, scalar.End, $"Duplicate key {scalar.Value}");
                        }
                    }

                    Completed(open);
                    break;
                case MappingStart mapping:
                    Remember(mapping, anchors);
                    plainKeys &= !IsKey(open);
                    open.Push(new Collection(new HashSet<string>(StringComparer.Ordinal)));
                    break;
                case SequenceStart sequence:
                    Remember(sequence, anchors);
                    plainKeys &= !IsKey(open);
                    open.Push(new Collection(null));
                    break;
                case MappingEnd or SequenceEnd:
                    open.Pop();
                    Completed(open);
                    break;
            }
        }

        return plainKeys;
    }

    /// <summary>Whether the next node is a mapping key.</summary>
    private static bool IsKey(Stack<Collection> open) => open.TryPeek(out var parent) && parent.Keys is not null && parent.ExpectKey;

    private static void Remember(NodeEvent node, HashSet<string> anchors)
    {
        if (!node.Anchor.IsEmpty)
        {
            anchors.Add(node.Anchor.Value);
        }
    }

    /// <summary>A node ended: in a mapping, a key is followed by its value and a value by the next key.</summary>
    private static void Completed(Stack<Collection> open)
    {
        if (open.TryPeek(out var parent) && parent.Keys is not null)
        {
            parent.ExpectKey = !parent.ExpectKey;
        }
    }

    private sealed class Collection(HashSet<string>? keys)
    {
        public HashSet<string>? Keys { get; } = keys;

        public bool ExpectKey { get; set; } = true;
    }
}
