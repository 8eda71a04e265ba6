using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using ContainerAnalyzers.Rules;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ContainerAnalyzers.Benchmarks;

/// <summary>
/// The package as the compiler runs it: each corpus pair becomes a compilation with the csproj and the Dockerfile
/// as AdditionalFiles, and a global config written as the package's build files make the compiler write it (every
/// property, a section per file with its kind) and parsed by Roslyn (<see cref="RoslynConfigOptions"/>). Every analyzer
/// of the package runs through <see cref="CompilationWithAnalyzers"/> with execution-time logging, the figure
/// <c>-p:ReportAnalyzer=true</c> prints, on a new compilation with freshly read files each run.
/// </summary>
internal static class DriverBenchmark
{
    private const string Program = "public static class Program { public static void Main() { } }";

    public static ImmutableArray<DiagnosticAnalyzer> PackageAnalyzers { get; } = AnalyzersIn(typeof(ContainerAnalyzers.Analyzers.CTR0009DockerfileFixAvailableAnalyzer).Assembly);

    /// <summary>
    /// The package's analyzers a command-line build runs, or the one CONTAINERANALYZERS_ONLY names (to tell their costs
    /// apart, CTR0009's too).
    /// </summary>
    /// <remarks>"NothingAnalyzer" measures the driver's own cost for the kinds of callback the package registers.</remarks>
    public static ImmutableArray<DiagnosticAnalyzer> MeasuredAnalyzers { get; } = Environment.GetEnvironmentVariable("CONTAINERANALYZERS_ONLY") is { Length: > 0 } only
        ? only == nameof(FirstAnalysis.NothingAnalyzer) ? ImmutableArray.Create<DiagnosticAnalyzer>(new FirstAnalysis.NothingAnalyzer()) : PackageAnalyzers.Where(a => a.GetType().Name == only).ToImmutableArray()
        : AsTheCompilerRuns(PackageAnalyzers);

    /// <summary>
    /// The analyzers the command-line compiler runs: it skips one whose every diagnostic is hidden or info, as CTR0009's
    /// is (dotnet/roslyn#43546; with CTR0009 raised to a warning, ReportAnalyzer gives it 83 ms on the 300-file project,
    /// and &lt;1 ms at its default). The IDE runs them all.
    /// </summary>
    public static ImmutableArray<DiagnosticAnalyzer> AsTheCompilerRuns(ImmutableArray<DiagnosticAnalyzer> analyzers)
        => analyzers.Where(a => a.SupportedDiagnostics.Any(d => d.IsEnabledByDefault && d.DefaultSeverity >= DiagnosticSeverity.Warning)).ToImmutableArray();

    /// <summary>Every analyzer an assembly exports, as the compiler finds them (the [DiagnosticAnalyzer] attribute).</summary>
    public static ImmutableArray<DiagnosticAnalyzer> AnalyzersIn(System.Reflection.Assembly assembly) => assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>
    /// Per pair: the best of <paramref name="runs"/> summed ExecutionTime of the package's analyzers on the same
    /// compilation, next to the best of the engine's own full analysis (parse, model, every rule; nothing cached).
    /// </summary>
    public static int Run(IReadOnlyList<CorpusPair> pairs, int runs, string? dockerfileUtilsTimes)
    {
        Console.WriteLine($"driver: {pairs.Count} pairs, the {MeasuredAnalyzers.Length} analyzers a command-line build runs ({string.Join(", ", MeasuredAnalyzers.Select(a => a.GetType().Name))}), best of {runs}");
        var utils = dockerfileUtilsTimes is null ? null : ReadTimes(dockerfileUtilsTimes);

        // Warm up first, so both figures are of tiered-up code (as in a long-lived compiler server or IDE), not of
        // the JIT's first tier: every pair through both paths, then a pause for the background recompilation.
        var compilations = pairs.Select(Create).ToList();
        for (var round = 0; round < 40; round++)
        {
            for (var i = 0; i < pairs.Count; i++)
            {
                DriverMicroseconds(compilations[i].Compilation, compilations[i].Options, pairs[i], 1);
                EngineMicroseconds(pairs[i], 1);
            }
        }

        Thread.Sleep(1000);
        var driverTimes = new List<double>();
        var engineTimes = new List<double>();
        var utilsTimes = new List<double>();
        foreach (var pair in pairs)
        {
            var (compilation, options) = compilations[driverTimes.Count];
            var driver = DriverMicroseconds(compilation, options, pair, runs);
            var engine = EngineMicroseconds(pair, runs);
            driverTimes.Add(driver);
            engineTimes.Add(engine);
            var line = $"  {pair.Name,-70} driver {driver,8:F1} us  engine {engine,8:F1} us  ratio {driver / engine,5:F2}";
            if (utils is not null && utils.TryGetValue(pair.DockerfilePath, out var utilsTime))
            {
                utilsTimes.Add(utilsTime);
                line += $"  dockerfile-utils {utilsTime,8:F1} us  speed-up {utilsTime / driver,5:F1}x";
            }

            Console.WriteLine(line);
        }

        static double Median(List<double> values) => values.Count == 0 ? double.NaN : values.OrderBy(v => v).ElementAt(values.Count / 2);
        var summary = $"DRIVER pairs={pairs.Count} runs={runs} driver-median-us={Median(driverTimes):F1} engine-median-us={Median(engineTimes):F1} " +
            $"median-ratio={Median(driverTimes.Zip(engineTimes, (d, e) => d / e).ToList()):F2} " +
            $"total-ratio={driverTimes.Sum() / engineTimes.Sum():F2}";
        if (utilsTimes.Count > 0)
        {
            summary += $" dockerfile-utils-median-us={Median(utilsTimes):F1} speed-up-vs-dockerfile-utils={utilsTimes.Sum() / driverTimes.Sum():F1}x";
        }

        Console.WriteLine(summary);
        return 0;
    }

