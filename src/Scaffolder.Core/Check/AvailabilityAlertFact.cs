namespace Scaffolder.Core.Check;

/// <summary>A unit (app folder or directory) with a PrometheusRule alert on a kube-state-metrics availability series.</summary>
public sealed record AvailabilityAlertFact(string Unit);
