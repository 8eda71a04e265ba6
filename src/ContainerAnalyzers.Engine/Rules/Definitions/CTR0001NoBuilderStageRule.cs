using System.Collections.Generic;
using System.Threading;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0001: the final image restores, builds or publishes the app itself, in its own stage or in a stage it
/// builds on (<c>FROM build AS final</c>). Reported on the build command, or on the final FROM when inherited.
/// </summary>
public sealed class CTR0001NoBuilderStageRule : DockerfileRule
{
    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0001",
        "Dockerfile has no builder stage",
        "The final stage '{0}' also runs '{1}', so the image that runs the app carries the SDK, the sources and the build output of every intermediate step; build in a separate stage and copy only the publish output",
        RuleCategories.Build,
        RuleSeverity.Warning,
        "The image that runs the app is also the one that restores, builds or publishes it. A multi-stage build keeps the SDK and sources out of the shipped image.")
    {
        FixKind = RuleFixKind.Rewrite,
    };

    public override RuleDescriptor Descriptor => Definition;

    protected internal override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        var final = analysis.Model.FinalStage;
        if (final is null || analysis.FinalStageIsSdkJob)
        {
            return;
        }

        foreach (var stage in final.Lineage)
        {
            foreach (var instruction in stage.Instructions)
            {
                if (instruction.Kind != InstructionKind.Run)
                {
                    continue;
                }

                foreach (var invocation in analysis.Model.DotnetCommandsOf(instruction))
                {
                    if (!DotnetCommandLine.IsBuildVerb(invocation.Verb))
                    {
                        continue;
                    }

                    var span = stage == final ? instruction.Span : final.From.Image?.Span ?? final.From.Span;
                    findings.Add(Report(span, final.DisplayName, "dotnet " + invocation.Verb));
                    return;
                }
            }
        }
    }

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(SourceSpan span, string stage, string command)
        => new(Definition, span, new[] { stage, command });
}
