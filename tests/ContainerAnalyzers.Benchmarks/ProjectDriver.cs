using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ContainerAnalyzers.Benchmarks;

/// <summary>
/// Issue 26: the package on the compiler's real path, for a real project that has been built once. The compilation
/// holds every C# file of the project (and the build's generated ones under obj/), against the reference packs; the
/// options are the build's own generated global config (obj/…/*.GeneratedMSBuildEditorConfig.editorconfig) parsed by
/// Roslyn, with the additional files and the metadata its sections give them. Each run is a fresh compilation and a
/// fresh <see cref="CompilationWithAnalyzers"/> with execution-time logging, and the figure is the package's analyzers'
/// summed ExecutionTime: what <c>-p:ReportAnalyzer=true</c> prints. The first run in a fresh process is the compiler
/// without the server; the median of the later runs is the server's steady state.
/// </summary>
internal static class ProjectDriver
{
    public static int Run(string folder, int runs, string? analyzersPath)
    {
        var analyzers = analyzersPath is null ? DriverBenchmark.MeasuredAnalyzers : DriverBenchmark.AsTheCompilerRuns(FirstAnalysis.LoadAnalyzers(Path.GetFullPath(analyzersPath)));
        var first = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var start = new ProcessStartInfo(Environment.ProcessPath!, $"\"{typeof(ProjectDriver).Assembly.Location}\" --project-driver-once \"{folder}\"" + (analyzersPath is null ? string.Empty : $" --analyzers \"{Path.GetFullPath(analyzersPath)}\"")) { RedirectStandardOutput = true };
            using var process = Process.Start(start)!;
            var line = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            first.Add(double.Parse(line.Split(' ')[0], CultureInfo.InvariantCulture));
        }

