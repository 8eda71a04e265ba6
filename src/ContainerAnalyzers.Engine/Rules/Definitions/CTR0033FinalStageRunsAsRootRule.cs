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
/// CTR0033: the final stage's last USER is root (or 0), or a .NET 8+ non-chiseled final image, which runs as root by
/// default, has no USER at all. The fix sets <c>USER $APP_UID</c> (defined by .NET 8+ images). Running as root by
/// default is a warning for a network-facing app (a web project, or an EXPOSE) and informational otherwise:
/// Microsoft's own console sample (complexapp) ships that way.
/// </summary>
public sealed class CTR0033FinalStageRunsAsRootRule : DockerfileRule
{
    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0033",
        "Final stage runs as root",
        "{0}; run the app as a non-root user ({1})",
        RuleCategories.Runtime,
        RuleSeverity.Warning,
        "A container running as root turns an app compromise into root in the container. .NET 8+ images include a non-root 'app' user ($APP_UID); chiseled images use it by default.")
    {
        Inputs = RuleInputs.Dockerfile | RuleInputs.SdkContainerImage,
        HadolintEquivalents = new[] { "DL3002" },
        Recommended = true,
        FixKind = RuleFixKind.EditByChoice,
    };

    public override RuleDescriptor Descriptor => Definition;

    // .NET 8+ images define APP_UID; Google's distroless images have the nonroot user (65532) and :nonroot tags.
    private static string NonRootAdvice(DockerfileAnalysis analysis)
        => analysis.FinalGoogleDistroless is not null ? "USER 65532, or a :nonroot tag" : "USER $APP_UID";

    protected internal override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        // An entrypoint that starts as root to prepare the container and then drops to another user (gosu, su-exec,
        // a docker-entrypoint.sh) runs as root on purpose: USER would break it.
        // A GitHub Docker action runs as root by GitHub's own requirement.
        if (analysis.Model.FinalStage is not { } final || analysis.IsDockerActionImage || analysis.FinalStageIsSdkJob || FinalStageFacts.DropsRootAtStart(final))
        {
            return;
        }

        var tree = analysis.Model.Syntax;
        var image = analysis.FinalImage;
        var hasAppUid = image is { Major: >= 8, IsWindows: false };
        var user = StageFacts.Last(final, InstructionKind.User);
        if (user is not null)
        {
            var account = user.Arguments.Count > 0 ? StageFacts.Account(user.Arguments[0].Value) : string.Empty;
            if (StageFacts.IsRoot(account))
            {
                findings.Add(Report(user.Span, $"The final stage runs as '{account}'", NonRootAdvice(analysis)).With(fixes: hasAppUid && tree.GetText(user.Arguments[0].Span) == user.Arguments[0].Value
                        ? new[] { new RuleFix("Run as $APP_UID", RuleFixTarget.Dockerfile, user.Arguments[0].Span, user.Arguments[0].Value, "$APP_UID") }
                        : Array.Empty<RuleFix>()));
            }

            return;
        }

        var google = analysis.FinalGoogleDistroless;
        var runsAsRootByDefault = RunsAsRoot(image) || google is { IsNonRoot: false };
        if (analysis.FinalImageVariants is { } variants)
        {
            // A tag that ends in a variable with no value (aspnet:8.0-bookworm-slim${ARCH}): root only when every
            // variant it can be runs as root; aspnet:10.0${SUFFIX} can be chiseled, so it says nothing.
            if (variants.All(RunsAsRoot) && final.Root.From?.Image is { } written)
            {
                findings.Add(Report(written.Span, $"The final image '{written.Value}' runs as root by default whatever its tag's variable holds, and the stage sets no USER", NonRootAdvice(analysis))
                    .With(severity: IsNetworkFacing(analysis, final) ? null : RuleSeverity.Info));
            }

            return;
        }

        if (!runsAsRootByDefault || final.IsBaseUnknown)
        {
            return;
        }

        // Insert USER before the entry point, so later RUNs (if any) still run as root where they need to.
        var anchor = StageFacts.Last(final, InstructionKind.Entrypoint) ?? StageFacts.Last(final, InstructionKind.Cmd);
        var fixes = new List<RuleFix>();
        if (anchor is not null && final.Instructions.Contains(anchor) && google is null)
        {
            var newLine = NewLines.Of(tree.Text);
            fixes.Add(new RuleFix("Run as $APP_UID", RuleFixTarget.Dockerfile, new SourceSpan(anchor.Keyword.Span.Start, 0), string.Empty, "USER $APP_UID" + newLine));
        }

        findings.Add(Report(final.From.Image?.Span ?? final.From.Span, $"The final image '{(google?.Reference ?? image!.Reference).Original}' runs as root by default and the stage sets no USER", NonRootAdvice(analysis)).With(severity: IsNetworkFacing(analysis, final) ? null : RuleSeverity.Info, fixes: fixes));
    }

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(SourceSpan span, string user, string advice)
        => new(Definition, span, new[] { user, advice });

    // A web app, or one that exposes a port, is reachable from the network: root there is a warning, elsewhere advice.
    private static bool IsNetworkFacing(DockerfileAnalysis analysis, Stage final)
        => analysis.Project.IsWeb || final.Lineage.SelectMany(s => s.Instructions).Any(i => i.Kind == InstructionKind.Expose);

    private static bool RunsAsRoot(DotnetImage? image)
        => image is { Kind: not DotnetImageKind.Sdk, IsChiseled: false, IsDistroless: false, IsWindows: false, Major: >= 8 };
}
