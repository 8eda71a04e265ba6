using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ContainerAnalyzers.Compose;
using ContainerAnalyzers.Images;
using ContainerAnalyzers.Projects;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Semantics;

/// <summary>
/// Everything the rules and the fixes look at for one Dockerfile: its model, the facts of its project, and what the two
/// say together about the app being built (which framework, self-contained or not, which image runs it, where it
/// listens). Each derived fact is a typed property, computed once however many rules and fixes ask for it, and null
/// when the files do not make it certain; the rules then say nothing.
/// </summary>
public sealed class DockerfileAnalysis
{
    private static readonly string[] BuildVerbs = { "restore", "build", "publish", "msbuild" };
    private static readonly char[] WildcardOrVariable = { '$', '*', '?', '[' };
    private static readonly char[] PathSeparators = { '/', '\\' };

    // Rules run concurrently: each fact is computed by the first rule that asks, and a racing duplicate is harmless.
    // Every Lazy holds a reference type: the framework's generic code over a value type (Lazy<bool?>, a tuple) is not
    // precompiled, and a fresh compiler would JIT-compile it before the first diagnostic.
    private readonly Lazy<TargetFrameworkMoniker?> _targetFramework;

    // 0 until computed; then 1 for null, 2 for false, 3 for true.
    private int _isSelfContained;
    // 0 until computed; then 1 for false, 2 for true.
    private int _finalStageIsSdkJob;
    // 0 until computed; then 1 for null, else the entry plus 2. Not a Lazy<PublishedEntry?>: a nullable enum is a value
    // type too, and a fresh compiler JIT-compiled five of Lazy's methods for it (the runtime's summary names the
    // instantiation Lazy<Nullable<int>>, so the end-to-end JIT guard, which looks for the package's names, missed it).
    private int _publishedEntry;
    private readonly Lazy<IReadOnlyList<(string FileName, SourceSpan Span)>> _otherProjects;
    private readonly Lazy<DotnetImage?> _finalImage;
    private readonly Lazy<IReadOnlyList<DotnetImage>?> _finalImageVariants;
    private readonly Lazy<GoogleDistrolessImage?> _finalGoogleDistroless;
    private readonly Lazy<Listening> _finalListening;
    private readonly Lazy<string?> _contextFolder;
    private readonly Lazy<IgnoreFile?> _applyingIgnore;
    private readonly Lazy<IReadOnlyList<ComposeService>?> _composeServices;

    public DockerfileAnalysis(DockerfileModel model, ProjectFacts project, SourceEvidence? source = null, bool? hasDockerIgnore = null)
    {
        Model = model;

        // The facts as the configuration the Dockerfile publishes evaluates them, not the IDE's (issue 27).
        Project = project.DependsOnConfiguration ? project.ForConfiguration(PublishConfiguration.Of(model, project)) : project;
        Source = source ?? SourceEvidence.None;
        HasDockerIgnore = hasDockerIgnore;

        const LazyThreadSafetyMode Mode = LazyThreadSafetyMode.PublicationOnly;
        _targetFramework = new(ComputeTargetFramework, Mode);
        _otherProjects = new(ComputeOtherProjects, Mode);
        _finalImage = new(() => Model.FinalStage?.RootImage is { } image ? DotnetImage.TryClassify(image) : null, Mode);
        _finalImageVariants = new(ComputeFinalImageVariants, Mode);
        _finalGoogleDistroless = new(() => Model.FinalStage?.RootImage is { } image ? GoogleDistrolessImage.TryClassify(image) : null, Mode);
        _finalListening = new(ComputeFinalListening, Mode);
        _contextFolder = new(ComputeContextFolder, Mode);
        _applyingIgnore = new(ComputeApplyingIgnore, Mode);
        _composeServices = new(ComputeComposeServices, Mode);
    }

    public DockerfileModel Model { get; }

    public ProjectFacts Project { get; }

    /// <summary>What the project's C# sources show, asked for lazily by the few rules that weigh it.</summary>
    public SourceEvidence Source { get; }

    /// <summary>Whether the build context has a .dockerignore; null when the host cannot tell.</summary>
    public bool? HasDockerIgnore { get; }

    /// <summary>The Dockerfile's full path, when the host knows it ('/'-separated).</summary>
    public string? DockerfilePath { get; init; }

