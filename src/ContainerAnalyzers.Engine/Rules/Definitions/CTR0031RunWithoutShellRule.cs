using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ContainerAnalyzers.Rules.CrossFile;
using ContainerAnalyzers.Syntax;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0031: a shell-form RUN in any stage whose image has no /bin/sh, unless a SHELL instruction names another
/// shell. Exec-form RUN is left alone: it runs a program the author put there. Reported on each such RUN.
/// </summary>
public sealed class CTR0031RunWithoutShellRule : DockerfileRule
{
    public override RuleDescriptor Descriptor => RuleDescriptors.RunWithoutShell;

    protected override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        foreach (var stage in analysis.Model.Stages)
        {
            if (ShellAvailability.HasShell(stage) != false || ShellAvailability.DeclaresShell(stage) || stage.RootImage is not { } image)
            {
                continue;
            }

            foreach (var run in stage.Instructions.Where(i => i.Kind == InstructionKind.Run && !i.IsJsonForm))
            {
                findings.Add(new RuleFinding(Descriptor, run.Span, new[] { image.Original }));
            }
        }
    }
}
