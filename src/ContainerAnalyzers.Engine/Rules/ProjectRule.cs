using System.Collections.Generic;
using System.Threading;
using ContainerAnalyzers.Projects;

namespace ContainerAnalyzers.Rules;

/// <summary>
/// A rule over the project file of a project that has no Dockerfile (the third input, beside the Dockerfile and the
/// compose file): a fold over the project's facts, run by <see cref="RuleHost"/> like the other two shapes.
/// </summary>
public abstract class ProjectRule
{
    public abstract RuleDescriptor Descriptor { get; }

    /// <summary>This rule alone: for tests and tools that ask one rule.</summary>
    public IReadOnlyList<RuleFinding> Analyze(ProjectFacts project, CancellationToken cancellationToken = default)
        => RuleHost.Run(project, new[] { this }, cancellationToken);

    /// <summary>The fold: adds the rule's findings.</summary>
    protected internal abstract void Analyze(ProjectFacts project, List<RuleFinding> findings, CancellationToken cancellationToken);
}
