using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0043 (info): a builder stage (it publishes, and the final stage copies from it without building on it) on an
/// SDK image has no <c>--platform</c>. Native AOT builders are left alone: AOT does not cross-compile. The fix adds
/// <c>--platform=$BUILDPLATFORM</c> when the publish is framework-dependent and names no runtime.
/// </summary>
public sealed class CTR0043BuilderNotOnBuildPlatformRule : DockerfileRule
{
    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0043",
        "Builder stage does not use the build platform",
        "The builder stage '{0}' runs on the target platform, so a multi-platform build emulates the SDK; add --platform=$BUILDPLATFORM and {1}",
        RuleCategories.Build,
        RuleSeverity.Info,
        "The SDK can build for any architecture: a builder on $BUILDPLATFORM runs natively and is many times faster than under QEMU emulation.")
    {
        FixKind = RuleFixKind.EditByChoice,
    };

    public override RuleDescriptor Descriptor => Definition;

    protected internal override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        var model = analysis.Model;
        if (model.FinalStage is not { } final || analysis.Project.PublishAot)
        {
            return;
        }

        var finalLineage = new HashSet<Stage>(final.Lineage);
        var copiedFrom = new HashSet<Stage>(final.Dependencies.Where(d => d.Stage is not null).SelectMany(d => d.Stage!.Lineage));
        var reported = new HashSet<Stage>();
        foreach (var stage in model.Stages.Where(s => !finalLineage.Contains(s)))
        {
            // Only a stage the final one copies from can matter; the walk over its lineage comes after that check.
            if (!copiedFrom.Contains(stage))
            {
                continue;
            }

            var publish = model.DotnetCommandsInLineage(stage, "publish").LastOrDefault();
            var root = stage.Root;
            if (publish is null || root is null || root.From.Platform is not null
                || root.BaseImage is not { } image || Images.DotnetImage.TryClassify(image) is not { Kind: Images.DotnetImageKind.Sdk, IsWindows: false, IsAot: false } sdk
                || string.Equals(publish.GetProperty("PublishAot"), "true", System.StringComparison.OrdinalIgnoreCase)
                || !reported.Add(root))
            {
                continue;
            }

            var fixes = publish.GetOption("-r", "--runtime") is null && publish.SelfContained != true && !analysis.Project.IsSelfContained && analysis.Project.RuntimeIdentifier is null
                ? new[] { new RuleFix("Run the builder on $BUILDPLATFORM", RuleFixTarget.Dockerfile, new SourceSpan(root.From.Keyword.Span.End, 0), string.Empty, " --platform=$BUILDPLATFORM") }
                : System.Array.Empty<RuleFix>();
            // -a (--arch) came with the .NET 6 SDK (issue 27: the advice was given for 2.1-5.0 builders too).
            var publishFor = sdk.Major is { } major && major < 6
                ? "publish for the target's runtime identifier with -r (linux-x64 for amd64, linux-arm64 for arm64): -a $TARGETARCH needs the .NET 6 SDK"
                : "publish with -a $TARGETARCH";
            findings.Add(Report(root.From.Span, root.DisplayName, publishFor).With(fixes: fixes));
        }
    }

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(SourceSpan span, string stage, string publishFor)
        => new(Definition, span, new[] { stage, publishFor });
}
