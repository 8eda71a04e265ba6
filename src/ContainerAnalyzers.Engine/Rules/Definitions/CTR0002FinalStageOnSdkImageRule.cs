using System.Collections.Generic;
using System.Threading;
using ContainerAnalyzers.Images;
using ContainerAnalyzers.Semantics;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0002: the final stage's image, followed through <c>FROM stage</c> chains and resolved ARGs, is a .NET SDK
/// image (current, legacy or .NET Framework). Reported on the final FROM's image.
/// </summary>
public sealed class CTR0002FinalStageOnSdkImageRule : DockerfileRule
{
    public override RuleDescriptor Descriptor => RuleDescriptors.FinalStageOnSdkImage;

    protected override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        var final = analysis.Model.FinalStage;
        if (final?.RootImage is not { } image || FinalStageFacts.IsTestRunner(final, analysis.Project))
        {
            return;
        }

        if (DotnetImage.TryClassify(image) is not { Kind: DotnetImageKind.Sdk })
        {
            return;
        }

        var through = final.BaseStage is null ? string.Empty : $" (through stage '{final.BaseStage.DisplayName}')";
        var span = final.From.Image?.Span ?? final.From.Span;
        findings.Add(new RuleFinding(Descriptor, span, new[] { final.DisplayName, image.Original, through }));
    }
}
