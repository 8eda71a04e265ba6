using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ContainerAnalyzers.Benchmarks;

/// <summary>
/// The cold start: the package's first analysis in a fresh process, what a command-line build without the compiler
/// server pays once per analyzer load. Roslyn's own driver is warmed first with an analyzer that does nothing, so the
/// figure is the package's (loading its types, static initialisers, JIT of its code paths), not the compiler's.
/// </summary>
internal static class FirstAnalysis
{
    /// <summary>Runs <paramref name="processes"/> fresh processes of this tool, each measuring once, and prints their median.</summary>
    public static int Run(CorpusPair pair, int processes, string? otherAnalyzers)
    {
        if (otherAnalyzers is not null)
        {
            // Alternate with another build's analyzers, process by process, so both see the same machine load.
            // Both loaded the same way, as the compiler loads analyzers.
            var ours = Run(pair, processes, Path.Combine(AppContext.BaseDirectory, "ContainerAnalyzers.dll"), out var oursFirst);
            var theirs = Run(pair, processes, Path.GetFullPath(otherAnalyzers), out var theirsFirst);
            Console.WriteLine($"FIRST-ANALYSIS-COMPARE this-build-first-ms={oursFirst:F1} other-build-first-ms={theirsFirst:F1} ({otherAnalyzers})");
            return ours | theirs;
        }

        return Run(pair, processes, null, out _);
    }

    private static int Run(CorpusPair pair, int processes, string? analyzersPath, out double medianFirst)
    {
        var first = new List<double>();
        var second = new List<double>();
        var jitted = new List<double>();
        var jitTimes = new List<double>();
        for (var i = 0; i < processes; i++)
        {
            var start = new ProcessStartInfo(Environment.ProcessPath!, $"\"{typeof(FirstAnalysis).Assembly.Location}\" --first-analysis-once \"{pair.DockerfilePath}\" \"{pair.ProjectPath}\"" + (analyzersPath is null ? string.Empty : $" --analyzers \"{analyzersPath}\""))
            {
                RedirectStandardOutput = true,
            };
            using var process = Process.Start(start)!;
            var line = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            var parts = line.Split(' ');
            first.Add(double.Parse(parts[0], CultureInfo.InvariantCulture));
            second.Add(double.Parse(parts[1], CultureInfo.InvariantCulture));
            jitted.Add(double.Parse(parts[2], CultureInfo.InvariantCulture));
            jitTimes.Add(double.Parse(parts[3], CultureInfo.InvariantCulture));
        }

        static double Median(List<double> values) => values.OrderBy(v => v).ElementAt(values.Count / 2);
        medianFirst = Median(first);
        Console.WriteLine($"FIRST-ANALYSIS file={pair.Name} analyzers={analyzersPath ?? "this build"} processes={processes} first-ms={Median(first):F1} second-ms={Median(second):F2} jitted-methods={Median(jitted):F0} jit-ms={Median(jitTimes):F1} (median wall time of the package's analyzers through CompilationWithAnalyzers)");
        return 0;
    }

    /// <summary>One measurement in this (fresh) process: "first-ms second-ms" on one line.</summary>
    public static int Once(CorpusPair pair, string? analyzersPath)
    {
        var analyzers = DriverBenchmark.AsTheCompilerRuns(analyzersPath is null ? DriverBenchmark.PackageAnalyzers : LoadAnalyzers(analyzersPath));
        var (compilation, options) = DriverBenchmark.Create(pair);
        var (warmCompilation, warmOptions) = DriverBenchmark.Create(pair);
        warmCompilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new NothingAnalyzer()), warmOptions).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();

        var jitMethods = System.Runtime.JitInfo.GetCompiledMethodCount();
        var jitTime = System.Runtime.JitInfo.GetCompilationTime();
        var watch = Stopwatch.StartNew();
        compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        var first = watch.Elapsed.TotalMilliseconds;
        jitMethods = System.Runtime.JitInfo.GetCompiledMethodCount() - jitMethods;
        var jitMilliseconds = (System.Runtime.JitInfo.GetCompilationTime() - jitTime).TotalMilliseconds;

        var (secondCompilation, secondOptions) = DriverBenchmark.Create(pair);
        watch.Restart();
        secondCompilation.WithAnalyzers(analyzers, secondOptions).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        var second = watch.Elapsed.TotalMilliseconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{first:F2} {second:F2} {jitMethods} {jitMilliseconds:F2}"));
        return 0;
    }

    // Another build's analyzers, loaded as the compiler loads them: in a context of their own (their engine beside them),
    // with Roslyn shared from the host.
    internal static ImmutableArray<DiagnosticAnalyzer> LoadAnalyzers(string analyzerAssembly)
    {
        var context = new AnalyzerLoadContext(Path.GetDirectoryName(analyzerAssembly)!);
        return DriverBenchmark.AnalyzersIn(context.LoadFromAssemblyPath(analyzerAssembly));
    }

    private sealed class AnalyzerLoadContext : System.Runtime.Loader.AssemblyLoadContext
    {
        private readonly string _directory;

        public AnalyzerLoadContext(string directory)
            : base("analyzers") => _directory = directory;

        protected override System.Reflection.Assembly? Load(System.Reflection.AssemblyName name)
        {
            var path = Path.Combine(_directory, name.Name + ".dll");
            return name.Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) || !File.Exists(path) ? null : LoadFromAssemblyPath(path);
        }
    }

    // Only ever handed to CompilationWithAnalyzers in this process, never shipped or loaded by a compiler, so the
    // rules for analyzers that a compiler loads do not apply.
#pragma warning disable RS1001, RS1036, RS1041, RS2008
    internal sealed class NothingAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Nothing = new("NOTHING", "Nothing", "Nothing", "Nothing", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Nothing);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            // The same kinds of callback the package registers, each reporting once, so the driver's paths for them
            // (additional files, syntax trees, symbols, diagnostics located in an additional file) are JIT-compiled.
            context.RegisterCompilationStartAction(start =>
            {
                start.RegisterAdditionalFileAction(file => file.ReportDiagnostic(Diagnostic.Create(Nothing, Location.Create(file.AdditionalFile.Path, default, default))));
                start.RegisterSyntaxTreeAction(tree => tree.ReportDiagnostic(Diagnostic.Create(Nothing, tree.Tree.GetRoot(tree.CancellationToken).GetLocation())));
                start.RegisterSymbolAction(symbol => symbol.ReportDiagnostic(Diagnostic.Create(Nothing, symbol.Symbol.Locations[0])), SymbolKind.Method);
            });
        }
    }
#pragma warning restore RS1001, RS1036, RS1041, RS2008
}
