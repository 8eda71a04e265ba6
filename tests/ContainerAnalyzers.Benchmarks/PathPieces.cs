using System.Diagnostics;
using System.Globalization;
using ContainerAnalyzers.Infrastructure;
using ContainerAnalyzers.Rules;
using ContainerAnalyzers.Semantics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ContainerAnalyzers.Benchmarks;

/// <summary>
/// Issue 26: where one build's time goes on the real options path, piece by piece (each on fresh objects, as a build
/// makes them, best of many runs, tiered-up code): what the driver's figure is made of besides the engine's own work.
/// </summary>
internal static class PathPieces
{
    public static int Run(CorpusPair pair, int runs)
    {
        var (compilation, options) = DriverBenchmark.Create(pair);
        var dockerfile = options.AdditionalFiles.First(f => f.Path == pair.DockerfilePath);
        var pieces = new (string Name, Action Action)[]
        {
            ("inputs (classify the additional files)", () => AnalysisCache.GetInputs(Fresh(options))),
            ("enabled rules", () => EnabledRules.Read(compilation.Clone(), options, CancellationToken.None)),
            ("project facts", () => AnalysisCache.GetProjectFacts(Fresh(options), CancellationToken.None)),
            ("parse and model", () => DockerfileModel.Create(Syntax.DockerfileParser.Parse(dockerfile.GetText()!.ToString()))),
            ("analysis (facts of the inputs)", () => AnalysisCache.GetAnalysis(compilation.Clone(), Fresh(options), Syntax.DockerfileParser.Parse(dockerfile.GetText()!.ToString()), dockerfile.Path, CancellationToken.None)),
            ("analysis and every rule", () => RuleHost.RunContained(AnalysisCache.GetAnalysis(compilation.Clone(), Fresh(options), Syntax.DockerfileParser.Parse(dockerfile.GetText()!.ToString()), dockerfile.Path, CancellationToken.None), AllRules.DockerfileRules, CancellationToken.None)),
            ("diagnostics made of the findings", () =>
            {
                var text = Microsoft.CodeAnalysis.Text.SourceText.From(dockerfile.GetText()!.ToString());
                foreach (var finding in Findings)
                {
                    DiagnosticFactory.Create(finding, dockerfile.Path, text);
                }
            }),
        };
        Findings = RuleHost.RunContained(AnalysisCache.GetAnalysis(compilation.Clone(), Fresh(options), Syntax.DockerfileParser.Parse(dockerfile.GetText()!.ToString()), dockerfile.Path, CancellationToken.None), AllRules.DockerfileRules, CancellationToken.None);
        Console.WriteLine($"  ({Findings.Count} findings: {string.Join(", ", Findings.Select(f => f.Rule.Id))})");
        foreach (var (name, action) in pieces)
        {
            for (var i = 0; i < 200; i++)
            {
                action();
            }

            Thread.Sleep(200);
            var best = double.MaxValue;
            for (var i = 0; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                action();
                best = Math.Min(best, watch.Elapsed.TotalMilliseconds * 1000);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-45} {best,8:F1} us"));
        }

        return 0;
    }

    private static IReadOnlyList<RuleFinding> Findings = Array.Empty<RuleFinding>();

    // New options over the same files and provider: the per-options caches start empty, as in a new build.
    private static AnalyzerOptions Fresh(AnalyzerOptions options) => new(options.AdditionalFiles, options.AnalyzerConfigOptionsProvider);
}
