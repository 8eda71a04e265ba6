using System.Collections.Generic;
using System.Threading;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>CTR0090: what the parser could not accept, one finding per syntax diagnostic.</summary>
public sealed class CTR0090SyntaxErrorRule : DockerfileRule
{
    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0090",
        "Dockerfile syntax error",
        "{0}",
        RuleCategories.Syntax,
        RuleSeverity.Warning,
        "BuildKit rejects this Dockerfile. The other rules still analyze what could be parsed.")
    {
        HadolintEquivalents = new[] { "DL1000", "DL3061" },
    };

    public override RuleDescriptor Descriptor => Definition;

    protected internal override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        foreach (var diagnostic in analysis.Model.Syntax.Diagnostics)
        {
            findings.Add(Report(diagnostic.Span, diagnostic.Message));
        }
    }

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(SourceSpan span, string message)
        => new(Definition, span, new[] { message });
}
