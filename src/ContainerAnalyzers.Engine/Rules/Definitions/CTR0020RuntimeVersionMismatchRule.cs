using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ContainerAnalyzers.Images;
using ContainerAnalyzers.Rules.Shared;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0020: a framework-dependent app on an aspnet or runtime image whose .NET version is older than its
/// TargetFramework, or of a newer major version without a RollForward policy that allows it. Reported on the image.
/// </summary>
public sealed class CTR0020RuntimeVersionMismatchRule : DockerfileRule
{
    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0020",
        "Runtime image version does not match TargetFramework",
        "The final image '{0}' has .NET {1}, but the project targets {2}; use the .NET {3} image",
        RuleCategories.Compatibility,
        RuleSeverity.Warning,
        "A framework-dependent app needs the runtime of its TargetFramework's major version: an older runtime cannot run it, and a newer major version is not used unless RollForward allows it.")
    {
        Inputs = RuleInputs.Dockerfile | RuleInputs.SdkContainerImage,
        FixKind = RuleFixKind.Edit,
    };

    public override RuleDescriptor Descriptor => Definition;

    protected internal override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        if (analysis.Model.FinalStage is not { } final
            || !analysis.BuildsThisApp
            || analysis.IsSelfContained != false
            || analysis.FinalImage is not { Kind: DotnetImageKind.AspNet or DotnetImageKind.Runtime, IsDotnetFramework: false, Major: { } major } image
            || analysis.TargetFramework is not { Major: { } targetMajor, Minor: { } targetMinor } framework)
        {
            return;
        }

        var minor = image.Minor ?? 0;
        var older = major < targetMajor || (major == targetMajor && minor < targetMinor);
        var newerMajor = major > targetMajor && !RollsForwardAcrossMajors(analysis, final);
        if (!older && !newerMajor)
        {
            return;
        }

        var from = final.Root.From;
        var fix = ImageFixes.Retag(analysis.Model.Syntax, from, image, framework.Version!);
        findings.Add(Report(from?.Image?.Span ?? final.From.Span, image.Reference.Original, image.Version!, framework.Name, framework.Version!).With(fixes: fix is null ? Array.Empty<RuleFix>() : new[] { fix }));
    }

    private static bool RollsForwardAcrossMajors(DockerfileAnalysis analysis, Stage final)
    {
        // An ENV whose value cannot be known (ENV DOTNET_ROLL_FORWARD=$POLICY, no default) may roll forward: say nothing.
        var pair = StageFacts.Environment(final).LastOrDefault(p => string.Equals(p.Key.Value, "DOTNET_ROLL_FORWARD", StringComparison.Ordinal));
        var policy = pair is null ? analysis.Project.RollForward : analysis.Model.EnvironmentValue(pair);
        return pair is not null && policy is null
            || string.Equals(policy, "Major", StringComparison.OrdinalIgnoreCase) || string.Equals(policy, "LatestMajor", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(SourceSpan span, string image, string imageVersion, string targetFramework, string frameworkVersion)
        => new(Definition, span, new[] { image, imageVersion, targetFramework, frameworkVersion });
}
