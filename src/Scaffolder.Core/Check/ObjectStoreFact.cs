namespace Scaffolder.Core.Check;

/// <summary>A Barman Cloud ObjectStore; its namespace is empty when neither its file nor a Flux Kustomization sets one.</summary>
public sealed record ObjectStoreFact(string Namespace, string Name, string File);