    /// <summary>
    /// The .dockerignore files the package handed over, with their text: the build context's (or, without
    /// DockerfileContext, the nearest one above the Dockerfile) and BuildKit's per-Dockerfile <c>&lt;name&gt;.dockerignore</c>.
    /// </summary>
    public IReadOnlyList<(string Path, string Text)> DockerIgnoreFiles { get; init; } = Array.Empty<(string, string)>();

    /// <summary>The NuGet.Config restore reads (the nearest above the project), with its text, when the package handed it over.</summary>
    public IReadOnlyList<(string Path, string Text)> NuGetConfigFiles { get; init; } = Array.Empty<(string, string)>();

    /// <summary>The settings of the project's appsettings*.json files the rules weigh (the package hands them to the compiler).</summary>
    public IReadOnlyList<AppSettingsFile> AppSettings { get; init; } = Array.Empty<AppSettingsFile>();

    /// <summary>The compose files the package handed over; null when the host does not say, and a rule a compose file could overrule then stays silent.</summary>
    public IReadOnlyList<ComposeFile>? ComposeFiles { get; init; }

    /// <summary>
    /// The compose services that run this Dockerfile's image: each service whose build names it, and the services of the
    /// same name in the other compose files of its folder (an override may add volumes, a user, an environment). Empty
    /// when no compose file builds it; null when that is unknown (no compose files given, no path, or one that does not parse).
    /// </summary>
    public IReadOnlyList<ComposeService>? ComposeServices => _composeServices.Value;

    /// <summary>
    /// The Dockerfile builds a GitHub Docker action's image (an action.yml's <c>runs.image</c> names it): a job GitHub
    /// runs as root, not an app, so the app rules that would make it non-root or distroless stay silent, and no rewrite
    /// is offered (<see cref="GitHubDockerAction"/>).
    /// </summary>
    public bool IsDockerActionImage { get; init; }

    /// <summary>
    /// The framework the Dockerfile builds: the project's only one, or for a multi-targeting project the one every
    /// <c>-f</c> in the file names. Null for a multi-targeting project whose Dockerfile does not say.
    /// </summary>
    public TargetFrameworkMoniker? TargetFramework => _targetFramework.Value;

    /// <summary>The .NET major version the app runs: the framework the Dockerfile builds, else the project's highest.</summary>
    public int? TargetMajor => TargetFramework?.Major ?? Project.HighestDotnetFramework?.Major;

    /// <summary>
    /// Self-contained as published: the publish command's own flags win over the project's properties. Null when it
    /// cannot be known: before .NET 6, a runtime identifier alone made a publish self-contained.
    /// </summary>
    public bool? IsSelfContained
        => Once(ref _isSelfContained, static a => a.ComputeIsSelfContained() switch { null => 1, false => 2, true => 3 }) switch { 1 => null, 2 => false, _ => true };

    /// <summary>
    /// The final stage runs an SDK job, not an app: its entry point is a <c>dotnet test</c>, <c>ef</c> or other SDK
    /// command or a dotnet tool, or the project is a test project (<see cref="FinalStageFacts.IsSdkJob"/>). False
    /// without a final stage. Asked by every rule about the app the image runs, so worked out once.
    /// </summary>
    public bool FinalStageIsSdkJob
        => Once(ref _finalStageIsSdkJob, static a => a.Model.FinalStage is { } final && FinalStageFacts.IsSdkJob(a.Model, final, a.Project) ? 2 : 1) == 2;

    /// <summary>
    /// What file the Dockerfile's publish writes to start the app with: the app's own executable and no App.dll
    /// (native AOT, single-file), App.dll and no executable (<c>UseAppHost=false</c>), or both. The publish command's
    /// own <c>-p:</c> properties win over the project's. Null when the file publishes nothing, or its publishes disagree.
    /// </summary>
    public PublishedEntry? PublishedEntry
        => Once(ref _publishedEntry, static a => a.ComputePublishedEntry() is { } entry ? (int)entry + 2 : 1) is var state && state == 1 ? null : (PublishedEntry)(state - 2);

    // A fact of a value type, kept in an int that is 0 until computed; each field says how it encodes the answer.
    private int Once(ref int state, Func<DockerfileAnalysis, int> compute)
    {
        var value = Volatile.Read(ref state);
        if (value == 0)
        {
            value = compute(this);
            Volatile.Write(ref state, value);
        }

        return value;
    }

