using System.Collections.Immutable;
using ContainerAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ContainerAnalyzers.Infrastructure;

/// <summary>Turns the engine's rule descriptors and findings into Roslyn descriptors and diagnostics.</summary>
internal static class DiagnosticFactory
{
    public static DiagnosticDescriptor GetDescriptor(RuleDescriptor rule) => DiagnosticDescriptors.For(rule);

    /// <summary>A diagnostic located in a Dockerfile or project file: path, span, and line/column from the same text the IDE shows.</summary>
    public static Diagnostic Create(RuleFinding finding, string path, SourceText text)
    {
        var start = Clamp(finding.Span.Start, text.Length);
        var end = Clamp(finding.Span.End, text.Length);
        var span = TextSpan.FromBounds(start, end < start ? start : end);
        var location = Location.Create(path, span, text.Lines.GetLinePositionSpan(span));
        // Most findings carry no facts and no fixes: share the empty dictionary instead of building one each.
        var properties = finding.Properties.Count == 0 && finding.Fixes.Count == 0
            ? ImmutableDictionary<string, string?>.Empty
            : ImmutableDictionary.CreateRange(finding.Properties).AddRange(FixProperties.Write(finding.Fixes));
        return finding.SeverityOverride is { } severity
            ? Diagnostic.Create(GetDescriptor(finding.Rule), location, ToRoslyn(severity), additionalLocations: null, properties, finding.MessageArguments)
            : Diagnostic.Create(GetDescriptor(finding.Rule), location, properties, finding.MessageArguments);
    }

    private static DiagnosticSeverity ToRoslyn(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Hidden => DiagnosticSeverity.Hidden,
        RuleSeverity.Info => DiagnosticSeverity.Info,
        RuleSeverity.Warning => DiagnosticSeverity.Warning,
        _ => DiagnosticSeverity.Error,
    };

    private static int Clamp(int value, int length) => value < 0 ? 0 : value > length ? length : value;
}
