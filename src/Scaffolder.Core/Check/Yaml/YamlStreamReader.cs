using System.Runtime.InteropServices;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Scaffolder.Core.Check.Yaml;

/// <summary>
/// Reads a YAML stream into the light tree from the parser's event stream (no representation model, no
/// type conversion). Anchors are resolved, tags ignored. A syntax error ends the stream and is returned,
/// never thrown. Measured by the bench on 5,000 app manifests, this is about 20% faster than loading YamlDotNet's
/// RepresentationModel (<c>YamlStream.Load</c>).
/// </summary>
public static class YamlStreamReader
{
    [ThreadStatic]
    private static ReadState? t_state;

    /// <summary>Reads every document of <paramref name="text"/>.</summary>
    public static YamlFileContent Read(string text)
    {
        var documents = new List<YamlDocument>();
        var parser = new Parser(new StringReader(text));
        var state = t_state ??= new ReadState();
        state.Clear();
        try
        {
            parser.Consume<StreamStart>();
            while (parser.TryConsume<DocumentStart>(out var start))
            {
                state.Anchors.Clear();
                YamlNode? root = null;
                if (!parser.Accept<DocumentEnd>(out _))
                {
                    root = ReadNode(parser, state);
                }

                var end = parser.Consume<DocumentEnd>();
                documents.Add(new YamlDocument(root, (int)start.Start.Line, (int)end.End.Line));
            }

            parser.Consume<StreamEnd>();
            return new YamlFileContent(documents, null);
        }
        catch (YamlException ex)
        {
            return new YamlFileContent(documents, new YamlSyntaxError($"YAML syntax error: {FirstLine(ex.Message)}", (int)ex.Start.Line, (int)ex.Start.Column));
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet's scanner throws this on some malformed flow collections; locate it after the last good event.
            var mark = parser.Current?.End ?? Mark.Empty;
            return new YamlFileContent(documents, new YamlSyntaxError($"YAML syntax error: {ex.Message}", Math.Max(1, (int)mark.Line), Math.Max(1, (int)mark.Column)));
        }
    }

    private static string FirstLine(string message)
    {
        var text = message.Split('\n')[0].Trim();
        var marker = text.IndexOf("): ", StringComparison.Ordinal);
        return marker >= 0 && text.StartsWith('(') ? text[(marker + 3)..] : text;
    }

    // Takes the concrete Parser and tests the current event in place (not IParser and its generic TryConsume extension):
    // this runs for every event of every file.
    private static YamlNode ReadNode(Parser parser, ReadState state)
    {
        var current = parser.Current ?? throw new YamlException("Unexpected end of stream.");
        parser.MoveNext();
        var line = (int)current.Start.Line;
        var column = (int)current.Start.Column;
        YamlNode node;
        switch (current)
        {
            case Scalar scalar:
                node = new YamlScalar(scalar.Value, scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted, line, column);
                state.Remember(scalar.Anchor, node);
                return node;
            case AnchorAlias alias:
                return state.Anchors.TryGetValue(alias.Value.Value, out var target)
                    ? target
                    : throw new YamlException(current.Start, current.End, $"Unknown alias '{alias.Value.Value}'.");
            case MappingStart mappingStart:
                var firstEntry = state.Entries.Count;
                while (parser.Current is not MappingEnd)
                {
                    var keyNode = ReadNode(parser, state);
                    var key = keyNode as YamlScalar ?? new YamlScalar(string.Empty, false, keyNode.Line, keyNode.Column);
                    state.Entries.Add(new YamlEntry(key, ReadNode(parser, state)));
                }

                parser.MoveNext();
                node = new YamlMapping(TakeFrom(state.Entries, firstEntry), line, column);
                state.Remember(mappingStart.Anchor, node);
                return node;
            case SequenceStart sequenceStart:
                var firstItem = state.Items.Count;
                while (parser.Current is not SequenceEnd)
                {
                    state.Items.Add(ReadNode(parser, state));
                }

                parser.MoveNext();
                node = new YamlSequence(TakeFrom(state.Items, firstItem), line, column);
                state.Remember(sequenceStart.Anchor, node);
                return node;
            default:
                throw new YamlException(current.Start, current.End, $"Unexpected {current.GetType().Name}.");
        }
    }

    /// <summary>Moves the items of <paramref name="scratch"/> from <paramref name="start"/> on into an exactly sized array.</summary>
    private static T[] TakeFrom<T>(List<T> scratch, int start)
    {
        var taken = CollectionsMarshal.AsSpan(scratch)[start..].ToArray();
        scratch.RemoveRange(start, taken.Length);
        return taken;
    }

    /// <summary>
    /// The state of a <see cref="Read"/>, kept per thread and reused from file to file: the anchors of the current document,
    /// and scratch stacks where the entries and items of the open collections pile up (nested collections above their
    /// parents) until each is closed and copied out, so a collection costs one exactly sized array instead of a growing list.
    /// </summary>
    private sealed class ReadState
    {
        public Dictionary<string, YamlNode> Anchors { get; } = new(StringComparer.Ordinal);

        public List<YamlEntry> Entries { get; } = [];

        public List<YamlNode> Items { get; } = [];

        /// <summary>Forgets what a previous read left, including after a syntax error.</summary>
        public void Clear()
        {
            Anchors.Clear();
            Entries.Clear();
            Items.Clear();
        }

        public void Remember(AnchorName anchor, YamlNode node)
        {
            if (!anchor.IsEmpty)
            {
                Anchors[anchor.Value] = node;
            }
        }
    }
}
