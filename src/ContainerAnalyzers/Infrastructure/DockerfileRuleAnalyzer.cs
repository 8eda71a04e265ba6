using System;
using System.Collections.Immutable;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Projects;
using System.Linq;
using ContainerAnalyzers.Rules;
using ContainerAnalyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ContainerAnalyzers.Infrastructure;

/// <summary>
/// The adapter every Dockerfile analyzer shares: for each Dockerfile among the AdditionalFiles, get the cached
/// syntax tree and model, run the one rule, and report its findings located in the Dockerfile.
/// </summary>
public abstract class DockerfileRuleAnalyzer : DiagnosticAnalyzer
{
    private readonly DockerfileRule _rule;

    protected DockerfileRuleAnalyzer(DockerfileRule rule)
    {
        _rule = rule;
        SupportedDiagnostics = ImmutableArray.Create(DiagnosticFactory.GetDescriptor(rule.Descriptor));
    }

    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        // The compilation-start context gives access to the shared SourceText cache (TryGetValue), so every
        // rule of the package reuses one parse of an unchanged Dockerfile.
        context.RegisterCompilationStartAction(start => start.RegisterAdditionalFileAction(file =>
        {
            switch (AdditionalFileKinds.Classify(file.AdditionalFile, file.Options))
            {
                case AdditionalFileKind.Dockerfile
                    when file.AdditionalFile.GetText(file.CancellationToken) is { } text
                        && start.TryGetValue(text, AnalysisCache.SyntaxProvider, out var tree)
                        && tree is not null:
                    AnalyzeDockerfile(file, text, tree);
                    break;
                case AdditionalFileKind.ProjectFile when SdkContainerImage.Applies(_rule.Descriptor.Id):
                    AnalyzeSdkContainer(file);
                    break;
            }
        }));
    }

    // A project without a Dockerfile that publishes its container with the SDK (ContainerBaseImage, ContainerFamily…):
    // the image and user rules judge the Dockerfile that amounts to, and report on the property that decides it.
    private void AnalyzeSdkContainer(AdditionalFileAnalysisContext context)
    {
        try
        {
            var options = context.Options;
            var facts = AnalysisCache.GetProjectFacts(options, context.CancellationToken);
            if (options.AdditionalFiles.Any(f => AdditionalFileKinds.Classify(f, options) == AdditionalFileKind.Dockerfile)
                || SdkContainerImage.For(facts) is not { } container
                || context.AdditionalFile.GetText(context.CancellationToken) is not { } projectText)
            {
                return;
            }

            var analysis = AnalysisCache.GetSdkContainerAnalysis(context.Compilation, () => new DockerfileAnalysis(
                DockerfileModel.Create(DockerfileParser.Parse(container.Dockerfile, context.CancellationToken)),
                facts,
                CompilationSourceEvidence.For(context.Compilation, context.CancellationToken),
                hasDockerIgnore: true));
            foreach (var finding in _rule.Analyze(analysis, context.CancellationToken))
            {
                var fixes = finding.Fixes.Where(f => f.Target == RuleFixTarget.ProjectFile).ToList();
                if (finding.Rule.Id == RuleIds.FinalImageNotDistroless && facts.ContainerFamily is null && facts.ContainerBaseImage is null)
                {
                    var family = facts.InvariantGlobalization == true ? "noble-chiseled" : "noble-chiseled-extra";
                    if (ProjectFileEdits.AddProperty(facts.ProjectText, "ContainerFamily", family, $"Set ContainerFamily to {family}") is { } setFamily)
                    {
                        fixes.Insert(0, setFamily);
                    }
                }

                var mapped = new RuleFinding(finding.Rule, container.MapToProject(finding.Span), finding.MessageArguments, finding.Properties)
                {
                    SeverityOverride = finding.SeverityOverride,
                    Fixes = fixes,
                };
                context.ReportDiagnostic(DiagnosticFactory.Create(mapped, context.AdditionalFile.Path, projectText));
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // See AnalyzeDockerfile: never let an exception become AD0001.
        }
    }

    // The package adds the context's .dockerignore, and BuildKit's per-Dockerfile one (<name>.dockerignore), as
    // additional files. Only files the package added tell anything: when the project does not use the package's
    // inputs, whether a .dockerignore exists is unknown.
    private static bool? HasDockerIgnore(AnalyzerOptions options, AdditionalText dockerfile)
    {
        var fromPackage = false;
        foreach (var file in options.AdditionalFiles)
        {
            if (AdditionalFileKinds.Classify(file, options) == AdditionalFileKind.DockerIgnore)
            {
                return true;
            }

            fromPackage |= options.AnalyzerConfigOptionsProvider.GetOptions(file).TryGetValue(AdditionalFileKinds.MetadataKey, out _);
        }

        return fromPackage ? false : null;
    }

    private void AnalyzeDockerfile(AdditionalFileAnalysisContext context, SourceText text, DockerfileSyntaxTree tree)
    {
        try
        {
            // One analysis per Dockerfile and compilation, shared by every rule: the facts they derive are computed once.
            var analysis = AnalysisCache.GetAnalysis(context.Compilation, tree, () => new DockerfileAnalysis(
                AnalysisCache.GetModel(tree),
                AnalysisCache.GetProjectFacts(context.Options, context.CancellationToken),
                CompilationSourceEvidence.For(context.Compilation, context.CancellationToken),
                hasDockerIgnore: HasDockerIgnore(context.Options, context.AdditionalFile)));
            foreach (var finding in _rule.Analyze(analysis, context.CancellationToken))
            {
                context.ReportDiagnostic(DiagnosticFactory.Create(finding, context.AdditionalFile.Path, text));
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Last line of defence: an analyzer exception becomes AD0001 and fails builds that treat warnings as
            // errors. The engine's own tests and fuzzers run without this net, so bugs still surface there.
        }
    }
}
