using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ContainerAnalyzers.Benchmarks.Probe;

/// <summary>
/// The same fixed CPU work in every build, in the callback the package's work starts in (the Dockerfile's
/// additional-file action), and nothing else: no memory traffic, no lock, nothing that grows with the project. What
/// the compiler's ReportAnalyzer charges it beyond its work on an idle core is what the build around it adds
/// (preemption by the compiler's own threads, garbage-collection pauses), the part of the package's figure that no
/// change to the package can remove.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FixedWorkProbe : DiagnosticAnalyzer
{
    /// <summary>About 1.9 ms on one core of the two-core machine the figures were first taken on: the package's own warm
    /// work on the 1,500-file project is about 2 ms.</summary>
    public const int Iterations = 1_000_000;

    // Warning, not hidden: the command-line compiler skips an analyzer whose every diagnostic is hidden or info.
    private static readonly DiagnosticDescriptor Never = new("PROBE0001", "Never reported", "Never reported", "Probe", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    // Written so the work cannot be optimised away.
    private static int s_sink;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start => start.RegisterAdditionalFileAction(file =>
        {
            if (file.AdditionalFile.Path.EndsWith("Dockerfile", StringComparison.Ordinal))
            {
                s_sink = Work(Iterations);
            }
        }));
    }

    /// <summary>A chain of dependent integer operations: the same time whatever else the machine does with memory.</summary>
    public static int Work(int iterations)
    {
        var x = 1;
        for (var i = 0; i < iterations; i++)
        {
            x = unchecked((x * 1103515245) + 12345);
            x ^= x >> 7;
        }

        return x;
    }
}
