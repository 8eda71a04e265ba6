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
        var properties = ImmutableDictionary.CreateRange(finding.Properties);
        return Diagnostic.Create(GetDescriptor(finding.Rule), location, properties, finding.MessageArguments);
    }

    private static int Clamp(int value, int length) => value < 0 ? 0 : value > length ? length : value;
}
