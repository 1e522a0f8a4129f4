using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Scaffolder.Core.Check.Flux;
using Scaffolder.Core.Yaml;

namespace Scaffolder.Core.Check.Schema;

/// <summary>
/// Validates a document against its CRD schema after Flux substitution: every placeholder the lookup
/// resolves is replaced (and the scalar typed as Flux's YAML decoder then types it), one that stays unknown is
/// accepted in any scalar field (its value is not known until the cluster applies it), except that a quoted
/// placeholder stays a string.
/// </summary>
public static class CrdValidator
{
    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List };

    /// <summary>
    /// The problems of <paramref name="document"/> against <paramref name="schema"/>; <paramref name="partial"/> for a
    /// kustomize patch, which holds a partial object (required fields are not enforced).
    /// </summary>
    public static IReadOnlyList<SchemaProblem> Validate(JsonSchema schema, LocatedDocument document, Func<string, string?> lookup, bool partial)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(lookup);
        var unknown = new HashSet<string>(StringComparer.Ordinal);
        var quoted = new HashSet<string>(StringComparer.Ordinal);
        var instance = ToJson(document.Root, string.Empty, lookup, unknown, quoted);
        var results = schema.Evaluate(JsonSerializer.SerializeToElement(instance), Options);
        if (results.IsValid)
        {
            return [];
        }

        var byPointer = new SortedDictionary<string, List<(string Keyword, string Message)>>(StringComparer.Ordinal);
        var details = (results.Details ?? []).Prepend(results).ToList();
        // A branch of anyOf/oneOf that fails counts only when the combinator itself fails (int-or-string: one branch always fails).
        var failedCombinators = details.Where(d => !d.IsValid).Select(d => d.EvaluationPath.ToString())
            .Where(p => p.EndsWith("/anyOf", StringComparison.Ordinal) || p.EndsWith("/oneOf", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var detail in details)
        {
            if (detail.Errors is null || detail.IsValid || !InFailedBranches(detail.EvaluationPath.ToString(), failedCombinators))
            {
                continue;
            }

            var pointer = detail.InstanceLocation.ToString();
            var keyword = LastKeyword(detail.EvaluationPath.ToString());
            foreach (var (errorKeyword, message) in detail.Errors)
            {
                var k = errorKeyword is "" ? keyword : errorKeyword;
                if (k is "anyOf" or "oneOf" or "allOf" || (partial && k == "required"))
                {
                    continue;
                }

                if (k is not ("required" or "additionalProperties" or "false") && (unknown.Contains(pointer) || (quoted.Contains(pointer) && k != "type")))
                {
                    continue;
                }

                if (!byPointer.TryGetValue(pointer, out var list))
                {
                    byPointer[pointer] = list = [];
                }

                list.Add((k, message));
            }
        }

        var problems = new List<SchemaProblem>();
        foreach (var (pointer, errors) in byPointer)
        {
            var segments = Segments(pointer);
            var node = NodeAt(document.Root!, segments) ?? document.Root!;
            var path = FormatPath(segments);
            if (errors.Any(e => e.Keyword is "false" or "additionalProperties"))
            {
                problems.Add(new SchemaProblem(node, path, $"unknown field {path}"));
                continue;
            }

            var types = errors.Where(e => e.Keyword == "type").Select(e => ExpectedType(e.Message)).Distinct(StringComparer.Ordinal).ToList();
            if (types.Count > 0)
            {
                problems.Add(new SchemaProblem(node, path, $"expected {string.Join(" or ", types)}, found {Describe(ValueAt(instance, segments))}"));
            }

            foreach (var (keyword, message) in errors.Where(e => e.Keyword != "type").DistinctBy(e => e.Message))
            {
                problems.Add(new SchemaProblem(node, path, keyword == "required" ? message : $"{message.TrimEnd('.')} ({keyword})"));
            }
        }

        return problems;
    }

    private static bool InFailedBranches(string evaluationPath, HashSet<string> failedCombinators)
    {
        foreach (var combinator in (string[])["/anyOf/", "/oneOf/"])
        {
            var at = evaluationPath.IndexOf(combinator, StringComparison.Ordinal);
            while (at >= 0)
            {
                if (!failedCombinators.Contains(evaluationPath[..(at + combinator.Length - 1)]))
                {
                    return false;
                }

                at = evaluationPath.IndexOf(combinator, at + 1, StringComparison.Ordinal);
            }
        }

        return true;
    }

    private static string LastKeyword(string evaluationPath) =>
        evaluationPath.Length == 0 ? string.Empty : evaluationPath[(evaluationPath.LastIndexOf('/') + 1)..];

    /// <summary>The expected type of a JsonSchema.Net type error (<c>Value is "string" but should be "integer"</c>).</summary>
    private static string ExpectedType(string message)
    {
        var at = message.LastIndexOf("should be ", StringComparison.Ordinal);
        return at < 0 ? message : message[(at + "should be ".Length)..].Trim().Trim('.', '"').Replace("\"", string.Empty, StringComparison.Ordinal);
    }

    private static string Describe(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "a list",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => $"string {v.ToJsonString()}",
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => $"boolean {v.ToJsonString()}",
        _ => $"number {value.ToJsonString()}",
    };

    private static JsonNode? ToJson(LocatedNode? node, string pointer, Func<string, string?> lookup, HashSet<string> unknown, HashSet<string> quoted)
    {
        switch (node)
        {
            case LocatedScalar scalar:
                var unresolved = false;
                var text = scalar.Value.Contains("${", StringComparison.Ordinal)
                    ? Placeholders.Substitute(scalar.Value, lookup, out unresolved)
                    : scalar.Value;
                if (unresolved)
                {
                    (scalar.IsQuoted ? quoted : unknown).Add(pointer);
                }

                return CrdSchemaSet.ToJson(YamlData.Scalar(text, scalar.IsQuoted));
            case LocatedSequence sequence:
                var array = new JsonArray();
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    array.Add(ToJson(sequence.Items[i], pointer + "/" + i, lookup, unknown, quoted));
                }

                return array;
            case LocatedMapping mapping:
                var json = new JsonObject();
                foreach (var entry in mapping.Entries)
                {
                    json[entry.Key.Value] = ToJson(entry.Value, pointer + "/" + entry.Key.Value.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal), lookup, unknown, quoted);
                }

                return json;
            default:
                return null;
        }
    }

    private static List<string> Segments(string pointer) =>
        pointer.Length == 0 ? [] : pointer[1..].Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToList();

    private static LocatedNode? NodeAt(LocatedNode root, List<string> segments)
    {
        LocatedNode current = root;
        LocatedNode located = root;
        foreach (var segment in segments)
        {
            switch (current)
            {
                case LocatedMapping map when map.GetEntry(segment) is { } entry:
                    located = entry.Key;
                    current = entry.Value;
                    break;
                case LocatedSequence seq when int.TryParse(segment, out var index) && index >= 0 && index < seq.Items.Count:
                    current = seq.Items[index];
                    located = current;
                    break;
                default:
                    return located;
            }
        }

        return located;
    }

    private static JsonNode? ValueAt(JsonNode? root, List<string> segments)
    {
        var current = root;
        foreach (var segment in segments)
        {
            current = current switch
            {
                JsonObject o => o[segment],
                JsonArray a when int.TryParse(segment, out var i) && i >= 0 && i < a.Count => a[i],
                _ => null,
            };
        }

        return current;
    }

    /// <summary><c>spec.roles[0].ensure</c>, with keys that are not identifiers as <c>["a/b"]</c>.</summary>
    private static string FormatPath(List<string> segments)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var segment in segments)
        {
            if (segment.Length > 0 && segment.All(char.IsAsciiDigit))
            {
                builder.Append('[').Append(segment).Append(']');
            }
            else if (segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '$') && segment.Length > 0)
            {
                builder.Append(builder.Length > 0 ? "." : string.Empty).Append(segment);
            }
            else
            {
                builder.Append('[').Append(JsonSerializer.Serialize(segment)).Append(']');
            }
        }

        return builder.Length == 0 ? "(root)" : builder.ToString();
    }
}