        var project = Load(folder);
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            times.Add(Measure(project, analyzers));
        }

        var steady = times.Skip(runs / 2).OrderBy(t => t).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"PROJECT-DRIVER folder={folder} analyzers={analyzersPath ?? "this build"} trees={project.Trees.Length} additional-files={project.Files.Length} first-run-ms(median of 5 processes)={Median(first):F1} steady-ms(median of the last {steady.Count} of {runs} runs)={Median(steady):F2} min={steady.Min():F2} last run: {string.Join(", ", LastSplit.Select(p => $"{p.Key} {p.Value:F2}"))}"));
        return 0;
    }

    /// <summary>The code questions the rules may ask, each on a fresh compilation of the project (best of the runs).</summary>
    public static int CodeQuestions(string folder, int runs)
    {
        var project = Load(folder);
        Compilation Fresh() => CSharpCompilation.Create("App", project.Trees, project.References, new CSharpCompilationOptions(OutputKind.ConsoleApplication));
        var questions = new (string Name, Func<Compilation, object?> Ask)[]
        {
            ("endpoints", c => Infrastructure.CompilationSourceEvidence.For(c, CancellationToken.None).Endpoints),
            ("data protection", c => Infrastructure.CompilationSourceEvidence.For(c, CancellationToken.None).DataProtectionUse),
            ("endpoints, then data protection", c =>
            {
                var evidence = Infrastructure.CompilationSourceEvidence.For(c, CancellationToken.None);
                return (evidence.Endpoints, evidence.DataProtectionUse);
            }),
            ("time zones", c => Infrastructure.CodeLiteralLookups.TimeZones.Find(c, CancellationToken.None)),
            ("sql client", c => Infrastructure.CompilationSourceEvidence.For(c, CancellationToken.None).SqlClientUse),
            ("sqlite", c => Infrastructure.SqliteCalls.Find(c, CancellationToken.None)),
            ("file writes", c => Infrastructure.CodeLiteralLookups.FileWrites.Find(c, CancellationToken.None)),
            ("nodatime bcl", c => Infrastructure.NodaTimeBclLookups.Find(c, CancellationToken.None)),
            ("references alone", c => c.ReferencedAssemblyNames.Count()),
            ("text search alone", c =>
            {
                var words = new Infrastructure.CodeWords(Infrastructure.CodeEndpointSearch.Words);
                foreach (var tree in c.SyntaxTrees)
                {
                    Infrastructure.CodeText.ContainsAny(tree.GetText(), words);
                }

                return null;
            }),
            ("text search, two lists", c =>
            {
                var words = Infrastructure.CodeWords.OfLists(Infrastructure.CodeEndpointSearch.Words, Infrastructure.DataProtectionCalls.Words);
                foreach (var tree in c.SyntaxTrees)
                {
                    Infrastructure.CodeText.ListsIn(tree.GetText(), words);
                }

                return null;
            }),
            ("GetText alone", c =>
            {
                var length = 0;
                foreach (var tree in c.SyntaxTrees)
                {
                    length += tree.GetText().Length;
                }

                return length;
            }),
        };
        foreach (var (name, ask) in questions)
        {
            var best = double.MaxValue;
            for (var i = 0; i < runs; i++)
            {
                // What the compiler has done before any analyzer runs: its trees laid out and its references bound.
                var compilation = Fresh();
                _ = compilation.SyntaxTrees.Count();
                _ = compilation.ReferencedAssemblyNames.Count();
                var watch = Stopwatch.StartNew();
                ask(compilation);
                best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-20} {best,8:F2} ms over {project.Trees.Length} trees"));
        }

        return 0;
    }

    /// <summary>One fresh process: the first run's figure, then the number of methods the JIT compiled during it.</summary>
    public static int Once(string folder, string? analyzersPath)
    {
        var analyzers = analyzersPath is null ? DriverBenchmark.MeasuredAnalyzers : DriverBenchmark.AsTheCompilerRuns(FirstAnalysis.LoadAnalyzers(analyzersPath));
        var project = Load(folder);
        var methods = System.Runtime.JitInfo.GetCompiledMethodCount();
        var ms = Measure(project, analyzers);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{ms:F2} {System.Runtime.JitInfo.GetCompiledMethodCount() - methods}"));
        return 0;
    }

    private static double Median(List<double> values) => values.OrderBy(v => v).ElementAt(values.Count / 2);

    private static double Measure(LoadedProject project, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var compilation = CSharpCompilation.Create("App", project.Trees, project.References, new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        var options = new AnalyzerOptions(project.Files, project.Options);
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: true));
        return DriverBenchmark.ExecutionTime(withAnalyzers, LastSplit).TotalMilliseconds;
    }


    // The last run's time per analyzer, for the steady-state line.
    private static readonly Dictionary<string, double> LastSplit = new(StringComparer.Ordinal);

    private sealed record LoadedProject(ImmutableArray<SyntaxTree> Trees, ImmutableArray<MetadataReference> References, ImmutableArray<AdditionalText> Files, AnalyzerConfigOptionsProvider Options);

    private static LoadedProject Load(string folder)
    {
        var editorConfig = Directory.EnumerateFiles(Path.Combine(folder, "obj"), "*.GeneratedMSBuildEditorConfig.editorconfig", SearchOption.AllDirectories).First();
        var parse = new CSharpParseOptions(LanguageVersion.Preview);
        var sources = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains("/bin/", StringComparison.Ordinal) && (!p.Contains("/obj/", StringComparison.Ordinal) || Path.GetDirectoryName(p) == Path.GetDirectoryName(editorConfig)))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(p), Encoding.UTF8), parse, p))
            .ToImmutableArray();
        var packs = "/usr/share/dotnet/packs";
        var references = new[] { "Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref" }
            .Select(pack => Directory.EnumerateDirectories(Path.Combine(packs, pack)).OrderBy(d => d, StringComparer.Ordinal).Last())
            .SelectMany(version => Directory.EnumerateFiles(Directory.EnumerateDirectories(Path.Combine(version, "ref")).Last(), "*.dll"))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();

        // The additional files are the global config's [path] sections (the compiler writes one for each item with metadata).
        var text = File.ReadAllText(editorConfig);
        // The compose files are added by a target that runs after the global config is written, without a section:
        // the compiler still gets them, and the analyzer knows them by name.
        var sections = text.Split('\n').Where(l => l.StartsWith("[/", StringComparison.Ordinal)).Select(l => l.Trim().Trim('[', ']')).Where(File.Exists);
        var byName = Directory.EnumerateFiles(folder).Where(p => Path.GetFileName(p) is var name
            && (name.StartsWith("docker-compose", StringComparison.Ordinal) || name.StartsWith("compose.", StringComparison.Ordinal) || name == ".dockerignore"));
        var files = sections.Concat(byName).Distinct(StringComparer.Ordinal).Select(p => (AdditionalText)new DiskText(p)).ToImmutableArray();
        var options = new RoslynConfigOptions(File.ReadAllText(editorConfig), editorConfig).Prepare(sources.Select(t => t.FilePath).Concat(files.Select(f => f.Path)));
        return new LoadedProject(sources, references, files, options);
    }

    private sealed class DiskText : AdditionalText
    {
        private readonly SourceText _text;

        public DiskText(string path)
        {
            Path = path;
            _text = SourceText.From(File.ReadAllText(path), Encoding.UTF8);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
