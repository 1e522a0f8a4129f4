using System.Text;
using Scaffolder.Core.Yaml;
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
        LargePlans.For(yaml.Count, i => Check(yaml[i]));
    }

    private static void Check(PlannedChange change)
    {
        try
        {
            // A byte order mark is the file's encoding, not its text: before '---' the parser would take it for content.
            var after = change.After.AsSpan();
            var text = Encoding.UTF8.GetString(after.StartsWith("\uFEFF"u8) ? after[3..] : after);
            if (!CheckParses(text))
            {
                // A tagged, aliased or complex key: the document loader's own key equality decides.
                new YamlStream().Load(new StringReader(text));
            }
        }
        catch (YamlException ex)
        {
            throw new UserInputException($"generated {change.Path} is not valid YAML (line {ex.Start.Line}): {YamlTree.FirstLine(ex)}");
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet's scanner throws this on some malformed flow collections.
            throw new UserInputException($"generated {change.Path} is not valid YAML: {ex.Message}");
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

        // Open collections: levels[0..depth), innermost last. A level is reused by the next collection at its depth,
        // keeping its key set's storage: bulk plans validate thousands of files of small mappings.
        var levels = new List<Level>();
        var depth = 0;
        while (parser.MoveNext())
        {
            var parent = depth > 0 ? levels[depth - 1] : null;
            var isKey = parent is { IsMapping: true, ExpectKey: true };
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

                    plainKeys &= !isKey;
                    parent?.Completed();
                    break;
                case Scalar scalar:
                    Remember(scalar, anchors);
                    if (isKey)
                    {
                        // Untagged keys are equal when their text is; a tagged key is left to the loader.
                        plainKeys &= scalar.Tag.IsEmpty;
                        if (scalar.Tag.IsEmpty && !parent!.Keys.Add(scalar.Value))
                        {
                            throw new YamlException(scalar.Start, scalar.End, $"Duplicate key {scalar.Value}");
                        }
                    }

                    parent?.Completed();
                    break;
                case MappingStart or SequenceStart:
                    Remember((NodeEvent)parser.Current, anchors);
                    plainKeys &= !isKey;
                    if (depth == levels.Count)
                    {
                        levels.Add(new Level());
                    }

                    levels[depth++].Open(parser.Current is MappingStart);
                    break;
                case MappingEnd or SequenceEnd:
                    depth--;
                    if (depth > 0)
                    {
                        levels[depth - 1].Completed();
                    }

                    break;
            }
        }

        return plainKeys;
    }

    private static void Remember(NodeEvent node, HashSet<string> anchors)
    {
        if (!node.Anchor.IsEmpty)
        {
            anchors.Add(node.Anchor.Value);
        }
    }

    /// <summary>An open collection: a mapping's keys so far and whether a key comes next, or a sequence.</summary>
    private sealed class Level
    {
        public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);

        public bool IsMapping { get; private set; }

        public bool ExpectKey { get; private set; }

        public void Open(bool mapping)
        {
            Keys.Clear();
            IsMapping = mapping;
            ExpectKey = true;
        }

        /// <summary>A node ended: in a mapping, a key is followed by its value and a value by the next key.</summary>
        public void Completed()
        {
            if (IsMapping)
            {
                ExpectKey = !ExpectKey;
            }
        }
    }
}
