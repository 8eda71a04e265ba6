using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ContainerAnalyzers.Tests.Infrastructure;

/// <summary>An additional file held in memory, for tests that drive the analyzers without a workspace.</summary>
internal sealed class InMemoryText : AdditionalText
{
    private readonly SourceText _text;

    public InMemoryText(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>Analyzer options with global keys only (build_property.*, bulk severities), nothing per file.</summary>
internal sealed class GlobalOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly Options _global;

    public GlobalOptionsProvider(params (string Key, string Value)[] values) => _global = new Options(values.ToDictionary(v => v.Key, v => v.Value));

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

    private sealed class Options : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> _values;

        public Options(Dictionary<string, string> values) => _values = values;

        public static Options Empty { get; } = new(new Dictionary<string, string>());

        public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
    }
}
