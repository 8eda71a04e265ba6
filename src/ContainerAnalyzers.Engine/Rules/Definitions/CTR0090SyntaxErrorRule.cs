using System.Collections.Generic;
using System.Threading;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>CTR0090: what the parser could not accept, one finding per syntax diagnostic.</summary>
public sealed class CTR0090SyntaxErrorRule : DockerfileRule
{
    public override RuleDescriptor Descriptor => RuleDescriptors.SyntaxError;

    protected override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        foreach (var diagnostic in analysis.Model.Syntax.Diagnostics)
        {
            findings.Add(new RuleFinding(Descriptor, diagnostic.Span, new[] { diagnostic.Message }));
        }
    }
}
