using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using ContainerAnalyzers.Compose;
using ContainerAnalyzers.Projects;
using ContainerAnalyzers.Rules;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ContainerAnalyzers.Infrastructure;

/// <summary>
/// Parse once per text, model once per tree, project facts once per set of analyzer options. Shared by every
/// analyzer in the package, so N rules cost one parse (the pattern of Roslyn's PublicApiAnalyzers).
/// </summary>
internal static class AnalysisCache
{
    // Keyed by the text itself, as the compose files are: the compiler and the IDE hand every analyzer the same SourceText
    // for an unchanged file, across compilations too. Roslyn's SourceTextValueProvider would also compare texts by
    // content, which hashes each one (SHA-1, and the crypto library's start-up in a fresh compiler: ~10 ms, issue 26).
    // A Lazy, so concurrent analyzers wait for one parse instead of each making its own.
    private static readonly ConditionalWeakTable<SourceText, Lazy<DockerfileSyntaxTree?>> Syntaxes = new();

    private static readonly ConditionalWeakTable<DockerfileSyntaxTree, DockerfileModel> Models = new();
    private static readonly ConditionalWeakTable<AnalyzerOptions, ProjectFacts> Facts = new();
    private static readonly ConditionalWeakTable<AnalyzerOptions, AnalyzerInputs> Inputs = new();
    private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<(DockerfileSyntaxTree, string), DockerfileAnalysis>> Analyses = new();
    private static readonly ConditionalWeakTable<AnalyzerOptions, IReadOnlyList<(string Path, string Text)>> DockerIgnores = new();
    private static readonly ConditionalWeakTable<AnalyzerOptions, IReadOnlyList<(string Path, string Text)>> NuGetConfigs = new();
    private static readonly ConditionalWeakTable<Compilation, DockerfileAnalysis> SdkContainerAnalyses = new();
    private static readonly ConditionalWeakTable<AnalyzerOptions, IReadOnlyList<AppSettingsFile>> AppSettings = new();
    private static readonly ConditionalWeakTable<SourceText, ComposeFile> ComposeFiles = new();
    private static readonly ConditionalWeakTable<AnalyzerOptions, IReadOnlyList<string>> DockerActionImages = new();
    private static readonly ConditionalWeakTable<Compilation, EnabledRules?> Enabled = new();
    private static readonly ConditionalWeakTable<DockerfileAnalysis, IReadOnlyList<RuleFinding>> Findings = new();

