using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Scaffolder.Core.Check.Flux;
using Scaffolder.Core.Yaml;

namespace Scaffolder.Core.Check.Schema;

/// <summary>One way a document does not match its CRD schema: where, the field path and what was expected.</summary>
/// <param name="Node">The YAML node (the key of the field, where there is one).</param>
/// <param name="Path">The field path, for example <c>spec.instances</c> or <c>spec.roles[0].ensure</c>.</param>
/// <param name="Message">What is wrong, for example <c>expected integer, found string "3"</c>.</param>
public sealed record SchemaProblem(LocatedNode Node, string Path, string Message);
