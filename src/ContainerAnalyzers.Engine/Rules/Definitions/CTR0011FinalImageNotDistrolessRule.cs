using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ContainerAnalyzers.Images;
using ContainerAnalyzers.Rules.Shared;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0011 (info): the final image is a full-OS .NET runtime image (aspnet, runtime, runtime-deps on Debian,
/// Ubuntu, Alpine or Azure Linux) of a version that has a chiseled variant. The fix switches to it (with -extra when
/// the project needs ICU), offered only when the final stage runs no RUN and no shell-form command.
/// </summary>
public sealed class CTR0011FinalImageNotDistrolessRule : DockerfileRule
{
    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0011",
        "Final image is not distroless",
        "The final image '{0}' is a full OS image; '{1}' has no shell or package manager and is smaller",
        RuleCategories.Image,
        RuleSeverity.Info,
        "Chiseled (Ubuntu) and distroless (Azure Linux) .NET images carry only what the app needs: a smaller image, fewer CVEs to patch, and a non-root user by default.")
    {
        Inputs = RuleInputs.Dockerfile | RuleInputs.SdkContainerImage,
        Recommended = true,
        FixKind = RuleFixKind.EditByChoice,
    };

    public override RuleDescriptor Descriptor => Definition;

    private static bool IsFullOsImage(DotnetImage image)
        => image is { Kind: not DotnetImageKind.Sdk, IsChiseled: false, IsDistroless: false, IsWindows: false, IsLegacyRepository: false, Major: >= 8 };

    protected internal override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        // A GitHub Docker action runs as root with the workspace mounted and often a shell step: a chiseled image (no
        // shell, the app user) is not advice that fits it.
        if (analysis.IsDockerActionImage)
        {
            return;
        }

        if (analysis.Model.FinalStage is { } unknownTag && analysis.FinalImageVariants is { } variants)
        {
            // aspnet:8.0-bookworm-slim${ARCH}: full OS whatever the variable holds. aspnet:10.0${SUFFIX}: a chiseled
            // variant exists, so nothing holds for all of them.
            if (variants.All(IsFullOsImage) && unknownTag.Root.From?.Image is { } written)
            {
                var first = variants[0];
                findings.Add(Report(written.Span, written.Value, first.Reference.With(tag: $"{first.Version}-{ChiseledTags.Family(analysis.Project.InvariantGlobalization == true)}")));
            }

            return;
        }

        if (analysis.Model.FinalStage is not { } final
            || analysis.FinalImage is not { } image
            || !IsFullOsImage(image)
            || image.Reference.Digest is not null)
        {
            return;
        }

        var family = ChiseledTags.Family(analysis.Project.InvariantGlobalization == true);
        var architecture = ChiseledTags.ArchitectureSuffix(image.Reference.Tag);
        var tag = image.IsComposite
            ? $"{image.Version}-noble-chiseled-composite{family.Substring("noble-chiseled".Length)}{architecture}"
            : $"{image.Version}-{family}{architecture}";
        var suggested = image.Reference.With(tag: tag);
        var from = final.Root.From;
        var fixes = new List<RuleFix>();
        if (!NeedsShell(final) && ImageFixes.Replace(analysis.Model.Syntax, from, suggested, $"Use {image.Reference.Repository}:{tag}") is { } fix)
        {
            fixes.Add(fix);
        }

        findings.Add(Report(from?.Image?.Span ?? final.From.Span, image.Reference.Original, suggested).With(fixes: fixes));
    }

    internal static bool NeedsShell(Stage final)
        => final.Lineage.SelectMany(s => s.Instructions).Any(i =>
            i.Kind == InstructionKind.Run
            || (i.Kind is InstructionKind.Entrypoint or InstructionKind.Cmd && !i.IsJsonForm)
            || (i is HealthcheckInstructionSyntax { IsNone: false, IsExecForm: false }));

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(SourceSpan span, string image, string suggested)
        => new(Definition, span, new[] { image, suggested });
}
