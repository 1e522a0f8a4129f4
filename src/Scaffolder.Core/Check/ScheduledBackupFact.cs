namespace Scaffolder.Core.Check;

/// <summary>A ScheduledBackup of a CNPG cluster with <c>backupOwnerReference: self</c>.</summary>
public sealed record ScheduledBackupFact(string Cluster);
