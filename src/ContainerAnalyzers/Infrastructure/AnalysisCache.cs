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
    private static readonly ConditionalWeakTable<AnalyzerOptions, OptionsFacts> ByOptions = new();
    private static readonly ConditionalWeakTable<Compilation, CompilationFacts> ByCompilation = new();
    private static readonly ConditionalWeakTable<SourceText, ComposeFile> ComposeFiles = new();
    private static readonly ConditionalWeakTable<DockerfileAnalysis, IReadOnlyList<RuleFinding>> Findings = new();

    /// <summary>The rules enabled in a compilation, read once for every analyzer of the package.</summary>
    public static EnabledRules? GetEnabledRules(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var facts = For(compilation);
        return (facts.Enabled ?? Once(ref facts.Enabled, new StrongBox<EnabledRules?>(EnabledRules.Read(compilation, options, cancellationToken)))).Value;
    }

    /// <summary>
    /// The findings of the enabled Dockerfile rules on an analysis (each rule contained, suppressions applied), computed
    /// once for the host that reports them and for CTR0009, which mirrors the fixable ones.
    /// </summary>
    public static IReadOnlyList<RuleFinding> GetFindings(DockerfileAnalysis analysis, EnabledRules enabled, CancellationToken cancellationToken)
        => Findings.GetValue(analysis, a => RuleHost.RunContained(a, enabled.DockerfileRules, cancellationToken));

    public static DockerfileModel GetModel(DockerfileSyntaxTree tree) => Models.GetValue(tree, DockerfileModel.Create);

    /// <summary>The analysis of the Dockerfile an SDK-container project's settings amount to, shared by the rules that judge it.</summary>
    public static DockerfileAnalysis GetSdkContainerAnalysis(Compilation compilation, Func<DockerfileAnalysis> create)
    {
        var facts = For(compilation);
        return facts.SdkContainerAnalysis ?? Once(ref facts.SdkContainerAnalysis, create());
    }

    /// <summary>
    /// The analysis of a Dockerfile in a compilation, built in this one place and shared by the host's rules and CTR0009:
    /// the model of the tree, the project's facts, the sources' evidence and whether the context has a .dockerignore.
    /// </summary>
    public static DockerfileAnalysis GetAnalysis(Compilation compilation, AnalyzerOptions options, DockerfileSyntaxTree tree, string path, CancellationToken cancellationToken)
    {
        var analyses = For(compilation).Analyses;
        lock (analyses)
        {
            if (analyses.TryGetValue((tree, path), out var known))
            {
                return known;
            }
        }

        var analysis = new DockerfileAnalysis(
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
        };

        // Two analyzers may build it at once; the first one kept is the one both use, so their lazily computed facts are shared.
        lock (analyses)
        {
            if (analyses.TryGetValue((tree, path), out var known))
            {
                return known;
            }

            analyses.Add((tree, path), analysis);
            return analysis;
        }
    }

    /// <summary>The Dockerfiles the project's GitHub Docker actions build (their action.yml's runs.image), read once per set of options.</summary>
    public static IReadOnlyList<string> GetDockerActionImages(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var facts = For(options);
        if (facts.DockerActionImages is { } known)
        {
            return known;
        }

        var images = new List<string>();
        foreach (var file in GetInputs(options).DockerActionFiles)
        {
            if (file.GetText(cancellationToken)?.ToString() is { } text && GitHubDockerAction.ImageDockerfile(file.Path, text) is { } image)
            {
                images.Add(image);
            }
        }

        return Once(ref facts.DockerActionImages, images);
    }

    /// <summary>The .dockerignore files with their text, read once per set of options.</summary>
    private static IReadOnlyList<(string Path, string Text)> GetDockerIgnores(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var facts = For(options);
        return facts.DockerIgnores ?? Once(ref facts.DockerIgnores, Texts(GetInputs(options).DockerIgnoreFiles, cancellationToken));
    }

    /// <summary>The NuGet.Config files with their text, read once per set of options.</summary>
    private static IReadOnlyList<(string Path, string Text)> GetNuGetConfigs(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var facts = For(options);
        return facts.NuGetConfigs ?? Once(ref facts.NuGetConfigs, Texts(GetInputs(options).NuGetConfigFiles, cancellationToken));
    }

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
    {
        var facts = For(options);
        if (facts.AppSettings is { } known)
        {
            return known;
        }

        var settings = new List<AppSettingsFile>();
        foreach (var file in GetInputs(options).AppSettingsFiles)
        {
            if (file.GetText(cancellationToken)?.ToString() is { } text && AppSettingsReader.Read(System.IO.Path.GetFileName(file.Path), text) is { } read)
            {
                settings.Add(read);
            }
        }

        return Once(ref facts.AppSettings, settings);
    }

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
    public static AnalyzerInputs GetInputs(AnalyzerOptions options)
    {
        var facts = For(options);
        return facts.Inputs ?? Once(ref facts.Inputs, new AnalyzerInputs(options));
    }

    public static ProjectFacts GetProjectFacts(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var facts = For(options);
        return facts.Project ?? Once(ref facts.Project, ReadProjectFacts(options, cancellationToken));
    }

    private static OptionsFacts For(AnalyzerOptions options) => ByOptions.GetValue(options, static _ => new OptionsFacts());

    private static CompilationFacts For(Compilation compilation) => ByCompilation.GetValue(compilation, static _ => new CompilationFacts());

    /// <summary>
    /// Stores a lazily computed fact in its field unless another thread stored one first, and returns the stored one: two
    /// analyzers computing a fact at once agree on it, as a table's own GetValue makes them.
    /// </summary>
    internal static T Once<T>(ref T? field, T value)
        where T : class
        => Interlocked.CompareExchange(ref field, value, null) ?? value;

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

    // The global config's key of each MSBuild property the project facts read, made once per process: every build reads
    // the same few dozen, and making each key afresh was the largest allocation of reading them.
    private static readonly ConcurrentDictionary<string, string> BuildPropertyKeys = new(StringComparer.Ordinal);

    private static ProjectFacts ReadProjectFacts(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
        var projectFile = GetInputs(options).ProjectFile;
        var projectPath = projectFile?.Path;
        var projectText = projectFile?.GetText(cancellationToken)?.ToString();

        return ProjectFacts.Create(
            name => global.TryGetValue(BuildPropertyKeys.GetOrAdd(name, static n => "build_property." + n), out var value) ? value : null,
            projectPath,
            projectText);
    }

    // What the package reads from one set of analyzer options (one build's additional files and global options), each
    // read on first use. One table entry per build rather than one per fact: every entry of a ConditionalWeakTable is
    // a runtime handle, costly to make and scanned by each garbage collection (issue 26).
    private sealed class OptionsFacts
    {
        public AnalyzerInputs? Inputs;
        public ProjectFacts? Project;
        public IReadOnlyList<(string Path, string Text)>? DockerIgnores;
        public IReadOnlyList<(string Path, string Text)>? NuGetConfigs;
        public IReadOnlyList<AppSettingsFile>? AppSettings;
        public IReadOnlyList<string>? DockerActionImages;
    }

    // What the package works out once per compilation, shared by its analyzers: the enabled rules (null when the options
    // could not be read, so boxed), each Dockerfile's analysis, and the analysis of an SDK-container project's image.
    private sealed class CompilationFacts
    {
        public StrongBox<EnabledRules?>? Enabled;
        public DockerfileAnalysis? SdkContainerAnalysis;

        // A project has one Dockerfile, or a few: a locked dictionary costs less to make than a concurrent one.
        public readonly Dictionary<(DockerfileSyntaxTree Tree, string Path), DockerfileAnalysis> Analyses = new();
    }
}
