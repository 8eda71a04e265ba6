using System.Diagnostics;

namespace ContainerAnalyzers.Benchmarks;

/// <summary>
/// Where the time of a large file goes: full analysis of each synthetic size from a clean heap (as BenchmarkDotNet
/// starts each iteration), split into time paused for garbage collection and the rest, per character. Then the
/// floor any tree pays: keeping one small object graph per instruction of the 10 MB file alive, with no parsing at
/// all. Complements --synthetic, which gives the means but not why the large sizes cost more per character.
/// </summary>
internal static class GcBreakdown
{
    public static void Run(int runs)
    {
        Console.WriteLine($"GC: {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, latency mode {System.Runtime.GCSettings.LatencyMode} (Interactive = concurrent), {runs} runs per size, medians");
        Console.WriteLine("| Input | Full analysis | ns/char | GC pause | GC share | gen0/gen1/gen2 per run |");
        Console.WriteLine("|---|---:|---:|---:|---:|---|");
        var benchmarks = new AnalysisBenchmarks();

        // Tiered compilation promotes hot methods only after they have run for a while: warm up for a few seconds
        // on a small file first, or the small sizes are measured with unoptimised code.
        benchmarks.Input = "1 KB";
        benchmarks.Setup();
        for (var warm = Stopwatch.StartNew(); warm.Elapsed < TimeSpan.FromSeconds(3);)
        {
            benchmarks.FullAnalysis();
        }
        foreach (var size in new[] { "1 KB", "100 KB", "1 MB", "10 MB" })
        {
            benchmarks.Input = size;
            benchmarks.Setup();
            var characters = AnalysisBenchmarks.Synthetic(size).Length;

            // Small inputs are timed in batches, so a batch is long enough to measure and to include its share of collections.
            var batch = Math.Max(1, 2_000_000 / characters);
            var samples = new List<(double Total, double Pause)>();
            int gen0 = 0, gen1 = 0, gen2 = 0;
            for (var run = -2; run < runs; run++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                var (g0, g1, g2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
                var pause = GC.GetTotalPauseDuration();
                var watch = Stopwatch.StartNew();
                for (var i = 0; i < batch; i++)
                {
                    benchmarks.FullAnalysis();
                }

                watch.Stop();
                if (run < 0)
                {
                    continue; // warm-up
                }

                samples.Add((watch.Elapsed.TotalMilliseconds / batch, (GC.GetTotalPauseDuration() - pause).TotalMilliseconds / batch));
                gen0 += GC.CollectionCount(0) - g0;
                gen1 += GC.CollectionCount(1) - g1;
                gen2 += GC.CollectionCount(2) - g2;
            }

            var total = Median(samples.Select(s => s.Total));
            var paused = Median(samples.Select(s => s.Pause));
            double PerRun(int count) => count / (double)(runs * batch);
            Console.WriteLine($"| {size} | {Format(total)} | {total * 1e6 / characters:F1} | {Format(paused)} | {paused / total:P0} | {PerRun(gen0):F2}/{PerRun(gen1):F2}/{PerRun(gen2):F2} |");
        }

        // The floor: 266,371 instructions (the 10 MB file) as chains of small objects, kept alive, nothing else.
        foreach (var objectsPerInstruction in new[] { 1, 3, 5, 8 })
        {
            var times = new List<double>();
            for (var run = -1; run < runs; run++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                var watch = Stopwatch.StartNew();
                var kept = new List<Chain>();
                for (var i = 0; i < 266_371; i++)
                {
                    var head = new Chain();
                    for (var k = 1; k < objectsPerInstruction; k++)
                    {
                        head = new Chain { Next = head };
                    }

                    kept.Add(head);
                }

                if (run >= 0)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }

                GC.KeepAlive(kept);
            }

            Console.WriteLine($"floor: {objectsPerInstruction} object(s) of 48 B per instruction of the 10 MB file, kept alive: {Format(Median(times))}");
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted[sorted.Length / 2];
    }

    private static string Format(double milliseconds) => milliseconds >= 1 ? $"{milliseconds:F1} ms" : $"{milliseconds * 1000:F1} us";

    private sealed class Chain
    {
        public Chain? Next;
#pragma warning disable CS0169, IDE0051 // padding to the size of a typical syntax node
        private long _a, _b, _c;
#pragma warning restore CS0169, IDE0051
    }
}
