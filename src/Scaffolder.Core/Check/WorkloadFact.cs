namespace Scaffolder.Core.Check;

/// <summary>A workload (HelmRelease, Deployment, StatefulSet, DaemonSet) and the unit (app folder or directory) it belongs to.</summary>
public sealed record WorkloadFact(string Unit, string Kind, string Name, bool HasMonitor, SourceLocation Location);
