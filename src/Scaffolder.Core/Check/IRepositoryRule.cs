namespace Scaffolder.Core.Check;

/// <summary>A rule that relates files, from the small facts gathered while every file was read.</summary>
public interface IRepositoryRule : ICheckRule
{
    /// <summary>Checks the gathered <paramref name="facts"/>.</summary>
    void Check(RepoFacts facts, FindingSink sink);
}
