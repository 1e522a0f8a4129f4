using System.Reflection;
using System.Reflection.Emit;

namespace Scaffolder.Tests.Architecture;

/// <summary>
/// The dependency graph between the top-level namespaces under a root namespace of one assembly, read by reflection
/// over signatures and the IL of every method body.
/// </summary>
internal sealed class NamespaceGraph
{
    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance |
                                     BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private readonly string root;

    /// <summary>Edges: from namespace to namespace, with one example 'Type -> Type' per edge.</summary>
    private readonly SortedDictionary<string, SortedDictionary<string, string>> edges = new(StringComparer.Ordinal);

    private NamespaceGraph(string root) => this.root = root;

    public static NamespaceGraph Of(Assembly assembly, string root)
    {
        var graph = new NamespaceGraph(root);
        foreach (var type in assembly.GetTypes())
        {
            var from = graph.TopLevel(type);
            if (from is null) continue;
            foreach (var used in References(type))
            {
                var to = graph.TopLevel(used);
                if (to is null || to == from) continue;
                if (!graph.edges.TryGetValue(from, out var targets))
                    graph.edges[from] = targets = new SortedDictionary<string, string>(StringComparer.Ordinal);
                targets.TryAdd(to, $"{Outer(type).FullName} -> {Outer(used).FullName}");
            }
        }
        return graph;
    }

    /// <summary>Every elementary cycle's first representative: each strongly connected part of more than one node
    /// is reported as one shortest cycle through its smallest node, written 'A -> B -> A'.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var cycles = new List<IReadOnlyList<string>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in edges.Keys)
        {
            var path = ShortestPathBack(start);
            if (path is null) continue;
            var key = string.Join(",", path.Skip(1).Order(StringComparer.Ordinal));
            if (seen.Add(key)) cycles.Add(path);
        }
        return cycles;
    }

    /// <summary>One example type reference for each edge of a cycle.</summary>
    public string Explain(IReadOnlyList<string> cycle) => string.Join("\n",
        cycle.Zip(cycle.Skip(1)).Select(e => $"  {e.First} -> {e.Second}: {edges[e.First][e.Second]}"));

    private List<string>? ShortestPathBack(string start)
    {
        var previous = new Dictionary<string, string>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        queue.Enqueue(start);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            if (!edges.TryGetValue(node, out var targets)) continue;
            foreach (var next in targets.Keys)
            {
                if (next == start)
                {
                    var back = new List<string>();
                    for (var at = node; at != start; at = previous[at]) back.Add(at);
                    back.Add(start);
                    back.Reverse();
                    back.Add(start);
                    return back;
                }
                if (previous.TryAdd(next, node)) queue.Enqueue(next);
            }
        }
        return null;
    }

    private string? TopLevel(Type type)
    {
        var ns = Outer(type).Namespace;
        if (ns is null) return null;
        if (ns == root) return "(root)";
        if (!ns.StartsWith(root + ".", StringComparison.Ordinal)) return null;
        var rest = ns[(root.Length + 1)..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }

    private static Type Outer(Type type)
    {
        while (type.DeclaringType is not null) type = type.DeclaringType;
        return type;
    }

    private static List<Type> References(Type type)
    {
        var found = new List<Type>();
        void Add(Type? t)
        {
            if (t is null) return;
            if (t.HasElementType) { Add(t.GetElementType()); return; }
            if (t.IsGenericParameter) return;
            if (t.IsGenericType && !t.IsGenericTypeDefinition)
            {
                Add(t.GetGenericTypeDefinition());
                foreach (var a in t.GetGenericArguments()) Add(a);
                return;
            }
            found.Add(t);
        }
        void AddAttributes(IEnumerable<CustomAttributeData> attributes)
        {
            foreach (var a in attributes) Add(a.AttributeType);
        }

        Add(type.BaseType);
        foreach (var i in type.GetInterfaces()) Add(i);
        AddAttributes(type.CustomAttributes);
        foreach (var f in type.GetFields(All)) { Add(f.FieldType); AddAttributes(f.CustomAttributes); }
        foreach (var p in type.GetProperties(All)) { Add(p.PropertyType); AddAttributes(p.CustomAttributes); }
        foreach (var e in type.GetEvents(All)) Add(e.EventHandlerType);
        foreach (var m in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
        {
            AddAttributes(m.CustomAttributes);
            if (m is MethodInfo mi) Add(mi.ReturnType);
            foreach (var p in m.GetParameters()) Add(p.ParameterType);
            var body = m.GetMethodBody();
            if (body is null) continue;
            foreach (var local in body.LocalVariables) Add(local.LocalType);
            foreach (var member in IlReferences(m.Module, body.GetILAsByteArray() ?? [], type, m))
            {
                switch (member)
                {
                    case Type t: Add(t); break;
                    case FieldInfo f: Add(f.DeclaringType); Add(f.FieldType); break;
                    case MethodBase mb:
                        Add(mb.DeclaringType);
                        if (mb is MethodInfo rmi) Add(rmi.ReturnType);
                        if (mb.IsGenericMethod) foreach (var a in mb.GetGenericArguments()) Add(a);
                        break;
                }
            }
        }
        return found;
    }

    private static IEnumerable<MemberInfo> IlReferences(Module module, byte[] il, Type type, MethodBase method)
    {
        var typeArgs = type.IsGenericType ? type.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var at = 0;
        while (at < il.Length)
        {
            short value = il[at++];
            if (value == 0xFE) value = unchecked((short)(0xFE00 | il[at++]));
            var op = OpCodesByValue[value];
            switch (op.OperandType)
            {
                case OperandType.InlineNone: break;
                case OperandType.ShortInlineBrTarget:
                case OperandType.ShortInlineI:
                case OperandType.ShortInlineVar: at += 1; break;
                case OperandType.InlineVar: at += 2; break;
                case OperandType.InlineI8:
                case OperandType.InlineR: at += 8; break;
                case OperandType.InlineSwitch:
                    var count = BitConverter.ToInt32(il, at);
                    at += 4 + 4 * count;
                    break;
                case OperandType.InlineMethod:
                case OperandType.InlineField:
                case OperandType.InlineType:
                case OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, at);
                    at += 4;
                    MemberInfo? member = null;
                    try { member = module.ResolveMember(token, typeArgs, methodArgs); }
                    catch (ArgumentException) { }
                    if (member is not null) yield return member;
                    break;
                default: at += 4; break;
            }
        }
    }
}
