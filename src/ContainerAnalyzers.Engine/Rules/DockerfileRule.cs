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

/// <summary>Everything a Dockerfile rule looks at: the model of one Dockerfile and the facts of its project.</summary>
public sealed class DockerfileAnalysis
{
    public DockerfileAnalysis(DockerfileModel model, ProjectFacts project, SourceEvidence? source = null, bool? hasDockerIgnore = null)
    {
        Model = model;

        // The facts as the configuration the Dockerfile publishes evaluates them, not the IDE's (issue 27).
        Project = project.DependsOnConfiguration ? project.ForConfiguration(PublishConfiguration.Of(model, project)) : project;
        Source = source ?? SourceEvidence.None;
        HasDockerIgnore = hasDockerIgnore;
    }

    /// <summary>Whether the build context has a .dockerignore; null when the host cannot tell.</summary>
    public bool? HasDockerIgnore { get; }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, object?> _memo = new(StringComparer.Ordinal);

    /// <summary>
    /// A fact derived from the model and the project, computed once per analysis however many rules ask for it
    /// (rules run concurrently, so the cache is thread-safe; a racing duplicate computation is harmless).
    /// </summary>
    internal T Memo<T>(string key, Func<DockerfileAnalysis, T> compute) => (T)_memo.GetOrAdd(key, _ => compute(this))!;

    public DockerfileModel Model { get; }

    public ProjectFacts Project { get; }

    /// <summary>What the project's C# sources show, asked for lazily by the few rules that weigh it.</summary>
    public SourceEvidence Source { get; }

    /// <summary>The Dockerfile's full path, when the host knows it ('/'-separated).</summary>
    public string? DockerfilePath { get; init; }

    /// <summary>
    /// The .dockerignore files the package handed over, with their text: the build context's (or, without
    /// DockerfileContext, the nearest one above the Dockerfile) and BuildKit's per-Dockerfile <c>&lt;name&gt;.dockerignore</c>.
    /// </summary>
    public IReadOnlyList<(string Path, string Text)> DockerIgnoreFiles { get; init; } = Array.Empty<(string, string)>();

    /// <summary>The listening settings of the project's appsettings*.json files (the package hands them to the compiler).</summary>
    public IReadOnlyList<AppSettingsEndpoints> AppSettings { get; init; } = Array.Empty<AppSettingsEndpoints>();

    /// <summary>
    /// The Dockerfile builds a GitHub Docker action's image (an action.yml's <c>runs.image</c> names it): a job GitHub
    /// runs as root, not an app, so the app rules that would make it non-root or distroless stay silent, and no rewrite
    /// is offered (<see cref="Projects.GitHubDockerAction"/>).
    /// </summary>
    public bool IsDockerActionImage { get; init; }
}

/// <summary>
/// Evidence from the project's source code, supplied by the host (the Roslyn analyzer searches the compilation's
/// syntax trees). Rules ask only when everything else already points to a problem, so the search is rare.
/// </summary>
public abstract class SourceEvidence
{
    public static SourceEvidence None { get; } = new NoSourceEvidence();

    /// <summary>True when one of the words appears in the sources; null when the sources are not available.</summary>
    public abstract bool? MentionsAny(IReadOnlyList<string> words);

    /// <summary>Where the code itself says the app listens; null when the sources are not available (then no rule can be sure).</summary>
    public virtual CodeEndpoints? Endpoints => null;

    /// <summary>
    /// The time zones the code looks up by a literal id other than UTC (<c>TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")</c>,
    /// <c>ConvertTimeBySystemTimeZoneId</c>, TimeZoneConverter's <c>TZConvert.GetTimeZoneInfo</c>), each with where in
    /// the code; empty when it looks up none; null when the sources are not available.
    /// </summary>
    public virtual IReadOnlyList<(string Id, string Where)>? TimeZoneLookups => null;

    /// <summary>
    /// The cultures the code creates by a literal name other than the invariant one (<c>new CultureInfo("de-DE")</c>,
    /// <c>CultureInfo.GetCultureInfo</c>, <c>CreateSpecificCulture</c>), each with where in the code; empty when it creates
    /// none; null when the sources are not available.
    /// </summary>
    public virtual IReadOnlyList<(string Name, string Where)>? CultureCreations => null;

    private sealed class NoSourceEvidence : SourceEvidence
    {
        public override bool? MentionsAny(IReadOnlyList<string> words) => null;
    }
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
