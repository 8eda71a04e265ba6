using System.Collections.Generic;
using System.Threading;
using ContainerAnalyzers.Images;
using ContainerAnalyzers.Rules.Shared;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0002: the final stage's image, followed through <c>FROM stage</c> chains and resolved ARGs, is a .NET SDK
/// image (current, legacy or .NET Framework). Reported on the final FROM's image.
/// </summary>
public sealed class CTR0002FinalStageOnSdkImageRule : DockerfileRule
{
    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0002",
        "Final stage runs on a .NET SDK image",
        "The final stage '{0}' runs on the .NET SDK image '{1}'{2}; run the app on a runtime image (aspnet, runtime or runtime-deps), preferably a chiseled one",
        RuleCategories.Image,
        RuleSeverity.Warning,
        "The SDK image is several times larger than a runtime image and ships compilers, NuGet and a shell into production.")
    {
        Inputs = RuleInputs.Dockerfile | RuleInputs.SdkContainerImage,
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

        // The repository decides: sdk:10.0${SUFFIX} is an SDK image whatever the tag's variable holds, aspnet:… never is.
        var image = final.RootImage ?? final.Root.BaseImageTagPrefix;
        if (image is null || DotnetImage.TryClassify(image) is not { Kind: DotnetImageKind.Sdk })
        {
            return;
        }

        var written = final.RootImage is null ? final.Root.From?.Image?.Value ?? image.Original : image.Original;
        var through = final.BaseStage is null ? string.Empty : $" (through stage '{final.BaseStage.DisplayName}')";
        var span = final.From.Image?.Span ?? final.From.Span;
        findings.Add(Report(span, final.DisplayName, written, through));
    }

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(SourceSpan span, string stage, string image, string through)
        => new(Definition, span, new[] { stage, image, through });
}
