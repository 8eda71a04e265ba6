using System.Collections.Generic;
using System.Threading;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>CTR0091: a compose file the package was handed is not valid YAML, or not a compose file. One finding, at the first error.</summary>
public sealed class CTR0091ComposeSyntaxErrorRule : ComposeRule
{
    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0091",
        "Compose file is not valid",
        "{0}",
        RuleCategories.Syntax,
        RuleSeverity.Warning,
        "docker compose rejects this file. The compose rules say nothing about a file they cannot read.")
    {
        Inputs = RuleInputs.Compose,
    };

    public override RuleDescriptor Descriptor => Definition;

    protected internal override void Analyze(ComposeAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        if (analysis.File.Error is { } error)
        {
            findings.Add(Report(error.Span, error.Message));
        }
    }

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(SourceSpan span, string message)
        => new(Definition, span, new[] { message });
}
