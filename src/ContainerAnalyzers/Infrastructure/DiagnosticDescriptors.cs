using ContainerAnalyzers.Rules;
using Microsoft.CodeAnalysis;

namespace ContainerAnalyzers.Infrastructure;

/// <summary>
/// The Roslyn descriptors, one per row of the rule table. DiagnosticDescriptors.Table.cs is generated with literal ids,
/// categories and severities, so the release-tracking analyzer can check them against AnalyzerReleases.*.md.
/// </summary>
internal static partial class DiagnosticDescriptors
{
    public static DiagnosticDescriptor For(RuleDescriptor rule)
        => ForId(rule.Id) ?? throw new System.ArgumentException("No Roslyn descriptor for " + rule.Id, nameof(rule));
}
