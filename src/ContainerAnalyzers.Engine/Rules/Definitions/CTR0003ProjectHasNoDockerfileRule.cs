using System.Collections.Generic;
using System.Threading;
using ContainerAnalyzers.Projects;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0003: an executable project (Exe or the web SDK) with no Dockerfile and no SDK container publishing.
/// Never for libraries, test projects, desktop apps or tools. Reported on the project file.
/// </summary>
public sealed class CTR0003ProjectHasNoDockerfileRule : ProjectRule
{
    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0003",
        "Project has no Dockerfile",
        "The executable project '{0}' has no Dockerfile next to it; add a multi-stage Dockerfile with a distroless final stage, or publish with the SDK's container support",
        RuleCategories.Project,
        RuleSeverity.Info,
        "An executable project without a Dockerfile or SDK container settings cannot be containerized as it is.")
    {
        Inputs = RuleInputs.ProjectFile,
        FixKind = RuleFixKind.NewFile,
    };

    public override RuleDescriptor Descriptor => Definition;

    /// <summary>
    /// The project is an app that a Dockerfile would containerize and has none of its own: what this rule reports, and
    /// what the fixes and the code mirror (CTR0009) ask before they offer a new Dockerfile.
    /// </summary>
    public static bool NeedsDockerfile(ProjectFacts project)
        => project.IsExecutable && !project.IsTestProject && !project.CannotRunInLinuxContainer && !project.UsesSdkContainerPublishing;

    protected internal override void Analyze(ProjectFacts project, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        if (NeedsDockerfile(project))
        {
            findings.Add(Report(project.ProjectElementSpan, project.ProjectName ?? "project"));
        }
    }

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(SourceSpan span, string project)
        => new(Definition, span, new[] { project });
}
