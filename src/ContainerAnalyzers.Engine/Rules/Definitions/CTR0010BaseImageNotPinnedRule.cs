using System;
using System.Collections.Generic;
using System.Threading;
using ContainerAnalyzers.Images;
using ContainerAnalyzers.Rules.Shared;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0010: a FROM image without a tag, or tagged <c>latest</c>, and no digest. Stage references, <c>scratch</c> and
/// images behind unresolved ARGs are left alone. For a .NET image the fix pins the TargetFramework's version.
/// </summary>
public sealed class CTR0010BaseImageNotPinnedRule : DockerfileRule
{
    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0010",
        "Base image is not pinned",
        "The image '{0}' has {1}, so every build may get a different image; pin a tag{2}",
        RuleCategories.Image,
        RuleSeverity.Warning,
        "An image without a tag, or with 'latest', changes under the build: reproducibility and rollbacks are lost. A version tag or a digest pins it.")
    {
        Inputs = RuleInputs.Dockerfile | RuleInputs.SdkContainerImage,
        HadolintEquivalents = new[] { "DL3006", "DL3007" },
        FixKind = RuleFixKind.Edit,
    };

    public override RuleDescriptor Descriptor => Definition;

    protected internal override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        var framework = analysis.TargetFramework ?? analysis.Project.HighestDotnetFramework;
        foreach (var stage in analysis.Model.Stages)
        {
            if (stage.BaseImage is not { IsScratch: false, Digest: null } image || stage.From.Image is not { } token)
            {
                continue;
            }

            var latest = string.Equals(image.Tag, "latest", StringComparison.Ordinal);
            if (image.Tag is not null && !latest)
            {
                continue;
            }

            RuleFix? fix = null;
            var advice = string.Empty;
            if (DotnetImage.TryClassify(image) is { IsLegacyRepository: false, IsDotnetFramework: false } dotnet && framework?.Version is { } version)
            {
                fix = ImageFixes.Replace(analysis.Model.Syntax, stage.From, image.With(tag: version), $"Pin {image.Repository}:{version}");
                advice = $" such as '{version}', the project's .NET version";
            }

            findings.Add(Report(token.Span, image.Original, latest ? "the 'latest' tag" : "no tag", advice).With(fixes: fix is null ? Array.Empty<RuleFix>() : new[] { fix }));
        }
    }

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(SourceSpan span, string image, string what, string advice)
        => new(Definition, span, new[] { image, what, advice });
}
