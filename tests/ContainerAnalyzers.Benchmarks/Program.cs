using System.Diagnostics;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ContainerAnalyzers.Benchmarks;
using ContainerAnalyzers.Tests.Fuzzing;

// Modes:
//   --corpus <dir>      parse and full analysis of every Dockerfile under <dir>, one line per file, then a summary line
//   --synthetic         the same on generated files of 1 KB, 100 KB, 1 MB and 10 MB (linear scaling)
//   --gc-breakdown [N]  full analysis of the synthetic sizes from a clean heap, split into GC pause and the rest
//   --fuzz <count>      the long fuzz run (seeded from --seeds <dir>, default ../shared/corpora) [--seed N]
//   --differential <other ContainerAnalyzers.Engine.dll> [--count N] [--seed N]
//                       this build's parser against another build's, on the corpora and fuzzed inputs
//   --driver [--runs N] [--corpora <dir>]
//                       the package's analyzers through the Roslyn driver (CompilationWithAnalyzers, execution-time
//                       logging) on every corpus pair, beside the engine's own time and dockerfile-utils' validate()
//   --first-analysis [N] [--compare <other build's ContainerAnalyzers.dll>]
//                       the package's first analysis in N fresh processes (median), Roslyn's driver warmed first
//   --hostile           issue 29's text rows through the analyzers: wall time and allocated bytes per input
//   --hostile-builds [--package label=feed=version]… [--only <text>]
//                       issue 29's rows as real `dotnet build`s of a web project, without the package and with each
//                       package given (fresh processes): exit code, wall time and max RSS per input
//   --dump-diagnostics <file> [--corpora <dir>]
//                       every diagnostic the package reports on the corpus pairs, one line each, for a before/after diff
//   --fix-scaling [1000,2000,…] [--runs N]
//                       rules and fixes over stage chains of doubling length (the fixes' cost is linear)
//   --generate-project <folder> [--files N] [--package label=feed=version]
//                       issue 26's web project of N generated C# files, with the package, restored and built once
//   --project-driver <built project folder> [--runs N] [--analyzers <another build's ContainerAnalyzers.dll, e.g. a ReadyToRun copy>]
//                       the package's analyzers on that project through Roslyn's driver, with the build's own global
//                       config: the first run in fresh processes, and the steady state (the ReportAnalyzer figure)
//   --code-questions <built project folder> [--runs N]
//                       each search of the project's C# code the rules may ask for, on a fresh compilation
//   --build-cost --package label=feed=version… [--files 300,1500] [--builds N]
//                       real `dotnet build`s with and without each package, alternating, fresh compiler and server
//   --compiler-ab --package label=feed=version [--files 300,1500] [--builds N] [--server] [--probe]
//                       the compiler alone on the generated project's command line, with and without the package's
//                       analyzers (--probe: a fixed-work analyzer in both, to tell the package's cost from the machine's)
var arguments = args.ToList();
string? Option(string name) => arguments.IndexOf(name) is var i and >= 0 && i + 1 < arguments.Count ? arguments[i + 1] : null;

if (Option("--corpus") is { } corpus)
{
    AnalysisBenchmarks.Root = Path.GetFullPath(corpus);
    AnalysisBenchmarks.Inputs = Directory.EnumerateFiles(AnalysisBenchmarks.Root, "*", SearchOption.AllDirectories)
        .Where(f => Path.GetFileName(f).StartsWith("Dockerfile", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".Dockerfile", StringComparison.OrdinalIgnoreCase))
        .Select(f => Path.GetRelativePath(AnalysisBenchmarks.Root, f))
        .OrderBy(f => f, StringComparer.Ordinal)
        .ToArray();
    var summary = BenchmarkRunner.Run<AnalysisBenchmarks>(Config(Job.ShortRun));
    PrintSummary(summary, AnalysisBenchmarks.Inputs.Length);
    return 0;
}

if (arguments.Contains("--synthetic"))
{
    AnalysisBenchmarks.Root = null;
    AnalysisBenchmarks.Inputs = new[] { "1 KB", "100 KB", "1 MB", "10 MB" };

    // The scaling figure is a ratio of two means, so both need more than ShortRun's three iterations to be stable.
    var summary = BenchmarkRunner.Run<AnalysisBenchmarks>(Config(Job.ShortRun.WithWarmupCount(5).WithIterationCount(15)));
    PrintSummary(summary, AnalysisBenchmarks.Inputs.Length);
    return 0;
}

