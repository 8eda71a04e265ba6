namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0009: a hidden diagnostic on the program's entry point that mirrors the fixable Dockerfile diagnostics, so
/// editors that show no light bulb in a Dockerfile offer the fixes from C# code. Its analysis needs the C# syntax
/// trees, so it lives in the analyzer (CTR0009DockerfileFixAvailableAnalyzer); this class holds its table row.
/// </summary>
public static class CTR0009DockerfileFixAvailableRule
{
    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0009",
        "Dockerfile fix available from code",
        "The Dockerfile of '{0}' can be fixed ({1}): rewrite it as a distroless multi-stage build",
        RuleCategories.Project,
        RuleSeverity.Hidden,
        "A hidden diagnostic on the program's entry point that mirrors the fixable Dockerfile diagnostics, so editors that show no light bulb in a Dockerfile offer the fixes from C# code.")
    {
        Inputs = RuleInputs.Code,
        FixKind = RuleFixKind.Rewrite,
    };
}
