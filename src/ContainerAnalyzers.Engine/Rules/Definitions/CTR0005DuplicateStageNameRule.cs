using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>CTR0005: two stages share a name, compared without case as Docker compares them. Reported on the later name.</summary>
public sealed class CTR0005DuplicateStageNameRule : DockerfileRule
{
    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0005",
        "Duplicate stage name",
        "The stage name '{0}' is already used by stage {1} (stage names are case-insensitive)",
        RuleCategories.Build,
        RuleSeverity.Warning,
        "Docker rejects a Dockerfile whose stages share a name, whatever the case.")
    {
        HadolintEquivalents = new[] { "DL3024" },
        BuildKitEquivalents = new[] { "DuplicateStageName" },
    };

    public override RuleDescriptor Descriptor => Definition;

    protected internal override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
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
                findings.Add(Report(token.Span, name, first.ToString(CultureInfo.InvariantCulture)));
            }
            else
            {
                seen[name] = stage.Index;
            }
        }
    }

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(SourceSpan span, string name, string firstStage)
        => new(Definition, span, new[] { name, firstStage });
}