    /// <summary>
    /// The project files the Dockerfile names (in build commands and COPY sources) that are not this project; empty when
    /// this project is among them or none is named.
    /// </summary>
    public IReadOnlyList<(string FileName, SourceSpan Span)> OtherProjects => _otherProjects.Value;

    /// <summary>
    /// The cross-file rules judge the app this project builds: not when the Dockerfile builds another project
    /// (CTR0027 says so), not for a library, and not when the configuration it publishes, and so the app's facts, are
    /// uncertain.
    /// </summary>
    public bool BuildsThisApp
        => !Project.ConfigurationIsUncertain
            && OtherProjects.Count == 0
            && (Project.IsExecutable || Project.OutputType is null)
            && !Project.CannotRunInLinuxContainer;

    /// <summary>The .NET image the final stage runs on, followed through stage chains and ARGs; null when unknown or not .NET.</summary>
    public DotnetImage? FinalImage => _finalImage.Value;

    /// <summary>
    /// What the final image can be when its tag ends in a variable the build gives no value (<c>aspnet:10.0${SUFFIX}</c>):
    /// every published variant of the .NET image whose tag starts as written. A rule may report what holds for all of
    /// them, and nothing else. Null when the final image is known, is not a .NET image, or its tag start names no
    /// version the catalogue knows.
    /// </summary>
    public IReadOnlyList<DotnetImage>? FinalImageVariants => _finalImageVariants.Value;

    /// <summary>The final stage's image when it is one of Google's distroless images (gcr.io/distroless), else null.</summary>
    public GoogleDistrolessImage? FinalGoogleDistroless => _finalGoogleDistroless.Value;

    /// <summary>
    /// Where the app listens in the final stage's container, on the final image, with the final stage's ENV, entry
    /// point, the appsettings and the code (<see cref="ListeningPorts"/>); unknown when any of them cannot be read.
    /// </summary>
    public Listening FinalListening => _finalListening.Value;

    /// <summary>
    /// The build context folder, when it is certain: DockerfileContext says it, or the Dockerfile lies in the project's
    /// folder and its COPY sources name the project's own files from there. Null otherwise.
    /// </summary>
    public string? ContextFolder => _contextFolder.Value;

    /// <summary>
    /// The .dockerignore that applies to the Dockerfile's context sources, with its path: BuildKit's per-Dockerfile one
    /// wherever the context is, else the certain context's. Null when there is none or it is not certain.
    /// </summary>
    public (string Path, DockerIgnore Ignore)? ApplyingIgnore => _applyingIgnore.Value is { } file ? (file.Path, file.Ignore) : null;

    private TargetFrameworkMoniker? ComputeTargetFramework()
    {
        var frameworks = Project.TargetFrameworks.Where(t => t.IsDotnetCore && t.Major is not null).ToArray();
        if (frameworks.Length == 1 && Project.TargetFrameworks.Count == 1)
        {
            return frameworks[0];
        }

        var named = Model.DotnetRunCommands.Where(c => c.Verb is "publish" or "build")
            .Select(c => c.GetOption("-f", "--framework")).Where(f => f is not null).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        return named.Length == 1 ? frameworks.FirstOrDefault(t => string.Equals(t.Name, named[0], StringComparison.OrdinalIgnoreCase)) : null;
    }

    private bool? ComputeIsSelfContained()
    {
        var publishes = Model.DotnetRunCommands.Where(c => c.Verb == "publish").ToArray();

        // The last publish that says wins (a loop: LINQ over bool? would be JIT-compiled in a fresh compiler).
        for (var i = publishes.Length - 1; i >= 0; i--)
        {
            if (publishes[i].SelfContained is { } said)
            {
                return said;
            }
        }

        if (Project.IsSelfContained)
        {
            return true;
        }

        var oldFramework = Project.TargetFrameworks.Any(t => t.IsDotnetCore && t.Major < 6);
        var withRuntime = publishes.Any(p => p.GetOption("-r", "--runtime") is not null) || Project.RuntimeIdentifier is not null;
        return oldFramework && withRuntime ? null : false;
    }

