namespace Scaffolder.Core.Check;

/// <summary>A GarageReferenceGrant in the Garage namespace.</summary>
public sealed record ReferenceGrantFact(string Name);