    /// <summary>The rules enabled in a compilation, read once for every analyzer of the package.</summary>
    public static EnabledRules? GetEnabledRules(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
        => Enabled.GetValue(compilation, c => EnabledRules.Read(c, options, cancellationToken));

    /// <summary>
    /// The findings of the enabled Dockerfile rules on an analysis (each rule contained, suppressions applied), computed
    /// once for the host that reports them and for CTR0009, which mirrors the fixable ones.
    /// </summary>
    public static IReadOnlyList<RuleFinding> GetFindings(DockerfileAnalysis analysis, EnabledRules enabled, CancellationToken cancellationToken)
        => Findings.GetValue(analysis, a => RuleHost.RunContained(a, enabled.DockerfileRules, cancellationToken));

    public static DockerfileModel GetModel(DockerfileSyntaxTree tree) => Models.GetValue(tree, DockerfileModel.Create);

    /// <summary>The analysis of the Dockerfile an SDK-container project's settings amount to, shared by the rules that judge it.</summary>
    public static DockerfileAnalysis GetSdkContainerAnalysis(Compilation compilation, Func<DockerfileAnalysis> create)
        => SdkContainerAnalyses.GetValue(compilation, _ => create());

    /// <summary>
    /// The analysis of a Dockerfile in a compilation, built in this one place and shared by the host's rules and CTR0009:
    /// the model of the tree, the project's facts, the sources' evidence and whether the context has a .dockerignore.
    /// </summary>
    public static DockerfileAnalysis GetAnalysis(Compilation compilation, AnalyzerOptions options, DockerfileSyntaxTree tree, string path, CancellationToken cancellationToken)
        => Analyses.GetValue(compilation, _ => new ConcurrentDictionary<(DockerfileSyntaxTree, string), DockerfileAnalysis>()).GetOrAdd((tree, path), _ => new DockerfileAnalysis(
            GetModel(tree),
            GetProjectFacts(options, cancellationToken),
            CompilationSourceEvidence.For(compilation, cancellationToken),
            hasDockerIgnore: GetInputs(options).HasDockerIgnore)
        {
            AppSettings = GetAppSettings(options, cancellationToken),
            ComposeFiles = GetComposeFiles(GetInputs(options).ComposeFiles, cancellationToken),
            DockerfilePath = path.Replace('\\', '/'),
            DockerIgnoreFiles = GetDockerIgnores(options, cancellationToken),
            NuGetConfigFiles = GetNuGetConfigs(options, cancellationToken),
            IsDockerActionImage = GitHubDockerAction.IsImageOf(GetDockerActionImages(options, cancellationToken), path),
        });

    /// <summary>The Dockerfiles the project's GitHub Docker actions build (their action.yml's runs.image), read once per set of options.</summary>
    public static IReadOnlyList<string> GetDockerActionImages(AnalyzerOptions options, CancellationToken cancellationToken)
        => DockerActionImages.GetValue(options, o =>
        {
            var images = new List<string>();
            foreach (var file in GetInputs(o).DockerActionFiles)
            {
                if (file.GetText(cancellationToken)?.ToString() is { } text && GitHubDockerAction.ImageDockerfile(file.Path, text) is { } image)
                {
                    images.Add(image);
                }
            }

            return images;
        });

    /// <summary>The .dockerignore files with their text, read once per set of options.</summary>
    private static IReadOnlyList<(string Path, string Text)> GetDockerIgnores(AnalyzerOptions options, CancellationToken cancellationToken)
        => DockerIgnores.GetValue(options, o => Texts(GetInputs(o).DockerIgnoreFiles, cancellationToken));

    /// <summary>The NuGet.Config files with their text, read once per set of options.</summary>
    private static IReadOnlyList<(string Path, string Text)> GetNuGetConfigs(AnalyzerOptions options, CancellationToken cancellationToken)
        => NuGetConfigs.GetValue(options, o => Texts(GetInputs(o).NuGetConfigFiles, cancellationToken));

    private static IReadOnlyList<(string Path, string Text)> Texts(IReadOnlyList<AdditionalText> files, CancellationToken cancellationToken)
    {
        var texts = new List<(string, string)>(files.Count);
        foreach (var file in files)
        {
            if (file.GetText(cancellationToken)?.ToString() is { } text)
            {
                texts.Add((file.Path.Replace('\\', '/'), text));
            }
        }

        return texts;
    }

    /// <summary>The listening settings of the project's appsettings*.json, read once per set of options.</summary>
    public static IReadOnlyList<AppSettingsFile> GetAppSettings(AnalyzerOptions options, CancellationToken cancellationToken)
        => AppSettings.GetValue(options, o =>
        {
            var settings = new List<AppSettingsFile>();
            foreach (var file in GetInputs(o).AppSettingsFiles)
            {
                if (file.GetText(cancellationToken)?.ToString() is { } text && AppSettingsReader.Read(System.IO.Path.GetFileName(file.Path), text) is { } read)
                {
                    settings.Add(read);
                }
            }

            return settings;
        });

    /// <summary>A compose file's model, parsed once per text.</summary>
    public static ComposeFile GetComposeFile(AdditionalText file, SourceText text, CancellationToken cancellationToken)
    {
        var parsed = ComposeFiles.GetValue(text, t => ComposeFile.Parse(file.Path, t.ToString(), cancellationToken));
        return parsed.Path == file.Path ? parsed : ComposeFile.Parse(file.Path, text.ToString(), cancellationToken);
    }

    /// <summary>Compose files, parsed (once per text); a file whose text cannot be read is left out.</summary>
    public static List<ComposeFile> GetComposeFiles(IEnumerable<AdditionalText> composeFiles, CancellationToken cancellationToken)
    {
        var files = new List<ComposeFile>();
        foreach (var file in composeFiles)
        {
            if (file.GetText(cancellationToken) is { } text)
            {
                files.Add(GetComposeFile(file, text, cancellationToken));
            }
        }

        return files;
    }

    /// <summary>A Dockerfile's syntax, parsed once per text for every analyzer and compilation; null if parsing failed.</summary>
    public static DockerfileSyntaxTree? Parse(SourceText text)
        => Syntaxes.GetValue(text, t => new Lazy<DockerfileSyntaxTree?>(() => ParseSafely(t), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    /// <summary>The package's additional files, classified once per set of options.</summary>
    public static AnalyzerInputs GetInputs(AnalyzerOptions options) => Inputs.GetValue(options, o => new AnalyzerInputs(o));

    public static ProjectFacts GetProjectFacts(AnalyzerOptions options, CancellationToken cancellationToken)
        => Facts.GetValue(options, o => ReadProjectFacts(o, cancellationToken));

    private static int _parseCount;

    /// <summary>How many times a Dockerfile text was parsed in this process: lets a test prove the cache is hit.</summary>
    internal static int ParseCount => Volatile.Read(ref _parseCount);

    // The parser reports problems as diagnostics; an exception here would be a bug, and must not become AD0001.
    private static DockerfileSyntaxTree? ParseSafely(SourceText text)
    {
        Interlocked.Increment(ref _parseCount);
        try
        {
            return DockerfileParser.Parse(text.ToString());
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return null;
        }
    }

    private static ProjectFacts ReadProjectFacts(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
        var projectFile = GetInputs(options).ProjectFile;
        var projectPath = projectFile?.Path;
        var projectText = projectFile?.GetText(cancellationToken)?.ToString();

        return ProjectFacts.Create(
            name => global.TryGetValue("build_property." + name, out var value) ? value : null,
            projectPath,
            projectText);
    }
}
