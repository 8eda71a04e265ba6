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
            ("compilation clone (in the next piece)", () => compilation.Clone()),
            ("enabled rules", () => EnabledRules.Read(compilation.Clone(), options, CancellationToken.None)),
            ("project facts", () => AnalysisCache.GetProjectFacts(Fresh(options), CancellationToken.None)),
            ("parse and model", () => DockerfileModel.Create(Syntax.DockerfileParser.Parse(dockerfile.GetText()!.ToString()))),
            ("analysis (facts of the inputs)", () => AnalysisCache.GetAnalysis(compilation.Clone(), Fresh(options), Syntax.DockerfileParser.Parse(dockerfile.GetText()!.ToString()), dockerfile.Path, CancellationToken.None)),
            ("analysis and every rule", () => AnalysisAndEveryRule(compilation, options, dockerfile.Path, dockerfile.GetText()!.ToString())),
            ("diagnostics made of the findings", () =>
            {
                var text = Microsoft.CodeAnalysis.Text.SourceText.From(dockerfile.GetText()!.ToString());
                foreach (var finding in Findings)
                {
                    DiagnosticFactory.Create(finding, dockerfile.Path, text);
                }
            }),
        };
        Findings = AnalysisAndEveryRule(compilation, options, dockerfile.Path, dockerfile.GetText()!.ToString());
        Console.WriteLine($"  ({Findings.Count} findings: {string.Join(", ", Findings.Select(f => f.Rule.Id))})");
        // Every piece warmed up before any is measured, then a pause for the background recompilation: a piece measured
        // right after 200 runs of its own was still partly at the JIT's first tier (EnabledRules gave 6-10 us there,
        // 1-3 us at tier 1).
        for (var round = 0; round < 10; round++)
        {
            foreach (var (_, action) in pieces)
            {
                for (var i = 0; i < 100; i++)
                {
                    action();
                }
            }

            Thread.Sleep(100);
        }

        Thread.Sleep(1000);
        foreach (var (name, action) in pieces)
        {
            var best = double.MaxValue;
            for (var i = 0; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                action();
                best = Math.Min(best, watch.Elapsed.TotalMilliseconds * 1000);
            }

            var before = GC.GetAllocatedBytesForCurrentThread();
            action();
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-45} {best,8:F1} us {allocated,9:N0} B"));
        }

        RuleByRule(compilation, options, dockerfile, runs, factsFirst: false);
        RuleByRule(compilation, options, dockerfile, runs, factsFirst: true);
        return 0;
    }

    // The analysis's lazily computed facts, each asked once in this order, so the rules after them are charged only
    // with their own work.
    private static readonly (string Name, Func<DockerfileAnalysis, object?> Ask)[] Facts =
    {
        ("final image", a => a.FinalImage),
        ("target framework", a => a.TargetFramework),
        ("self-contained", a => a.IsSelfContained),
        ("published entry", a => a.PublishedEntry),
        ("other projects", a => a.OtherProjects),
        ("final image variants", a => a.FinalImageVariants),
        ("code endpoints", a => a.Source.Endpoints),
        ("final listening", a => a.FinalListening),
        ("context folder", a => a.ContextFolder),
        ("applying .dockerignore", a => a.ApplyingIgnore),
        ("compose services", a => a.ComposeServices),
    };

    // Each rule's share of "analysis and every rule": the rules in the host's order on a fresh analysis, so a rule is
    // charged with the facts it is the first to ask for, as in a build. Medians, since a rule takes a few microseconds
    // and the best of many runs would hide what a lazily computed fact costs the rule that pays for it.
    private static void RuleByRule(Compilation compilation, AnalyzerOptions options, AdditionalText dockerfile, int runs, bool factsFirst)
    {
        var rules = AllRules.DockerfileRules;
        var times = rules.Select(_ => new List<double>(runs)).ToArray();
        var factTimes = Facts.Select(_ => new List<double>(runs)).ToArray();
        // Bytes each rule and fact allocates, summed over the measured runs: what the garbage collector is handed, which
        // a build pays for in pauses charged to whoever allocates next.
        var bytes = new long[rules.Count];
        var factBytes = new long[Facts.Length];
        var setup = new List<double>(runs);
        var text = dockerfile.GetText()!.ToString();
        for (var i = 0; i < runs + 200; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var analysis = AnalysisCache.GetAnalysis(compilation.Clone(), Fresh(options), Syntax.DockerfileParser.Parse(text), dockerfile.Path, CancellationToken.None);
            var last = Stopwatch.GetTimestamp();
            if (i >= 200)
            {
                setup.Add(Stopwatch.GetElapsedTime(start, last).TotalMilliseconds * 1000);
            }

            var allocated = GC.GetAllocatedBytesForCurrentThread();
            for (var f = 0; factsFirst && f < Facts.Length; f++)
            {
                Facts[f].Ask(analysis);
                var now = Stopwatch.GetTimestamp();
                var allocatedNow = GC.GetAllocatedBytesForCurrentThread();
                if (i >= 200)
                {
                    factTimes[f].Add(Stopwatch.GetElapsedTime(last, now).TotalMilliseconds * 1000);
                    factBytes[f] += allocatedNow - allocated;
                }

                last = now;
                allocated = allocatedNow;
            }

            for (var r = 0; r < rules.Count; r++)
            {
                // The rule alone and the suppression pass over its findings (the fold itself is not visible here).
                rules[r].Analyze(analysis, CancellationToken.None);
                var now = Stopwatch.GetTimestamp();
                var allocatedNow = GC.GetAllocatedBytesForCurrentThread();
                if (i >= 200)
                {
                    times[r].Add(Stopwatch.GetElapsedTime(last, now).TotalMilliseconds * 1000);
                    bytes[r] += allocatedNow - allocated;
                }

                last = now;
                allocated = allocatedNow;
            }
        }

        static double Median(List<double> values) => values.OrderBy(v => v).ElementAt(values.Count / 2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  rule by rule{(factsFirst ? ", the facts asked first" : string.Empty)}, medians of {runs} fresh analyses: parse, model and analysis {Median(setup):F1} us, rules {times.Sum(Median):F1} us"));
        for (var f = 0; factsFirst && f < Facts.Length; f++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    fact: {Facts[f].Name,-54} {Median(factTimes[f]),6:F2} us {factBytes[f] / runs,7:N0} B"));
        }

        foreach (var (rule, median, allocatedPerRun) in rules.Select((rule, r) => (rule, Median(times[r]), bytes[r] / runs)).OrderByDescending(p => p.Item2).ThenByDescending(p => p.Item3).Take(15))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {rule.Descriptor.Id} {rule.GetType().Name,-50} {median,6:F2} us {allocatedPerRun,7:N0} B"));
        }
    }

    private static IReadOnlyList<RuleFinding> Findings = Array.Empty<RuleFinding>();

    /// <summary>One build's analysis of the Dockerfile and every rule, on a new compilation and new options (nothing cached).</summary>
    internal static IReadOnlyList<RuleFinding> AnalysisAndEveryRule(Compilation compilation, AnalyzerOptions options, string path, string text)
        => RuleHost.RunContained(AnalysisCache.GetAnalysis(compilation.Clone(), Fresh(options), Syntax.DockerfileParser.Parse(text), path, CancellationToken.None), AllRules.DockerfileRules, CancellationToken.None);

    // New options over the same files and provider: the per-options caches start empty, as in a new build.
    private static AnalyzerOptions Fresh(AnalyzerOptions options) => new(options.AdditionalFiles, options.AnalyzerConfigOptionsProvider);
}
