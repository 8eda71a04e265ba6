using System;
using System.Collections.Generic;
using System.Threading;
using ContainerAnalyzers.Projects;
using ContainerAnalyzers.Semantics;

namespace ContainerAnalyzers.Rules;

/// <summary>
/// Runs rules over one Dockerfile analysis in a single pass, then the suppression pass over all their findings
/// (hadolint's Process and Pragma): every host (the analyzer, the fix generator's self-check, the MSBuild task, the
/// tests) gets the same findings the same way.
/// </summary>
public static class RuleHost
{
    /// <summary>
    /// The unsuppressed findings of the rules. With <paramref name="ruleFailed"/>, a rule that throws loses its own
    /// findings and is reported there, and the others still run (the analyzer's guarantee that one rule's bug cannot
    /// silence the rest or become AD0001); without it, the exception propagates, so the engine's tests see bugs.
    /// </summary>
    public static List<RuleFinding> Run(DockerfileAnalysis analysis, IReadOnlyList<DockerfileRule> rules, CancellationToken cancellationToken, Action<DockerfileRule, Exception>? ruleFailed = null)
    {
        var findings = new List<RuleFinding>();
        RunEach(rules, (rule, found) => rule.Analyze(analysis, found, cancellationToken), findings, cancellationToken, ruleFailed);
        RemoveSuppressed(analysis, findings);
        Definitions.CTR0098FindingsCappedRule.Cap(findings);
        return findings;
    }

    /// <summary>
    /// The build's net: the findings of the rules, where a rule that throws loses its own findings and is reported as
    /// one CTR0099 finding naming it and the exception's type (never AD0001, never silence), and the others still run.
    /// </summary>
    public static List<RuleFinding> RunContained(DockerfileAnalysis analysis, IReadOnlyList<DockerfileRule> rules, CancellationToken cancellationToken)
        => Contained<DockerfileRule>(failed => Run(analysis, rules, cancellationToken, failed), rule => rule.Descriptor);

    /// <summary>The findings of the project rules over a project without a Dockerfile; a rule that throws is reported as with <see cref="Run(DockerfileAnalysis, IReadOnlyList{DockerfileRule}, CancellationToken, Action{DockerfileRule, Exception}?)"/>.</summary>
    public static List<RuleFinding> Run(ProjectFacts project, IReadOnlyList<ProjectRule> rules, CancellationToken cancellationToken, Action<ProjectRule, Exception>? ruleFailed = null)
    {
        var findings = new List<RuleFinding>();
        RunEach(rules, (rule, found) => rule.Analyze(project, found, cancellationToken), findings, cancellationToken, ruleFailed);
        return findings;
    }

    /// <summary>The build's net over the project rules: a rule that throws becomes one CTR0099 finding, and the others still run.</summary>
    public static List<RuleFinding> RunContained(ProjectFacts project, IReadOnlyList<ProjectRule> rules, CancellationToken cancellationToken)
        => Contained<ProjectRule>(failed => Run(project, rules, cancellationToken, failed), rule => rule.Descriptor);

    /// <summary>
    /// The net every host's RunContained shares: <paramref name="run"/> gets a failure sink, and each rule that throws
    /// becomes one CTR0099 finding after the others' findings.
    /// </summary>
    internal static List<RuleFinding> Contained<TRule>(Func<Action<TRule, Exception>, List<RuleFinding>> run, Func<TRule, RuleDescriptor> descriptorOf)
    {
        var failures = new List<RuleFinding>();
        var findings = run((rule, exception) => failures.Add(Definitions.CTR0099RuleFailedRule.Failure(descriptorOf(rule).Id, exception)));
        findings.AddRange(failures);
        return findings;
    }

    /// <summary>
    /// Runs each rule's fold into <paramref name="findings"/>. With <paramref name="ruleFailed"/>, a rule that throws
    /// loses its own findings and is reported there, and the others still run; without it, the exception propagates.
    /// Shared by the Dockerfile and the compose hosts.
    /// </summary>
    internal static void RunEach<TRule>(IReadOnlyList<TRule> rules, Action<TRule, List<RuleFinding>> analyze, List<RuleFinding> findings, CancellationToken cancellationToken, Action<TRule, Exception>? ruleFailed)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rule = rules[i];
            if (ruleFailed is null)
            {
                analyze(rule, findings);
                continue;
            }

            var before = findings.Count;
            try
            {
                analyze(rule, findings);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                findings.RemoveRange(before, findings.Count - before);
                ruleFailed(rule, exception);
            }
        }
    }

    /// <summary>Drops the findings a suppression comment or directive covers, by rule id or a hadolint/BuildKit equivalent.</summary>
    public static void RemoveSuppressed(DockerfileAnalysis analysis, List<RuleFinding> findings)
    {
        if (findings.Count == 0)
        {
            return;
        }

        var suppressions = analysis.Model.Suppressions;
        findings.RemoveAll(f => suppressions.IsSuppressed(f.Rule.SuppressionKeys, f.Span));
    }
}