    /// <summary>
    /// Every diagnostic of every pair, one line each, in a stable order: a before/after comparison of the analyzers
    /// (ids, severities, locations, messages and properties) as a plain text diff.
    /// </summary>
    public static int Dump(IReadOnlyList<CorpusPair> pairs, string corporaRoot, TextWriter output)
    {
        foreach (var pair in pairs)
        {
            var (compilation, options) = Create(pair);
            var diagnostics = compilation.WithAnalyzers(PackageAnalyzers, options).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            var lines = new List<string>();
            foreach (var diagnostic in diagnostics)
            {
                var span = diagnostic.Location.GetLineSpan();
                var path = span.Path is { Length: > 0 } p ? Path.GetRelativePath(corporaRoot, p) : "(none)";
                var properties = string.Join(";", diagnostic.Properties.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key + "=" + Escape(kv.Value)));
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"{pair.Name}\t{diagnostic.Id}\t{diagnostic.Severity}\t{path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1},{span.EndLinePosition.Line + 1},{span.EndLinePosition.Character + 1})\t{diagnostic.GetMessage(CultureInfo.InvariantCulture)}\t{properties}"));
            }

            lines.Sort(StringComparer.Ordinal);
            foreach (var line in lines)
            {
                output.WriteLine(line);
            }
        }

        return 0;
    }

    private static string Escape(string? value) => value is null ? "(null)" : value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);

    private static Dictionary<string, double> ReadTimes(string path) => File.ReadLines(path)
        .Select(l => l.Split('\t'))
        .Where(c => c.Length == 2)
        .ToDictionary(c => Path.GetFullPath(c[0]), c => double.Parse(c[1], CultureInfo.InvariantCulture));

    /// <summary>One pair's per-build path, <paramref name="runs"/> times (for a profiler attached to this process).</summary>
    public static int Loop(CorpusPair pair, int runs)
    {
        var (compilation, options) = Create(pair);
        var watch = Stopwatch.StartNew();
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            times.Add(DriverMicroseconds(compilation, options, pair, 1));
        }

        times.Sort();
        double At(double quantile) => times[(int)(quantile * (times.Count - 1))];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"DRIVER-LOOP {pair.Name} runs={runs} best-us={times[0]:F1} p10-us={At(0.1):F1} median-us={At(0.5):F1} p90-us={At(0.9):F1} mean-wall-us={watch.Elapsed.TotalMilliseconds * 1000 / runs:F1}"));
        return 0;
    }

    // The best of the runs of the package's analyzers' summed ExecutionTime, each on a new compilation with new options
    // and freshly read files, as each build of the compiler server gets them: nothing the package caches per
    // compilation, per set of options or per text carries over from one run to the next.
    private static double DriverMicroseconds(Compilation compilation, AnalyzerOptions options, CorpusPair pair, int runs)
    {
        var best = double.MaxValue;
        for (var i = 0; i < runs; i++)
        {
            var fresh = new AnalyzerOptions(Files(pair).Select(f => f.File).ToImmutableArray(), options.AnalyzerConfigOptionsProvider);
            var withAnalyzers = compilation.Clone().WithAnalyzers(MeasuredAnalyzers, new CompilationWithAnalyzersOptions(fresh, null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
            best = Math.Min(best, ExecutionTime(withAnalyzers).TotalMilliseconds * 1000);
        }

        return best;
    }

    /// <summary>
    /// Runs the measured analyzers and sums their ExecutionTime (the figure -p:ReportAnalyzer=true prints), giving each
    /// analyzer's own share to <paramref name="split"/> when asked.
    /// </summary>
    public static TimeSpan ExecutionTime(CompilationWithAnalyzers withAnalyzers, Dictionary<string, double>? split = null)
    {
        withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        var total = TimeSpan.Zero;
        foreach (var analyzer in withAnalyzers.Analyzers)
        {
            var time = withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime;
            if (split is not null)
            {
                split[analyzer.GetType().Name] = time.TotalMilliseconds;
            }

            total += time;
        }

        return total;
    }

    private static double EngineMicroseconds(CorpusPair pair, int runs)
    {
        var text = File.ReadAllText(pair.DockerfilePath);
        var properties = pair.Properties();
        var project = Projects.ProjectFacts.Create(name => properties.TryGetValue(name, out var value) ? value : null, properties["MSBuildProjectFullPath"], pair.ProjectText());
        var best = double.MaxValue;
        var watch = new Stopwatch();
        for (var i = 0; i < runs; i++)
        {
            watch.Restart();
            var analysis = new DockerfileAnalysis(DockerfileModel.Create(DockerfileParser.Parse(text)), project, hasDockerIgnore: true);
            foreach (var rule in AllRules.DockerfileRules)
            {
                rule.Analyze(analysis);
            }

            best = Math.Min(best, watch.Elapsed.TotalMilliseconds * 1000);
        }

        return best;
    }

    public static (Compilation Compilation, AnalyzerOptions Options) Create(CorpusPair pair)
    {
        var properties = pair.Properties();
        var projectPath = properties["MSBuildProjectFullPath"];
        var tree = CSharpSyntaxTree.ParseText(Program, path: Path.Combine(Path.GetDirectoryName(projectPath)!, "Program.cs"));
        var files = Files(pair);

        // The global config the package's build files make the compiler write: every property, then a section per file.
        var config = new StringBuilder("is_global = true\n");
        foreach (var (name, value) in properties)
        {
            config.Append("build_property.").Append(name).Append(" = ").Append(value).Append('\n');
        }

        foreach (var (file, kind) in files)
        {
            config.Append('[').Append(file.Path).Append("]\nbuild_metadata.AdditionalFiles.ContainerAnalyzersKind = ").Append(kind).Append('\n');
        }

        var configPath = Path.Combine(Path.GetDirectoryName(projectPath)!, "obj", "App.GeneratedMSBuildEditorConfig.editorconfig");
        var provider = new RoslynConfigOptions(config.ToString(), configPath).Prepare(files.Select(f => f.File.Path).Append(tree.FilePath));

        // The options a build's compilation has: the SDK's NoWarn (/nowarn:1701,1702,8002) and the config's severities.
        var compilation = CSharpCompilation.Create(
            "App",
            new[] { tree },
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
            new CSharpCompilationOptions(OutputKind.ConsoleApplication)
                .WithSpecificDiagnosticOptions(new[] { "CS1701", "CS1702", "CS8002" }.Select(id => new KeyValuePair<string, ReportDiagnostic>(id, ReportDiagnostic.Suppress)))
                .WithSyntaxTreeOptionsProvider(provider.Severities));
        return (compilation, new AnalyzerOptions(files.Select(f => f.File).ToImmutableArray(), provider));
    }

    // The pair's additional files, each read afresh (a new SourceText, as each build reads them), with its kind.
    private static List<(AdditionalText File, string Kind)> Files(CorpusPair pair) => new()
    {
        (new FileText(pair.Properties()["MSBuildProjectFullPath"], pair.ProjectText()), "ProjectFile"),
        (new FileText(pair.DockerfilePath, File.ReadAllText(pair.DockerfilePath)), "Dockerfile"),
        (new FileText(Path.Combine(Path.GetDirectoryName(pair.DockerfilePath)!, ".dockerignore"), "**/bin/\n**/obj/\n"), "DockerIgnore"),
    };

    private sealed class FileText : AdditionalText
    {
        private readonly SourceText _text;

        public FileText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text, Encoding.UTF8);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
