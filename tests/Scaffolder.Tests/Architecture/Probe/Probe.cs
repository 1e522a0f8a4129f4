// Two namespaces that depend on each other only in ways a using-directive scan misses: A needs B inside a lambda's
// body, B needs A through a field's type. NamespaceCycleTests proves the graph reader sees both edges.
namespace Scaffolder.Tests.Architecture.Probe.A
{
    internal sealed class Source
    {
        public static Func<object> Make() => () => new Scaffolder.Tests.Architecture.Probe.B.Target();
    }
}

namespace Scaffolder.Tests.Architecture.Probe.B
{
    internal sealed class Target
    {
        public Scaffolder.Tests.Architecture.Probe.A.Source? Field { get; set; }
    }
}
