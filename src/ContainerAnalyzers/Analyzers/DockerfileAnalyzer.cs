using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using ContainerAnalyzers.Compose;
using ContainerAnalyzers.Infrastructure;
using ContainerAnalyzers.Projects;
using ContainerAnalyzers.Rules;
using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ContainerAnalyzers.Analyzers;

/// <summary>
/// The one host of every rule that reads the Dockerfile, a compose file or the project file (all but CTR0009, which
/// reads C# code).
/// Per compilation it reads once which rules are enabled; per Dockerfile it builds the analysis once (parse cached by
/// text, model by tree), runs every enabled rule in a single pass, each inside its own guard, then the suppression
/// pass, and reports what is left located in the Dockerfile. On the project file it runs CTR0003 and, for a project
/// that publishes its container with the SDK, the rules that judge that image.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DockerfileAnalyzer : DiagnosticAnalyzer
{
    // Rules the tests add to the table's, to prove what a failing rule does to a build (see RuleHostTests).
    private readonly DockerfileRule[] _extraRules;

    public DockerfileAnalyzer()
        : this(Array.Empty<DockerfileRule>())
    {
    }

    internal DockerfileAnalyzer(params DockerfileRule[] extraRules) => _extraRules = extraRules;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = AllRules.Descriptors
        .Where(d => (d.Inputs & (RuleInputs.Dockerfile | RuleInputs.ProjectFile | RuleInputs.SdkContainerImage | RuleInputs.Compose)) != 0)
        .Select(DiagnosticDescriptors.For)
        .ToImmutableArray();

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var enabled = AnalysisCache.GetEnabledRules(start.Compilation, start.Options, start.CancellationToken);
            if (enabled is null || enabled.IsEmpty)
            {
                return;
            }

            start.RegisterAdditionalFileAction(file =>
            {
                try
                {
                    var inputs = AnalysisCache.GetInputs(file.Options);
                    switch (inputs.KindOf(file.AdditionalFile, file.Options))
                    {
                        case AdditionalFileKind.Dockerfile when enabled.DockerfileRules.Count > 0:
                            AnalyzeDockerfile(file, enabled, _extraRules);
                            break;
                        case AdditionalFileKind.Compose when enabled.ComposeRules.Count > 0:
                            AnalyzeCompose(file, inputs, enabled.ComposeRules);
                            break;
                        case AdditionalFileKind.ProjectFile when ReferenceEquals(file.AdditionalFile, inputs.ProjectFile) && inputs.Dockerfiles.Count == 0:
                            AnalyzeProjectWithoutDockerfile(file, enabled);
                            break;
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // Classifying the inputs reads the options: never let an exception become AD0001, never hide it.
                    ReportFailure(file, "Reading the package's inputs", exception);
                }
            });
        });
    }

    private static void AnalyzeDockerfile(AdditionalFileAnalysisContext context, EnabledRules enabled, DockerfileRule[] extraRules)
    {
        try
        {
            if (context.AdditionalFile.GetText(context.CancellationToken) is not { } text || AnalysisCache.Parse(text) is not { } tree)
            {
                return;
            }

            // One analysis per Dockerfile and compilation, shared with CTR0009: the facts rules derive are computed once.
            var analysis = AnalysisCache.GetAnalysis(context.Compilation, context.Options, tree, context.AdditionalFile.Path, context.CancellationToken);
            // The findings CTR0009 mirrors too, computed once; rules a test adds run on their own.
            var findings = extraRules.Length == 0 ? AnalysisCache.GetFindings(analysis, enabled, context.CancellationToken)
                : RuleHost.RunContained(analysis, enabled.DockerfileRules.Concat(extraRules).ToArray(), context.CancellationToken);
            foreach (var finding in findings)
            {
                context.ReportDiagnostic(DiagnosticFactory.Create(finding, context.AdditionalFile.Path, text));
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Last line of defence (the parse, the model, the project facts): never let an exception become AD0001,
            // and never hide it either.
            ReportFailure(context, "The Dockerfile's analysis", exception);
        }
    }

    // A compose file: its services that build one of the project's Dockerfiles, merged with the override file compose
    // reads with it, judged against that Dockerfile's analysis (the same one the Dockerfile's rules used).
    private static void AnalyzeCompose(AdditionalFileAnalysisContext context, AnalyzerInputs inputs, IReadOnlyList<ComposeRule> rules)
    {
        try
        {
            var cancellationToken = context.CancellationToken;
            if (context.AdditionalFile.GetText(cancellationToken) is not { } text)
            {
                return;
            }

            var file = AnalysisCache.GetComposeFile(context.AdditionalFile, text, cancellationToken);
            var others = new List<ComposeFile> { file };
            others.AddRange(AnalysisCache.GetComposeFiles(inputs.ComposeFiles.Where(other => !ReferenceEquals(other, context.AdditionalFile)), cancellationToken));

            var dockerfiles = new Dictionary<string, DockerfileAnalysis>(StringComparer.Ordinal);
            foreach (var dockerfile in inputs.Dockerfiles)
            {
                if (dockerfile.GetText(cancellationToken) is { } dockerfileText && AnalysisCache.Parse(dockerfileText) is { } tree)
                {
                    dockerfiles[dockerfile.Path] = AnalysisCache.GetAnalysis(context.Compilation, context.Options, tree, dockerfile.Path, cancellationToken);
                }
            }

            var analysis = ComposeAnalysis.Create(file, others, dockerfiles, AnalysisCache.GetProjectFacts(context.Options, cancellationToken));
            foreach (var finding in ComposeRuleHost.RunContained(analysis, rules, cancellationToken))
            {
                context.ReportDiagnostic(DiagnosticFactory.Create(finding, context.AdditionalFile.Path, text));
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // See AnalyzeDockerfile.
            ReportFailure(context, "The compose file's analysis", exception);
        }
    }

    private static void AnalyzeProjectWithoutDockerfile(AdditionalFileAnalysisContext context, EnabledRules enabled)
    {
        try
        {
            if (context.AdditionalFile.GetText(context.CancellationToken) is not { } projectText)
            {
                return;
            }

            var facts = AnalysisCache.GetProjectFacts(context.Options, context.CancellationToken);
            if (enabled.ProjectRules.Count > 0)
            {
                foreach (var finding in RuleHost.RunContained(facts, enabled.ProjectRules, context.CancellationToken))
                {
                    context.ReportDiagnostic(DiagnosticFactory.Create(finding, context.AdditionalFile.Path, projectText));
                }
            }

            if (enabled.SdkContainerRules.Count > 0 && SdkContainerImage.For(facts) is { } container)
            {
                AnalyzeSdkContainer(context, projectText, facts, container, enabled.SdkContainerRules);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // See AnalyzeDockerfile.
            ReportFailure(context, "The project file's analysis", exception);
        }
    }

    // A project without a Dockerfile that publishes its container with the SDK (ContainerBaseImage, ContainerFamily…):
    // the image and user rules judge the Dockerfile that amounts to, and report on the property that decides it.
    private static void AnalyzeSdkContainer(AdditionalFileAnalysisContext context, SourceText projectText, ProjectFacts facts, SdkContainerImage container, IReadOnlyList<DockerfileRule> rules)
    {
        var analysis = AnalysisCache.GetSdkContainerAnalysis(context.Compilation, () => new DockerfileAnalysis(
            DockerfileModel.Create(DockerfileParser.Parse(container.Dockerfile, context.CancellationToken)),
            facts,
            CompilationSourceEvidence.For(context.Compilation, context.CancellationToken),
            hasDockerIgnore: true));
        foreach (var finding in RuleHost.RunContained(analysis, rules, context.CancellationToken))
        {
            var fixes = finding.Fixes.Where(f => f.Target == RuleFixTarget.ProjectFile).ToList();
            if (finding.Rule.Id == RuleIds.FinalImageNotDistroless && facts.ContainerFamily is null && facts.ContainerBaseImage is null)
            {
                var family = Images.ChiseledTags.Family(facts.InvariantGlobalization == true);
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

    // A failure outside any one rule (the parse, the model, the inputs): one CTR0099 at the start of the file, so it is
    // seen and not mistaken for a clean report. Reporting itself must not throw either.
    private static void ReportFailure(AdditionalFileAnalysisContext context, string step, Exception exception)
    {
        try
        {
            var location = Location.Create(context.AdditionalFile.Path, default, default);
            var finding = CTR0099RuleFailedRule.Failure(step, exception);
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticFactory.GetDescriptor(finding.Rule), location, finding.MessageArguments));
        }
        catch (Exception reportFailure) when (reportFailure is not OperationCanceledException)
        {
            // Nothing more can be said without risking AD0001.
        }
    }
}
