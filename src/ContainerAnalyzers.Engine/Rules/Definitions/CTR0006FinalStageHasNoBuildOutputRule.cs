using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0006: a multi-stage file whose final stage neither builds on an earlier stage, nor builds the app itself, nor
/// copies or mounts anything from an earlier stage, while an earlier stage builds .NET code. Reported on the final FROM.
/// </summary>
public sealed class CTR0006FinalStageHasNoBuildOutputRule : DockerfileRule
{
    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0006",
        "The final stage never receives the build output",
        "The final stage '{0}' neither builds the app nor copies anything from the earlier stages, so the image runs without their output",
        RuleCategories.Build,
        RuleSeverity.Warning,
        "In a multi-stage build the final stage must build on an earlier stage or COPY --from it; otherwise the builder's work is thrown away and the image has no app.");

    public override RuleDescriptor Descriptor => Definition;

    protected internal override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        var model = analysis.Model;
        if (model.FinalStage is not { } final || model.Stages.Count < 2 || final.IsBaseUnknown || final.BaseStage is not null)
        {
            return;
        }

        var builds = model.RunsDotnet(final, buildVerbsOnly: true);
        // Copying a front end (a node stage) is not the app: the dependency must reach a stage that builds .NET code.
        var usesEarlierStage = final.Dependencies.Any(d => d.IsUnknown || (d.Stage is not null && d.Stage.Lineage.Any(s => model.RunsDotnet(s, buildVerbsOnly: true))));
        var earlierBuilds = model.Stages.Where(s => s != final).Any(s => model.RunsDotnet(s, buildVerbsOnly: true));
        if (builds || usesEarlierStage || !earlierBuilds)
        {
            return;
        }

        findings.Add(Report(final.From.Span, final.DisplayName));
    }

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(SourceSpan span, string stage)
        => new(Definition, span, new[] { stage });
}