if (arguments.Contains("--gc-breakdown"))
{
    GcBreakdown.Run(int.Parse(Option("--gc-breakdown") ?? "9", System.Globalization.CultureInfo.InvariantCulture));
    return 0;
}

if (Option("--differential") is { } otherEngine)
{
    var seedsDirectory = Option("--seeds") ?? FindSharedCorpora();
    return ParserDifferential.Run(otherEngine, int.Parse(Option("--count") ?? "1000000", System.Globalization.CultureInfo.InvariantCulture), int.Parse(Option("--seed") ?? "1", System.Globalization.CultureInfo.InvariantCulture), LoadSeeds(seedsDirectory));
}

if (arguments.Contains("--driver"))
{
    var corpora = Corpora();
    var pairs = CorpusPair.FromSharedCorpora(corpora);
    // Best of 200: each figure is a minimum, and on a shared two-core machine the best of 20 was still twice the
    // best of 300 (110 against 45 us, median pair).
    var runs = int.Parse(Option("--runs") ?? "200", System.Globalization.CultureInfo.InvariantCulture);
    return DriverBenchmark.Run(pairs, runs, DockerfileUtilsTiming.Run(pairs.Select(p => p.DockerfilePath).Distinct().ToList(), runs));
}

if (arguments.IndexOf("--first-analysis-once") is var once and >= 0 && once + 2 < arguments.Count)
{
    return FirstAnalysis.Once(new CorpusPair("first", arguments[once + 1], arguments[once + 2]), Option("--analyzers"));
}

if (arguments.Contains("--first-analysis"))
{
    var root = FindRepositoryRoot() ?? throw new InvalidOperationException("run it inside the repository");
    var sample = new CorpusPair("samples/HelloWeb", Path.Combine(root, "samples", "HelloWeb", "Dockerfile"), Path.Combine(root, "samples", "HelloWeb", "HelloWeb.csproj"));
    return FirstAnalysis.Run(sample, int.Parse(Option("--first-analysis") is { } n && !n.StartsWith("-", StringComparison.Ordinal) ? n : "9", System.Globalization.CultureInfo.InvariantCulture), Option("--compare"));
}

if (Option("--dump-diagnostics") is { } dumpPath)
{
    var corpora = Corpora();
    using var writer = new StreamWriter(dumpPath);
    return DriverBenchmark.Dump(CorpusPair.FromSharedCorpora(corpora), corpora, writer);
}

if (Option("--dump-fixes") is { } fixDumpPath)
{
    var corpora = Corpora();
    using var writer = new StreamWriter(fixDumpPath);
    return FixDump.Run(CorpusPair.FromSharedCorpora(corpora), writer);
}

if (Option("--driver-loop") is { } loopRuns)
{
    return DriverBenchmark.Loop(PairOrHelloWeb(), int.Parse(loopRuns, System.Globalization.CultureInfo.InvariantCulture));
}

if (arguments.Contains("--allocation-types"))
{
    return AllocationTypes.Run(PairOrHelloWeb(), int.Parse(Option("--runs") ?? "50000", System.Globalization.CultureInfo.InvariantCulture));
}

if (arguments.Contains("--path-pieces"))
{
    return PathPieces.Run(PairOrHelloWeb(), int.Parse(Option("--runs") ?? "2000", System.Globalization.CultureInfo.InvariantCulture));
}

if (Option("--project-driver-once") is { } onceFolder)
{
    return ProjectDriver.Once(onceFolder, Option("--analyzers"));
}

if (Option("--code-questions") is { } questionsFolder)
{
    return ProjectDriver.CodeQuestions(questionsFolder, int.Parse(Option("--runs") ?? "20", System.Globalization.CultureInfo.InvariantCulture));
}

if (Option("--project-driver") is { } projectFolder)
{
    return ProjectDriver.Run(projectFolder, int.Parse(Option("--runs") ?? "40", System.Globalization.CultureInfo.InvariantCulture), Option("--analyzers"));
}

if (Option("--generate-project") is { } generated)
{
    return BuildCost.Generate(generated, int.Parse(Option("--files") ?? "1500", System.Globalization.CultureInfo.InvariantCulture), Packages().Cast<(string, string, string)?>().FirstOrDefault());
}

