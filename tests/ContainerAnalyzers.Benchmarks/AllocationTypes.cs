using System.Diagnostics.Tracing;
using System.Globalization;

namespace ContainerAnalyzers.Benchmarks;

/// <summary>
/// Issue 26: what one pair's analysis and every rule allocate, by type. The runtime samples its own allocations (an
/// AllocationTick event about every 100 KB, naming the type whose allocation crossed the mark), so over many analyses
/// each type's share of the samples is its share of the bytes. Allocation is what a build pays for twice: once to
/// allocate, and again in the collections that land in whatever callback runs next.
/// </summary>
internal static class AllocationTypes
{
    public static int Run(CorpusPair pair, int runs)
    {
        var (compilation, options) = DriverBenchmark.Create(pair);
        var dockerfile = options.AdditionalFiles.First(f => f.Path == pair.DockerfilePath);
        var text = dockerfile.GetText()!.ToString();
        void Analyze() => PathPieces.AnalysisAndEveryRule(compilation, options, dockerfile.Path, text);

        Analyze();
        var before = GC.GetAllocatedBytesForCurrentThread();
        Analyze();
        var perAnalysis = GC.GetAllocatedBytesForCurrentThread() - before;

        using var listener = new AllocationTickListener();
        for (var i = 0; i < runs; i++)
        {
            Analyze();
        }

        var samples = listener.Samples();
        var total = samples.Values.Sum();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"allocation by type: {pair.Name}, {perAnalysis:N0} B per analysis and every rule, {total} samples over {runs} analyses"));
        foreach (var (type, count) in samples.OrderByDescending(s => s.Value).Take(40))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {100.0 * count / total,5:F1}%  ~{perAnalysis * count / total,7:N0} B  {type}"));
        }

        return 0;
    }

    private sealed class AllocationTickListener : EventListener
    {
        private readonly Dictionary<string, int> _samples = new(StringComparer.Ordinal);

        public Dictionary<string, int> Samples()
        {
            lock (_samples)
            {
                return new Dictionary<string, int>(_samples, StringComparer.Ordinal);
            }
        }

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime")
            {
                // The GC keyword at the verbose level is what turns the allocation ticks on.
                EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs data)
        {
            if (data.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || data.PayloadNames is null)
            {
                return;
            }

            var index = data.PayloadNames.IndexOf("TypeName");
            var type = index >= 0 && data.Payload?[index] is string typeName ? typeName : "(unknown)";
            lock (_samples)
            {
                _samples[type] = _samples.GetValueOrDefault(type) + 1;
            }
        }
    }
}
