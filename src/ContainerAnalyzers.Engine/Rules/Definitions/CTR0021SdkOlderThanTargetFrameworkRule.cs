using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ContainerAnalyzers.Images;
using ContainerAnalyzers.Projects;
using ContainerAnalyzers.Rules.Shared;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0021: a stage restores, builds or publishes on an SDK image older than the framework it builds: the one its
/// <c>-f</c> names, or the highest of the project's TargetFrameworks. Reported on the stage's image.
/// </summary>
public sealed class CTR0021SdkOlderThanTargetFrameworkRule : DockerfileRule
{
    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0021",
        "SDK image is older than the TargetFramework",
        "The stage '{0}' builds with the .NET {1} SDK image '{2}', which cannot build {3} (NETSDK1045); use the .NET {4} SDK image",
        RuleCategories.Compatibility,
        RuleSeverity.Warning,
        "An SDK only builds target frameworks up to its own version; the build fails with NETSDK1045.")
    {
        FixKind = RuleFixKind.Edit,
    };

    public override RuleDescriptor Descriptor => Definition;

    protected internal override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        if (analysis.OtherProjects.Count > 0)
        {
            return;
        }

        var reported = new HashSet<Stage>();
        foreach (var stage in analysis.Model.Stages)
        {
            var commands = analysis.Model.DotnetCommandsIn(stage, "restore", "build", "publish");
            var root = stage.Root;
            if (commands.Count == 0 || root is null || reported.Contains(root)
                || root.BaseImage is not { } reference || DotnetImage.TryClassify(reference) is not { Kind: DotnetImageKind.Sdk, IsDotnetFramework: false, Major: { } major } image
                || Required(analysis.Project, commands) is not { Major: { } targetMajor, Minor: { } targetMinor } framework)
            {
                continue;
            }

            if (major > targetMajor || (major == targetMajor && (image.Minor ?? 0) >= targetMinor))
            {
                continue;
            }

            reported.Add(root);
            var fix = ImageFixes.Retag(analysis.Model.Syntax, root.From, image, framework.Version!);
            findings.Add(Report(root.From.Image?.Span ?? root.From.Span, stage.DisplayName, image.Version!, reference.Original, framework.Name, framework.Version!).With(fixes: fix is null ? Array.Empty<RuleFix>() : new[] { fix }));
        }
    }

    private static TargetFrameworkMoniker? Required(ProjectFacts project, IReadOnlyList<DotnetCommandLine> commands)
    {
        var frameworks = project.TargetFrameworks.Where(t => t.IsDotnetCore && t.Major is not null).ToArray();
        var named = commands.Select(c => c.GetOption("-f", "--framework")).ToArray();
        if (named.All(n => n is not null))
        {
            var chosen = frameworks.Where(t => named.Contains(t.Name, StringComparer.OrdinalIgnoreCase)).ToArray();
            return TargetFrameworkMoniker.Highest(chosen);
        }

        return project.HighestDotnetFramework;
    }

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(SourceSpan span, string stage, string sdkVersion, string image, string targetFramework, string frameworkVersion)
        => new(Definition, span, new[] { stage, sdkVersion, image, targetFramework, frameworkVersion });
}
