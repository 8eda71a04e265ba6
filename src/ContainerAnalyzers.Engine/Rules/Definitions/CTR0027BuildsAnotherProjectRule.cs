using System.Collections.Generic;
using System.Threading;
using ContainerAnalyzers.Rules.Shared;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0027 (info): the Dockerfile next to this project names project files (in restore/build/publish commands or
/// COPY sources) and none of them is this project. A solution-root Dockerfile that names this project among
/// others is fine. Reported on the first project named.
/// </summary>
public sealed class CTR0027BuildsAnotherProjectRule : DockerfileRule
{
    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0027",
        "Dockerfile builds another project",
        "The Dockerfile builds '{0}', not this project '{1}'",
        RuleCategories.Project,
        RuleSeverity.Info,
        "The Dockerfile next to this project names only other projects: typically a Dockerfile copied from another project and not adapted.")
    {
        Recommended = true,
    };

    public override RuleDescriptor Descriptor => Definition;

    protected internal override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        var others = analysis.OtherProjects;
        if (others.Count == 0 || analysis.Project.ProjectPath is not { } path)
        {
            return;
        }

        findings.Add(Report(others[0].Span, others[0].FileName, path.Substring(path.LastIndexOfAny(new[] { '/', '\\' }) + 1)));
    }

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(SourceSpan span, string otherProject, string thisProject)
        => new(Definition, span, new[] { otherProject, thisProject });
}
