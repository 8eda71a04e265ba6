using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0006: a multi-stage file whose final stage neither builds on an earlier stage, nor builds the app itself, nor
/// copies or mounts anything from an earlier stage, while an earlier stage builds .NET code. Reported on the final FROM.
/// </summary>
public sealed class CTR0006FinalStageHasNoBuildOutputRule : DockerfileRule
{
    public override RuleDescriptor Descriptor => RuleDescriptors.FinalStageHasNoBuildOutput;

    protected override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        var model = analysis.Model;
        if (model.FinalStage is not { } final || model.Stages.Count < 2 || final.IsBaseUnknown || final.BaseStage is not null)
        {
            return;
        }

        var builds = final.Instructions.Any(i => i.Kind == InstructionKind.Run && DotnetCommands.Find(i).Any(c => DotnetCommands.IsBuildVerb(c.Verb)));
        // Copying a front end (a node stage) is not the app: the dependency must reach a stage that builds .NET code.
        var usesEarlierStage = final.Dependencies.Any(d => d.IsUnknown || (d.Stage is not null && d.Stage.Lineage.Any(s => s.Instructions.Any(i => i.Kind == InstructionKind.Run && DotnetCommands.Find(i).Any(c => DotnetCommands.IsBuildVerb(c.Verb))))));
        var earlierBuilds = model.Stages.Where(s => s != final).Any(s => s.Instructions.Any(i => i.Kind == InstructionKind.Run && DotnetCommands.Find(i).Any(c => DotnetCommands.IsBuildVerb(c.Verb))));
        if (builds || usesEarlierStage || !earlierBuilds)
        {
            return;
        }

        findings.Add(new RuleFinding(Descriptor, final.From.Span, new[] { final.DisplayName }));
    }
}
