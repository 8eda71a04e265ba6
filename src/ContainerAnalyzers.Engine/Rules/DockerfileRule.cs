using System;
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
        // A message quotes the user's file; a generated one can make an argument longer than a log line should be.
        for (var i = 0; i < messageArguments.Length; i++)
        {
            if (messageArguments[i] is { Length: > MessageText.MaxArgumentLength } tooLong)
            {
                messageArguments[i] = MessageText.Clip(tooLong);
            }
        }

        MessageArguments = messageArguments;
        Properties = properties ?? EmptyProperties;
    }

    /// <summary>A finding reported at another severity than the rule's default (for example CTR0022's size advice is informational).</summary>
    public RuleSeverity? SeverityOverride { get; init; }

    public RuleSeverity Severity => SeverityOverride ?? Rule.DefaultSeverity;

    /// <summary>
    /// The file the span is in, when it is not the file being analyzed: a compose service merged from a file and its
    /// override reports each finding in the file that holds the value. Null for the analyzed file.
    /// </summary>
    public string? File { get; init; }

    /// <summary>Text edits that resolve the finding, offered as code fixes in the order given.</summary>
    public IReadOnlyList<RuleFix> Fixes { get; init; } = Array.Empty<RuleFix>();

    private static readonly IReadOnlyDictionary<string, string?> EmptyProperties = new Dictionary<string, string?>();

    public RuleDescriptor Rule { get; }

    public SourceSpan Span { get; }

    public string[] MessageArguments { get; }

    /// <summary>Facts the code fix needs (for example a suggested tag), recorded by the rule that knows them.</summary>
    public IReadOnlyDictionary<string, string?> Properties { get; }

    public string GetMessage() => string.Format(System.Globalization.CultureInfo.InvariantCulture, Rule.MessageFormat, MessageArguments);

    /// <summary>The same finding with fixes, another severity or facts for the code fix (what a rule's typed Report leaves out).</summary>
    public RuleFinding With(IReadOnlyList<RuleFix>? fixes = null, RuleSeverity? severity = null, IReadOnlyDictionary<string, string?>? properties = null)
        => new(Rule, Span, MessageArguments, properties ?? Properties)
        {
            SeverityOverride = severity ?? SeverityOverride,
            Fixes = fixes ?? Fixes,
            File = File,
        };
}

/// <summary>
/// A rule over one Dockerfile: a small fold over the semantic model that reports findings. Rules know nothing
/// of Roslyn or of suppression comments: a host (<see cref="RuleHost"/>) runs them all, then filters the suppressed
/// findings in one pass, and turns the rest into diagnostics.
/// </summary>
public abstract class DockerfileRule
{
    public abstract RuleDescriptor Descriptor { get; }

    /// <summary>This rule alone, followed by the suppression pass: for tests and tools that ask one rule.</summary>
    public IReadOnlyList<RuleFinding> Analyze(DockerfileAnalysis analysis, CancellationToken cancellationToken = default)
        => RuleHost.Run(analysis, new[] { this }, cancellationToken);

    /// <summary>The fold: adds the rule's findings, suppressed or not.</summary>
    protected internal abstract void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken);
}
