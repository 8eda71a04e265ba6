using System.Collections.Generic;
using System.Threading;
using ContainerAnalyzers.Rules.CrossFile;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0027 (info): the Dockerfile next to this project names project files (in restore/build/publish commands or
/// COPY sources) and none of them is this project. A solution-root Dockerfile that names this project among
/// others is fine. Reported on the first project named.
/// </summary>
public sealed class CTR0027BuildsAnotherProjectRule : DockerfileRule
{
    public override RuleDescriptor Descriptor => RuleDescriptors.BuildsAnotherProject;

    protected override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        var others = AppBuild.OtherProjects(analysis);
        if (others.Count == 0 || analysis.Project.ProjectPath is not { } path)
        {
            return;
        }

        findings.Add(new RuleFinding(Descriptor, others[0].Span, new[] { others[0].FileName, path.Substring(path.LastIndexOfAny(new[] { '/', '\\' }) + 1) }));
    }
}
