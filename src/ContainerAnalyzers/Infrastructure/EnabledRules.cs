using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using ContainerAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ContainerAnalyzers.Infrastructure;

/// <summary>
/// The rules whose diagnostics can still be reported in a compilation, read once at compilation start: a rule
/// turned off (NoWarn, <c>dotnet_diagnostic.ID.severity = none</c> in a .globalconfig or a preset, or its category's
/// or every analyzer's bulk severity) is not run at all. When in doubt a rule runs: the compiler filters its
/// diagnostics anyway, so skipping is only ever an optimisation.
/// </summary>
internal sealed class EnabledRules
{
    private EnabledRules(IReadOnlyList<DockerfileRule> dockerfileRules, IReadOnlyList<DockerfileRule> sdkContainerRules, IReadOnlyList<ComposeRule> composeRules, IReadOnlyList<ProjectRule> projectRules)
    {
        DockerfileRules = dockerfileRules;
        ComposeRules = composeRules;
        SdkContainerRules = sdkContainerRules;
        ProjectRules = projectRules;
    }

    /// <summary>The enabled rules that run over each Dockerfile, in table order.</summary>
    public IReadOnlyList<DockerfileRule> DockerfileRules { get; }

    /// <summary>The enabled rules that run over each compose file, in table order.</summary>
    public IReadOnlyList<ComposeRule> ComposeRules { get; }

    /// <summary>The enabled rules that judge the image of SDK container publishing, for a project without a Dockerfile.</summary>
    public IReadOnlyList<DockerfileRule> SdkContainerRules { get; }

    /// <summary>The enabled rules that run over the project file of a project without a Dockerfile (CTR0003).</summary>
    public IReadOnlyList<ProjectRule> ProjectRules { get; }

    public bool IsEmpty => DockerfileRules.Count == 0 && SdkContainerRules.Count == 0 && ComposeRules.Count == 0 && ProjectRules.Count == 0;

    /// <summary>The enabled rules; null only when the options could not be read, and then the host runs nothing rather than throw.</summary>
    public static EnabledRules? Read(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return ReadEnabled(compilation, options, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // An exception here would become AD0001 and fail every build that treats warnings as errors.
            return null;
        }
    }

    // Every rule on: what almost every build gets, so one instance serves them all and a build allocates nothing here.
    private static readonly EnabledRules Every = Without(null);

    private static EnabledRules ReadEnabled(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var switches = new Switches(compilation, options, cancellationToken);
        HashSet<string>? off = null;
        foreach (var descriptor in AllRules.Descriptors)
        {
            if (switches.IsOff(descriptor))
            {
                (off ??= new HashSet<string>(StringComparer.Ordinal)).Add(descriptor.Id);
            }
        }

        return off is null ? Every : Without(off);
    }

    // The rule table's rules but those turned off, each in the lists of the inputs it reads.
    private static EnabledRules Without(HashSet<string>? off)
    {
        var dockerfileRules = new List<DockerfileRule>();
        var sdkContainerRules = new List<DockerfileRule>();
        foreach (var rule in AllRules.DockerfileRules)
        {
            if (off?.Contains(rule.Descriptor.Id) == true)
            {
                continue;
            }

            if ((rule.Descriptor.Inputs & RuleInputs.Dockerfile) != 0)
            {
                dockerfileRules.Add(rule);
            }

            if ((rule.Descriptor.Inputs & RuleInputs.SdkContainerImage) != 0)
            {
                sdkContainerRules.Add(rule);
            }
        }

        var composeRules = new List<ComposeRule>();
        foreach (var rule in AllRules.ComposeRules)
        {
            if (off?.Contains(rule.Descriptor.Id) != true)
            {
                composeRules.Add(rule);
            }
        }

        var projectRules = new List<ProjectRule>();
        foreach (var rule in AllRules.ProjectRules)
        {
            if (off?.Contains(rule.Descriptor.Id) != true)
            {
                projectRules.Add(rule);
            }
        }

        return new EnabledRules(dockerfileRules, sdkContainerRules, composeRules, projectRules);
    }

    // What turns a rule off, read once per compilation: each rule's own entries, and the bulk severities of each category
    // and of every analyzer.
    private sealed class Switches
    {
        // The bulk severity key of each category of the rule table, made once per process, not once per build.
        private static readonly Dictionary<string, string> CategoryKeys = AllRules.Descriptors.Select(d => d.Category).Distinct(StringComparer.Ordinal)
            .ToDictionary(category => category, category => "dotnet_analyzer_diagnostic.category-" + category + ".severity", StringComparer.Ordinal);

        private readonly CancellationToken _cancellationToken;
        private readonly ImmutableDictionary<string, ReportDiagnostic>? _specific;
        private readonly SyntaxTreeOptionsProvider? _provider;
        private readonly AnalyzerConfigOptions _global;
        // Each category's bulk severity, or null when none is set. Values are strings, not bool?: a dictionary of a
        // reference type runs the framework's precompiled code, one of a value type is JIT-compiled in every fresh compiler.
        private readonly Dictionary<string, string?> _categorySeverities = new(StringComparer.Ordinal);
        private readonly bool? _everyAnalyzer;

        public Switches(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            _cancellationToken = cancellationToken;
            // Looked up rule by rule, never enumerated: the compiler's own filtering looks this dictionary of an enum up,
            // so that code is compiled by then, while enumerating it JIT-compiled some fifty more generic methods in a
            // fresh process (DOTNET_JitDisasmSummary).
            var specific = compilation.Options.SpecificDiagnosticOptions;
            _specific = specific.Count == 0 ? null : specific;
            _provider = compilation.Options.SyntaxTreeOptionsProvider;
            _global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
            _everyAnalyzer = _global.TryGetValue("dotnet_analyzer_diagnostic.severity", out var severity) ? IsNone(severity) : null;
        }

        public bool IsOff(RuleDescriptor rule)
        {
            // NoWarn and WarningsAsErrors reach the compilation options; an explicit entry there decides.
            if (_specific is not null && _specific.TryGetValue(rule.Id, out var report))
            {
                return report == ReportDiagnostic.Suppress;
            }

            // dotnet_diagnostic.ID.severity in a .globalconfig (the presets are global configs too).
            if (_provider is not null && _provider.TryGetGlobalDiagnosticValue(rule.Id, _cancellationToken, out report))
            {
                return report == ReportDiagnostic.Suppress;
            }

            if (!_categorySeverities.TryGetValue(rule.Category, out var severity))
            {
                severity = CategoryKeys.TryGetValue(rule.Category, out var key) && _global.TryGetValue(key, out var value) ? value : null;
                _categorySeverities[rule.Category] = severity;
            }

            return severity is not null ? IsNone(severity) : _everyAnalyzer ?? false;
        }

        private static bool IsNone(string severity) => string.Equals(severity.Trim(), "none", StringComparison.OrdinalIgnoreCase);
    }
}
