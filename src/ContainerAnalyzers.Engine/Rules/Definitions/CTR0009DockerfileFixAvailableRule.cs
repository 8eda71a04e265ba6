namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0009: a hidden diagnostic on the program's entry point that mirrors the fixable Dockerfile diagnostics, so
/// editors that show no light bulb in a Dockerfile offer the fixes from C# code: the rewrite for CTR0001/CTR0002, a
/// new Dockerfile for CTR0003, and otherwise the rules' own fixes (CTR0020's tag, CTR0036's CMD…). Its analysis needs the C# syntax
/// trees, so it lives in the analyzer (CTR0009DockerfileFixAvailableAnalyzer); this class holds its table row.
/// </summary>
public static class CTR0009DockerfileFixAvailableRule
{
    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0009",
        "Dockerfile fix available from code",
        "The Dockerfile of '{0}' can be fixed ({1}): {2}",
        RuleCategories.Project,
        RuleSeverity.Hidden,
        "A hidden diagnostic on the program's entry point that mirrors the fixable Dockerfile diagnostics, so editors that show no light bulb in a Dockerfile offer the fixes from C# code.")
    {
        Inputs = RuleInputs.Code,
        FixKind = RuleFixKind.Rewrite,
    };
}
