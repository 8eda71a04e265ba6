using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ContainerAnalyzers.Tests.Infrastructure;

namespace ContainerAnalyzers.Benchmarks;

/// <summary>
/// Issue 26: the package's cost to the compiler itself, with MSBuild out of the way. The generated project (see
/// <see cref="BuildCost"/>) is built once with the package to take the compiler's command line from the log; then the
/// compiler runs on that command line with and without the package's analyzers (the only arguments that differ),
/// alternating which goes first in each round. A full build's wall time on a shared two-core host swings by seconds
/// at 1,500 files, so a round's two runs are compared with each other (paired differences), never with a median
/// of the other column.
/// </summary>
internal static partial class CompilerAb
{
    /// <param name="probe">
    /// Whether both command lines also load <see cref="Probe.FixedWorkProbe"/>, whose work is the same in every build:
    /// its line says how much of the package's line the build around it adds.
    /// </param>
    public static int Run((string Label, string Feed, string Version) package, IReadOnlyList<int> fileCounts, int rounds, bool server, bool probe)
    {
        var root = Path.Combine(Path.GetTempPath(), "ContainerAnalyzers.CompilerAb", DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture));
        Console.WriteLine($"compiler A/B: package {package.Version}, {rounds} rounds, {(server ? "through the compiler server (/shared)" : "a fresh compiler process each run")}; projects under {root}");
        var probeArgument = probe ? $" \"/analyzer:{typeof(Probe.FixedWorkProbe).Assembly.Location}\"" : string.Empty;
        if (probe)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"probe: {Probe.FixedWorkProbe.Iterations:N0} iterations of fixed work, {ProbeWorkMilliseconds():F2} ms on a core of this machine (best of 20, warm, in this process)"));
        }

        Console.WriteLine($"| C# files | package's ReportAnalyzer (ms) |{(probe ? " probe's ReportAnalyzer with / without the package (ms) |" : string.Empty)} all analyzers with / without (ms) | wall with (s) | wall without (s) | paired difference (s) |");
        Console.WriteLine(probe ? "|---|---|---|---|---|---|---|" : "|---|---|---|---|---|---|");
        foreach (var files in fileCounts)
        {
            var folder = Path.Combine(root, files.ToString(CultureInfo.InvariantCulture), "App");
            BuildCost.WriteProject(folder, files, package);
            BuildCost.Restore(folder);
            var log = BuildCost.Build(folder, server: false).Output;
            var (compiler, with) = CompilerCommandLine.Find(log) ?? throw new InvalidOperationException("the build's log names no compiler command line");
            // The package's analyzers are its /analyzer: arguments; its additional files and properties stay, and cost
            // the compiler nothing when no analyzer reads them.
            var without = PackageAnalyzer().Replace(with, string.Empty);
            if (without == with)
            {
                throw new InvalidOperationException("the command line has no analyzer of the package");
            }

            var withFile = Path.Combine(folder, "csc-with.rsp");
            var withoutFile = Path.Combine(folder, "csc-without.rsp");
            File.WriteAllText(withFile, with + probeArgument);
            File.WriteAllText(withoutFile, without + probeArgument);
            if (server)
            {
                // The server's first compilation of each loads and JITs everything: not what a rebuild pays.
                Compile(compiler, folder, withFile, server);
                Compile(compiler, folder, withoutFile, server);
            }

            var ours = new List<double>();
            var probeWith = new List<double>();
            var probeWithout = new List<double>();
            var allWith = new List<double>();
            var allWithout = new List<double>();
            var wallWith = new List<double>();
            var wallWithout = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                foreach (var withPackage in round % 2 == 0 ? new[] { false, true } : new[] { true, false })
                {
                    var (wall, report) = Compile(compiler, folder, withPackage ? withFile : withoutFile, server);
                    if (withPackage != report.Contains("warning CTR0060", StringComparison.Ordinal))
                    {
                        throw new InvalidOperationException($"the compilation {(withPackage ? "with" : "without")} the package {(withPackage ? "reported no" : "reported a")} CTR0060");
                    }

                    (withPackage ? wallWith : wallWithout).Add(wall);
                    (withPackage ? allWith : allWithout).Add(BuildCost.TotalSeconds(report) * 1000);
                    if (withPackage)
                    {
                        ours.Add(BuildCost.PackageSeconds(report) * 1000);
                    }

                    if (probe)
                    {
                        (withPackage ? probeWith : probeWithout).Add(BuildCost.AssemblySeconds(report, ProbeAssembly) * 1000);
                    }
                }
            }

            var differences = wallWith.Zip(wallWithout, (a, b) => a - b).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {files:N0} | {BuildCost.Median(ours):F0} (min {ours.Min():F0}, max {ours.Max():F0}) |{(probe ? $" {BuildCost.Median(probeWith):F0} (min {probeWith.Min():F0}, max {probeWith.Max():F0}) / {BuildCost.Median(probeWithout):F0} (min {probeWithout.Min():F0}, max {probeWithout.Max():F0}) |" : string.Empty)} {BuildCost.Median(allWith):F0} / {BuildCost.Median(allWithout):F0} | {BuildCost.Median(wallWith):F2} | {BuildCost.Median(wallWithout):F2} | {BuildCost.Median(differences):+0.00;-0.00} (IQR {BuildCost.Quartile(differences, 1):+0.00;-0.00} … {BuildCost.Quartile(differences, 3):+0.00;-0.00}; {differences.Min():+0.00;-0.00} … {differences.Max():+0.00;-0.00}) |"));
        }

        return 0;
    }

    private static readonly string ProbeAssembly = typeof(Probe.FixedWorkProbe).Assembly.GetName().Name!;

    // The probe's work alone, warm, with this process doing nothing else: what its line would read if the build added
    // nothing.
    private static double ProbeWorkMilliseconds()
    {
        var best = double.MaxValue;
        for (var i = 0; i < 25; i++)
        {
            var watch = Stopwatch.StartNew();
            Probe.FixedWorkProbe.Work(Probe.FixedWorkProbe.Iterations);
            if (i >= 5)
            {
                best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
            }
        }

        return best;
    }

    private static (double WallSeconds, string Output) Compile(string compiler, string folder, string responseFile, bool server)
    {
        var watch = Stopwatch.StartNew();
        var output = server
            ? BuildCost.Process(folder, compiler, "/shared", "@" + responseFile, "/reportanalyzer")
            : BuildCost.Process(folder, compiler, "@" + responseFile, "/reportanalyzer");
        return (watch.Elapsed.TotalSeconds, output);
    }

    // An /analyzer: argument from the package's folder (the NuGet cache's containeranalyzers/<version>/…), quoted or not.
    [GeneratedRegex(@"\s/analyzer:(""[^""]*[/\\]containeranalyzers[/\\][^""]*""|\S*[/\\]containeranalyzers[/\\]\S*)", RegexOptions.IgnoreCase)]
    private static partial Regex PackageAnalyzer();
}
