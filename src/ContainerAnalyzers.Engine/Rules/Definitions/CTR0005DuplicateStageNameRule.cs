using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>CTR0005: two stages share a name, compared without case as Docker compares them. Reported on the later name.</summary>
public sealed class CTR0005DuplicateStageNameRule : DockerfileRule
{
    public override RuleDescriptor Descriptor => RuleDescriptors.DuplicateStageName;

    protected override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var stage in analysis.Model.Stages)
        {
            if (stage.Name is not { } name || stage.From.StageName is not { } token)
            {
                continue;
            }

            if (seen.TryGetValue(name, out var first))
            {
                findings.Add(new RuleFinding(Descriptor, token.Span, new[] { name, first.ToString(CultureInfo.InvariantCulture) }));
            }
            else
            {
                seen[name] = stage.Index;
            }
        }
    }
}