    private PublishedEntry? ComputePublishedEntry()
    {
        PublishedEntry? entry = null;
        foreach (var publish in Model.DotnetRunCommands.Where(c => c.Verb == "publish"))
        {
            var aot = publish.GetProperty("PublishAot");
            var singleFile = publish.GetProperty("PublishSingleFile");
            var appHost = publish.GetProperty("UseAppHost");
            if ((aot + singleFile + appHost).IndexOf('$') >= 0)
            {
                return null;
            }

            var found = (aot is null ? Project.PublishAot : IsTrue(aot)) ? Semantics.PublishedEntry.NativeAot
                : (singleFile is null ? Project.PublishSingleFile : IsTrue(singleFile)) ? Semantics.PublishedEntry.SingleFile
                : appHost is not null && !IsTrue(appHost) ? Semantics.PublishedEntry.DllOnly
                : Semantics.PublishedEntry.DllAndExecutable;
            if (entry is not null && entry != found)
            {
                return null;
            }

            entry = found;
        }

        return entry;

        static bool IsTrue(string value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
    }

    private IReadOnlyList<(string FileName, SourceSpan Span)> ComputeOtherProjects()
    {
        if (Project.ProjectPath is not { } path)
        {
            return Array.Empty<(string, SourceSpan)>();
        }

        var own = FileName(path);
        var named = NamedProjects(Model);
        foreach (var project in named)
        {
            if (string.Equals(project.FileName, own, StringComparison.OrdinalIgnoreCase))
            {
                return Array.Empty<(string, SourceSpan)>();
            }
        }

        var others = new (string FileName, SourceSpan Span)[named.Count];
        for (var i = 0; i < others.Length; i++)
        {
            others[i] = (named[i].FileName, named[i].Span);
        }

        return others;
    }

    // The project files the Dockerfile names in build commands and COPY sources (file names, not paths). Empty when it
    // names none (a COPY . . and a bare dotnet publish).
    // Records, not tuples, while they are gathered and sorted: List's code over a tuple of a struct is framework code
    // a fresh compiler process would JIT-compile.
    private static List<NamedProject> NamedProjects(DockerfileModel model)
    {
        var named = new List<NamedProject>();
        foreach (var command in model.DotnetRunCommands.Where(c => BuildVerbs.Contains(c.Verb)))
        {
            if (command.ProjectArgument is { } argument && IsProjectFile(argument))
            {
                named.Add(new NamedProject(FileName(argument), command.Instruction.Span));
            }
        }

        foreach (var instruction in model.Syntax.Instructions)
        {
            if (instruction is CopyInstructionSyntax copy && copy.From is null)
            {
                // Every COPY of the file comes through here: an index loop over the sources, no iterator.
                for (var i = 0; i < copy.SourceCount; i++)
                {
                    var source = copy.Arguments[i];
                    if (IsProjectFile(source.Value))
                    {
                        named.Add(new NamedProject(FileName(source.Value), source.Span));
                    }
                }
            }
        }

        named.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return named;
    }

    private sealed record NamedProject(string FileName, SourceSpan Span);

    private IReadOnlyList<DotnetImage>? ComputeFinalImageVariants()
    {
        if (Model.FinalStage?.Root is not { BaseImage: null, BaseStage: null, BaseImageTagPrefix: { Tag: { } prefix } written }
            || DotnetImage.TryClassify(written) is not { IsDotnetFramework: false, IsLegacyRepository: false } image
            || DotnetTags.TagsStartingWith(prefix, image.Kind) is not { } tags)
        {
            return null;
        }

        var variants = new List<DotnetImage>(tags.Count);
        foreach (var tag in tags)
        {
            if (ImageReference.TryParse(written.With(tag: tag)) is not { } reference || DotnetImage.TryClassify(reference) is not { } variant)
            {
                return null;
            }

            variants.Add(variant);
        }

        return variants;
    }

    private Listening ComputeFinalListening()
    {
        if (Model.FinalStage is not { } final || FinalImage is not { } image)
        {
            return Listening.Unknown;
        }

        var entrypoint = StageFacts.Last(final, InstructionKind.Entrypoint) is { } e ? StageFacts.Words(e) : Array.Empty<string>();
        var command = StageFacts.Last(final, InstructionKind.Cmd) is { } c ? StageFacts.Words(c) : Array.Empty<string>();
        var arguments = entrypoint is null || command is null ? null : entrypoint.Concat(command).ToList();
        return ListeningPorts.For(image, TargetMajor, ListeningPorts.StageEnvironment(Model, final), arguments, AppSettings, Source.Endpoints, Project.AssemblyName);
    }

    private string? ComputeContextFolder()
    {
        if (DockerfilePath is not { } dockerfilePath || Project.ProjectPath is not { } projectPath)
        {
            return null;
        }

        var projectFolder = PathText.GetDirectory(projectPath);
        if (Project.GetProperty("DockerfileContext") is { Length: > 0 } explicitContext)
        {
            return explicitContext.IndexOf('$') >= 0 ? null : PathText.Combine(projectFolder, explicitContext.Replace('\\', '/'));
        }

        var dockerfileFolder = PathText.GetDirectory(dockerfilePath);
        if (!PathText.SamePath(dockerfileFolder, projectFolder))
        {
            return null;
        }

        // The sources must name the project's own files from its folder (App.csproj, bin/…, obj/…), and none the
        // project file by a longer path (src/App/App.csproj, which only resolves from a folder above).
        var projectFile = projectPath.Substring(projectPath.LastIndexOf('/') + 1);
        // A loop, not Select over the (instruction, source) tuples: LINQ over a value type is JIT-compiled in a fresh compiler.
        var sources = new List<string>();
        foreach (var (_, source) in ContextSources.Copied(Model))
        {
            sources.Add(PathText.Clean(source.Value.Replace('\\', '/').TrimStart('/')));
        }

        var namesProjectFile = sources.Any(s => string.Equals(s, projectFile, StringComparison.Ordinal) || s is "*.csproj" or "*.fsproj" or "*.vbproj");
        var namesOwnOutput = sources.Any(s => s.StartsWith("bin/", StringComparison.Ordinal) || s.StartsWith("obj/", StringComparison.Ordinal));
        var namesItFromAbove = sources.Any(s => s.EndsWith("/" + projectFile, StringComparison.Ordinal));
        return (namesProjectFile || namesOwnOutput) && !namesItFromAbove ? dockerfileFolder : null;
    }

    private IgnoreFile? ComputeApplyingIgnore()
    {
        if (DockerfilePath is not { } dockerfilePath)
        {
            return null;
        }

        // BuildKit reads <Dockerfile>.dockerignore beside the Dockerfile in preference to the context's, wherever the context is.
        return IgnoreFileAt(dockerfilePath + ".dockerignore")
            ?? (ContextFolder is { } folder ? IgnoreFileAt(folder.TrimEnd('/') + "/.dockerignore") : null);
    }

    // A loop, not FirstOrDefault: LINQ over a list of tuples is generic code over a value type (see the fields).
    private IgnoreFile? IgnoreFileAt(string path)
    {
        foreach (var file in DockerIgnoreFiles)
        {
            if (PathText.SamePath(file.Path, path))
            {
                return new IgnoreFile(file.Path, DockerIgnore.Parse(file.Text));
            }
        }

        return null;
    }

    private sealed record IgnoreFile(string Path, DockerIgnore Ignore);

    private static bool IsProjectFile(string word)
        => word.IndexOfAny(WildcardOrVariable) < 0
            && (word.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) || word.EndsWith(".fsproj", StringComparison.OrdinalIgnoreCase) || word.EndsWith(".vbproj", StringComparison.OrdinalIgnoreCase));

