namespace ContainerAnalyzers.Rules;

/// <summary>
/// The rule table: every rule's descriptor and every Dockerfile rule, for the hosts that run them (the analyzer,
/// the fix generator's self-check, the MSBuild task). AllRules.g.cs is generated from the rule classes by
/// src/ContainerAnalyzers.Generator, so adding a rule class is enough; a test fails when it is stale.
/// </summary>
public static partial class AllRules
{
}
