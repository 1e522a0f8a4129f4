using Scaffolder.Core;

namespace Scaffolder.Tests.Architecture;

/// <summary>
/// No top-level namespace of Scaffolder.Core depends on one that depends back on it. The dependencies are read from the
/// compiled assembly: every type's base type, interfaces, fields, properties, events, method and constructor
/// signatures, attributes, and every type, method and field token in the method bodies' IL (so a <c>new X()</c> or
/// a static call inside a lambda or an async method counts too: compiler-generated types count for their outer type).
/// </summary>
public sealed class NamespaceCycleTests
{
    [Fact]
    public void No_cycle_between_top_level_namespaces_of_Scaffolder_Core()
    {
        var graph = NamespaceGraph.Of(typeof(UserInputException).Assembly, "Scaffolder.Core");

        var cycles = graph.Cycles();

        cycles.ShouldBeEmpty(string.Join("\n", cycles.Select(c => string.Join(" -> ", c) + "\n" + graph.Explain(c))));
    }

    [Fact]
    public void The_reader_sees_dependencies_inside_method_bodies_and_lambdas()
    {
        // This test assembly's own Architecture.Probe namespaces: A references B only from a method body
        // (a 'new' inside a lambda), B references A only through a field type. The reader must report both edges.
        var graph = NamespaceGraph.Of(typeof(NamespaceCycleTests).Assembly, "Scaffolder.Tests.Architecture.Probe");

        graph.Cycles().ShouldContain(c => c.SequenceEqual(new[] { "A", "B", "A" }));
    }
}