if (arguments.Contains("--build-cost"))
{
    var packages = Packages();
    return BuildCost.Run(packages, FileCounts(), int.Parse(Option("--builds") ?? "10", System.Globalization.CultureInfo.InvariantCulture));
}

if (arguments.Contains("--compiler-ab"))
{
    return CompilerAb.Run(Packages().Single(), FileCounts(), int.Parse(Option("--builds") ?? "10", System.Globalization.CultureInfo.InvariantCulture), arguments.Contains("--server"), arguments.Contains("--probe"));
}

if (arguments.Contains("--fix-scaling"))
{
    var sizes = (Option("--fix-scaling") is { } list && !list.StartsWith("-", StringComparison.Ordinal) ? list : "1000,2000,4000,8000")
        .Split(',').Select(n => int.Parse(n, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    return FixScaling.Run(sizes, int.Parse(Option("--runs") ?? "3", System.Globalization.CultureInfo.InvariantCulture));
}

if (arguments.Contains("--hostile"))
{
    return HostileBenchmark.Analyze();
}

if (arguments.Contains("--hostile-builds"))
{
    var packages = Packages();
    return HostileBenchmark.Builds(packages, Option("--only"));
}

if (Option("--fuzz") is { } countText)
{
    return Fuzz(int.Parse(countText, System.Globalization.CultureInfo.InvariantCulture), int.Parse(Option("--seed") ?? "1", System.Globalization.CultureInfo.InvariantCulture), Option("--seeds"));
}

Console.Error.WriteLine("usage: --corpus <dir> | --synthetic | --gc-breakdown [runs] | --fuzz <count> [--seed N] [--seeds <dir>] | --differential <engine.dll> [--count N] [--seed N] | --driver [--runs N] [--corpora <dir>] | --first-analysis [N] | --generate-project <folder> [--files N] [--package label=feed=version] | --project-driver <built project folder> [--runs N] [--analyzers <dll>] | --build-cost --package label=feed=version… [--files 300,1500] [--builds N] | --compiler-ab --package label=feed=version [--files 300,1500] [--builds N] [--server] [--probe] | --fix-scaling [1000,2000,…] [--runs N] | --hostile | --hostile-builds [--package label=feed=version]… [--only <text>] | --dump-diagnostics <file> [--corpora <dir>] | --dump-fixes <file> [--corpora <dir>] | --path-pieces [--runs N] [--pair <name>] | --allocation-types [--runs N] [--pair <name>] | --driver-loop <runs> [--pair <name>] | --code-questions <built project folder> [--runs N]");
return 2;

// The generated projects' sizes: --files 300,1500.
int[] FileCounts() => (Option("--files") ?? "300,1500").Split(',').Select(n => int.Parse(n, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

// --pair <part of a name>: that corpus pair instead of the sample.
// The corpora folder: --corpora, else the nearest shared/corpora above the benchmark.
string Corpora() => Option("--corpora") ?? FindSharedCorpora() ?? throw new InvalidOperationException("no shared corpora: pass --corpora <dir>");

CorpusPair PairOrHelloWeb() => Option("--pair") is { } part
    ? CorpusPair.FromSharedCorpora(Corpora()).First(p => p.Name.Contains(part, StringComparison.Ordinal))
    : HelloWeb();

// samples/HelloWeb as a corpus pair: the one the per-build measurements use.
static CorpusPair HelloWeb()
{
    var sample = FindRepositoryRoot() is { } repositoryRoot ? Path.Combine(repositoryRoot, "samples", "HelloWeb") : throw new InvalidOperationException("run from the repository");
    return new CorpusPair("HelloWeb", Path.Combine(sample, "Dockerfile"), Path.Combine(sample, "HelloWeb.csproj"));
}

// Each --package label=feed-folder=version argument.
(string Label, string Feed, string Version)[] Packages() => arguments.Select((a, i) => (a, i)).Where(p => p.a == "--package" && p.i + 1 < arguments.Count)
    .Select(p => arguments[p.i + 1].Split('=', 3)).Select(p => (p[0], p[1], p[2])).ToArray();

static IConfig Config(Job job) => ManualConfig.CreateEmpty()
    .AddJob(job.WithToolchain(InProcessEmitToolchain.Instance))
    .AddDiagnoser(MemoryDiagnoser.Default)
    .AddColumnProvider(DefaultColumnProviders.Instance)
    .AddLogger(ConsoleLogger.Default)
    .AddExporter(MarkdownExporter.Console)
    .WithOptions(ConfigOptions.DisableLogFile);

// One line to compare corpora (and other linters) by: files and mean microseconds per file for full analysis.
static void PrintSummary(Summary summary, int files)
{
    double Mean(string method) => summary.Reports.Where(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method && r.ResultStatistics is not null)
        .Select(r => r.ResultStatistics!.Mean / 1000.0).DefaultIfEmpty(double.NaN).Average();
    double Allocated(string method) => summary.Reports.Where(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method)
        .Select(r => (double)(r.GcStats.GetBytesAllocatedPerOperation(r.BenchmarkCase) ?? 0)).DefaultIfEmpty(double.NaN).Average();
    Console.WriteLine($"SUMMARY files={files} full-analysis-mean-us={Mean("FullAnalysis"):F1} parse-mean-us={Mean("Parse"):F1} full-analysis-allocated-bytes={Allocated("FullAnalysis"):F0}");
}

static int Fuzz(int count, int seed, string? seedsDirectory)
{
    seedsDirectory ??= FindSharedCorpora();
    var seeds = LoadSeeds(seedsDirectory);
    Console.WriteLine($"fuzz: {count} inputs, seed {seed}, {seeds.Length} seed files from {seedsDirectory ?? "(none)"}");
    var fuzzer = new DockerfileFuzzer(seed, seeds);
    var total = Stopwatch.StartNew();
    var failures = 0;
    long bytes = 0;
    var slowest = new List<(double MicrosecondsPerKb, int Length, int Index)>();
    var watch = new Stopwatch();
    for (var i = 0; i < count; i++)
    {
        var text = fuzzer.Next();
        bytes += text.Length;
        watch.Restart();
        try
        {
            fuzzer.Check(text, withFixes: i % 10 == 0);
        }
        catch (Exception exception)
        {
            if (failures++ < 5)
            {
                Console.WriteLine($"FAIL input {i}: {exception.GetType().Name}: {exception.Message}");
                File.WriteAllText($"fuzz-failure-{seed}-{i}.txt", text);
            }
        }

        var perKb = watch.Elapsed.TotalMilliseconds * 1000 / Math.Max(1, text.Length / 1024.0);
        if (text.Length >= 1024)
        {
            slowest.Add((perKb, text.Length, i));
            if (slowest.Count > 200)
            {
                slowest = slowest.OrderByDescending(s => s.MicrosecondsPerKb).Take(5).ToList();
            }
        }

        if ((i + 1) % 100_000 == 0)
        {
            Console.WriteLine($"  {i + 1} inputs, {failures} failures, {total.Elapsed.TotalSeconds:F0} s");
        }
    }

    foreach (var (name, text) in DockerfileFuzzer.PathologicalInputs())
    {
        watch.Restart();
        try
        {
            fuzzer.Check(text, withFixes: true);
        }
        catch (Exception exception)
        {
            failures++;
            Console.WriteLine($"FAIL {name}: {exception.GetType().Name}: {exception.Message}");
        }

        Console.WriteLine($"  pathological '{name}': {text.Length / 1024.0:F0} KB in {watch.Elapsed.TotalMilliseconds:F0} ms ({watch.Elapsed.TotalMilliseconds * 1000 / (text.Length / 1024.0):F1} us/KB)");
    }

    Console.WriteLine($"FUZZ inputs={count} failures={failures} seconds={total.Elapsed.TotalSeconds:F0} megabytes={bytes / 1048576.0:F0}");
    foreach (var (perKb, length, index) in slowest.OrderByDescending(s => s.MicrosecondsPerKb).Take(5))
    {
        Console.WriteLine($"  slowest per KB: input {index}, {length} chars, {perKb:F1} us/KB");
    }

    return failures == 0 ? 0 : 1;
}

// The Dockerfiles of the corpora, in a stable order, as seeds for mutation.
static string[] LoadSeeds(string? directory) => directory is null
    ? Array.Empty<string>()
    : Directory.EnumerateFiles(directory, "Dockerfile*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).Select(File.ReadAllText).ToArray();

static string? FindRepositoryRoot()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "ContainerAnalyzers.sln")))
        {
            return directory.FullName;
        }
    }

    return null;
}

static string? FindSharedCorpora()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        var candidate = Path.Combine(directory.FullName, "shared", "corpora");
        if (Directory.Exists(candidate))
        {
            return candidate;
        }
    }

    return null;
}
