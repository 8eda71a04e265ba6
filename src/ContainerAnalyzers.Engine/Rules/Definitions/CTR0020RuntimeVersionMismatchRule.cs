using System;
using System.Collections.Generic;
using System.Threading;
using ContainerAnalyzers.Images;
using ContainerAnalyzers.Rules.CrossFile;
using ContainerAnalyzers.Semantics;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0020: a framework-dependent app on an aspnet or runtime image whose .NET version is older than its
/// TargetFramework, or of a newer major version without a RollForward policy that allows it. Reported on the image.
/// </summary>
public sealed class CTR0020RuntimeVersionMismatchRule : DockerfileRule
{
    public override RuleDescriptor Descriptor => RuleDescriptors.RuntimeVersionMismatch;

    protected override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        if (analysis.Model.FinalStage is not { } final
            || !AppBuild.BuildsThisApp(analysis)
            || AppBuild.IsSelfContained(analysis) != false
            || AppBuild.FinalImage(analysis) is not { Kind: DotnetImageKind.AspNet or DotnetImageKind.Runtime, IsDotnetFramework: false, Major: { } major } image
            || AppBuild.TargetFramework(analysis) is not { Major: { } targetMajor, Minor: { } targetMinor } framework)
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

        var from = AppBuild.RootFrom(final);
        var fix = ImageFixes.Retag(analysis.Model.Syntax, from, image, framework.Version!);
        findings.Add(new RuleFinding(Descriptor, from?.Image?.Span ?? final.From.Span, new[] { image.Reference.Original, image.Version!, framework.Name, framework.Version! })
        {
            Fixes = fix is null ? Array.Empty<RuleFix>() : new[] { fix },
        });
    }

    private static bool RollsForwardAcrossMajors(DockerfileAnalysis analysis, Stage final)
    {
        var policy = StageFacts.GetEnvironment(final, "DOTNET_ROLL_FORWARD") ?? analysis.Project.RollForward;
        return string.Equals(policy, "Major", StringComparison.OrdinalIgnoreCase) || string.Equals(policy, "LatestMajor", StringComparison.OrdinalIgnoreCase);
    }
}