    private static string FileName(string path) => path.Substring(path.LastIndexOfAny(PathSeparators) + 1);

    private IReadOnlyList<ComposeService>? ComputeComposeServices()
    {
        if (ComposeFiles is not { } files || DockerfilePath is not { } path || files.Any(f => f.Error is not null))
        {
            return null;
        }

        var running = new HashSet<(string Folder, string Name)>();
        foreach (var file in files)
        {
            foreach (var service in file.Services)
            {
                if (service.ResolveBuild(file.Directory) is { } build && PathText.SamePath(build.Dockerfile, path))
                {
                    running.Add((PathText.Normalize(file.Directory), service.Name));
                }
            }
        }

        return running.Count == 0
            ? Array.Empty<ComposeService>()
            : files.SelectMany(f => f.Services.Where(s => running.Contains((PathText.Normalize(f.Directory), s.Name)))).ToList();
    }
}

/// <summary>What a publish writes to start the app with.</summary>
public enum PublishedEntry
{
    /// <summary>App.dll, and the apphost executable App beside it (the default).</summary>
    DllAndExecutable,

    /// <summary>App.dll only (<c>UseAppHost=false</c>): start it with <c>dotnet App.dll</c>.</summary>
    DllOnly,

    /// <summary>One executable App that bundles the assemblies (<c>PublishSingleFile</c>): no App.dll.</summary>
    SingleFile,

    /// <summary>A native executable App (<c>PublishAot</c>): no App.dll, and no .NET runtime needed.</summary>
    NativeAot,
}
