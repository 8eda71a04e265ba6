using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ContainerAnalyzers.Rules.Shared;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0031: a shell-form RUN in any stage whose image has no /bin/sh, unless a SHELL instruction names another
/// shell. Exec-form RUN is left alone: it runs a program the author put there. Reported on each such RUN.
/// </summary>
public sealed class CTR0031RunWithoutShellRule : DockerfileRule
{
    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0031",
        "RUN on an image without a shell",
        "RUN in shell form needs '/bin/sh', but the stage's image '{0}' has none; run it in a stage on an image with a shell",
        RuleCategories.Runtime,
        RuleSeverity.Warning,
        "Chiseled and distroless images have no /bin/sh: a shell-form RUN fails the build.");

    public override RuleDescriptor Descriptor => Definition;

    protected internal override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        // Whether a SHELL appears in a stage's lineage, from its base stage's answer: linear in the number of stages.
        var declaresShell = new Dictionary<Stage, bool>();
        foreach (var stage in analysis.Model.Stages)
        {
            var declares = stage.Instructions.Any(i => i.Kind == InstructionKind.Shell) || (stage.BaseStage is { } baseStage && declaresShell.TryGetValue(baseStage, out var inherited) && inherited);
            declaresShell[stage] = declares;
            if (declares || ShellAvailability.HasShell(stage) != false || stage.RootImage is not { } image)
            {
                continue;
            }

            foreach (var run in stage.Instructions.Where(i => i.Kind == InstructionKind.Run && !i.IsJsonForm))
            {
                findings.Add(Report(run.Span, image.Original));
            }
        }
    }

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(SourceSpan span, string image)
        => new(Definition, span, new[] { image });
}
