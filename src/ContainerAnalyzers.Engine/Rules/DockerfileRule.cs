using System.Collections.Generic;
using System.Threading;
using ContainerAnalyzers.Projects;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules;

/// <summary>A problem a rule found: where, and the arguments of its message.</summary>
public sealed class RuleFinding
{
    public RuleFinding(RuleDescriptor rule, SourceSpan span, string[] messageArguments, IReadOnlyDictionary<string, string?>? properties = null)
    {
        Rule = rule;
        Span = span;
        MessageArguments = messageArguments;
        Properties = properties ?? EmptyProperties;
    }

    private static readonly IReadOnlyDictionary<string, string?> EmptyProperties = new Dictionary<string, string?>();

    public RuleDescriptor Rule { get; }

    public SourceSpan Span { get; }

    public string[] MessageArguments { get; }

    /// <summary>Facts the code fix needs (for example a suggested tag), recorded by the rule that knows them.</summary>
    public IReadOnlyDictionary<string, string?> Properties { get; }

    public string GetMessage() => string.Format(System.Globalization.CultureInfo.InvariantCulture, Rule.MessageFormat, MessageArguments);
}

/// <summary>Everything a Dockerfile rule looks at: the model of one Dockerfile and the facts of its project.</summary>
public sealed class DockerfileAnalysis
{
    public DockerfileAnalysis(DockerfileModel model, ProjectFacts project)
    {
        Model = model;
        Project = project;
    }

    public DockerfileModel Model { get; }

    public ProjectFacts Project { get; }
}

/// <summary>
/// A rule over one Dockerfile: a small fold over the semantic model that reports findings. Rules know nothing
/// of Roslyn or of suppression comments; the host turns findings into diagnostics and filters them.
/// </summary>
public abstract class DockerfileRule
{
    public abstract RuleDescriptor Descriptor { get; }

    public IReadOnlyList<RuleFinding> Analyze(DockerfileAnalysis analysis, CancellationToken cancellationToken = default)
    {
        var findings = new List<RuleFinding>();
        Analyze(analysis, findings, cancellationToken);
        return findings;
    }

    protected abstract void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken);
}
