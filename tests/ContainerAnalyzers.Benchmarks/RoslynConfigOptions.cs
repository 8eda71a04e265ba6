using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ContainerAnalyzers.Benchmarks;

/// <summary>
/// Analyzer options as the compiler gives them: a global config (the build's generated .editorconfig, or one written
/// the same way) parsed by Roslyn's own <see cref="AnalyzerConfig"/>, and each file's options worked out from the
/// config set once, before analysis, as the compiler does. Lookups then go through Roslyn's dictionaries, with their
/// case-insensitive keys, not a hand-made one.
/// </summary>
internal sealed class RoslynConfigOptions : AnalyzerConfigOptionsProvider
{
    private readonly AnalyzerConfigSet _set;
    private readonly Dictionary<string, AnalyzerConfigOptions> _byPath = new(StringComparer.Ordinal);

    public RoslynConfigOptions(string globalConfigText, string globalConfigPath)
    {
        _set = AnalyzerConfigSet.Create(new[] { AnalyzerConfig.Parse(globalConfigText, globalConfigPath) });
        GlobalOptions = new DictionaryOptions(_set.GlobalConfigOptions.AnalyzerOptions);
    }

    public override AnalyzerConfigOptions GlobalOptions { get; }

    /// <summary>Works out the options of these paths now, so the analyzers' lookups cost what the compiler's do.</summary>
    public RoslynConfigOptions Prepare(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            _byPath[path] = new DictionaryOptions(_set.GetOptionsForSourcePath(path).AnalyzerOptions);
        }

        return this;
    }

    /// <summary>
    /// The severities the config sets (<c>dotnet_diagnostic.ID.severity</c>), as the compiler hands them to a compilation:
    /// the analyzers' reads of them go through Roslyn's dictionaries too.
    /// </summary>
    public SyntaxTreeOptionsProvider Severities => new ConfigSeverities(_set);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _byPath.TryGetValue(tree.FilePath, out var options) ? options : DictionaryOptions.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _byPath.TryGetValue(textFile.Path, out var options) ? options : DictionaryOptions.Empty;

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        public static readonly DictionaryOptions Empty = new(ImmutableDictionary<string, string>.Empty);

        private readonly ImmutableDictionary<string, string> _values;

        public DictionaryOptions(ImmutableDictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);

        public override IEnumerable<string> Keys => _values.Keys;
    }

    // What the compiler's own provider answers (CompilerSyntaxTreeOptionsProvider is internal): the global section's
    // severities, and each tree's from the sections that match its path.
    private sealed class ConfigSeverities : SyntaxTreeOptionsProvider
    {
        private readonly AnalyzerConfigSet _set;
        private readonly ImmutableDictionary<string, ReportDiagnostic> _global;

        public ConfigSeverities(AnalyzerConfigSet set)
        {
            _set = set;
            _global = set.GlobalConfigOptions.TreeOptions;
        }

        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
            => _set.GetOptionsForSourcePath(tree.FilePath).TreeOptions.TryGetValue(diagnosticId, out severity);

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
            => _global.TryGetValue(diagnosticId, out severity);
    }
}
