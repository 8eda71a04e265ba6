using System;
using System.Collections.Immutable;
using System.Linq;
using ContainerAnalyzers.Infrastructure;
using ContainerAnalyzers.Rules.Definitions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ContainerAnalyzers.Analyzers;

/// <summary>CTR0003: Project has no Dockerfile. Reported on the project file, which the package adds as an AdditionalFile.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CTR0003ProjectHasNoDockerfileAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticFactory.GetDescriptor(CTR0003ProjectHasNoDockerfileRule.Descriptor));

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterAdditionalFileAction(AnalyzeProjectFile);
    }

    private static void AnalyzeProjectFile(AdditionalFileAnalysisContext context)
    {
        if (AdditionalFileKinds.Classify(context.AdditionalFile, context.Options) != AdditionalFileKind.ProjectFile)
        {
            return;
        }

        try
        {
            var hasDockerfile = context.Options.AdditionalFiles.Any(f => AdditionalFileKinds.Classify(f, context.Options) == AdditionalFileKind.Dockerfile);
            var facts = AnalysisCache.GetProjectFacts(context.Options, context.CancellationToken);
            if (CTR0003ProjectHasNoDockerfileRule.Analyze(facts, hasDockerfile) is { } finding
                && context.AdditionalFile.GetText(context.CancellationToken) is { } text)
            {
                context.ReportDiagnostic(DiagnosticFactory.Create(finding, context.AdditionalFile.Path, text));
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // See DockerfileRuleAnalyzer: never let an exception become AD0001.
        }
    }
}
