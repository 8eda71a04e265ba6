using System;
using System.Collections.Generic;
using System.Linq;
using ContainerAnalyzers.Images;
using ContainerAnalyzers.Projects;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules.CrossFile;

/// <summary>
/// What the Dockerfile and the project say together about the app being built: which target framework the
/// Dockerfile builds, whether it publishes self-contained, whether it builds this project at all. Each answer is
/// null when the two files do not make it certain, and the rules then say nothing.
/// </summary>
internal static class AppBuild
{
    private static readonly string[] BuildVerbs = { "restore", "build", "publish", "msbuild" };
    private static readonly char[] WildcardOrVariable = { '$', '*', '?', '[' };
    private static readonly char[] PathSeparators = { '/', '\\' };

    /// <summary>
    /// The framework the Dockerfile builds: the project's only one, or for a multi-targeting project the one every
    /// <c>-f</c> in the file names. Null for a multi-targeting project whose Dockerfile does not say.
    /// </summary>
    public static TargetFrameworkMoniker? TargetFramework(DockerfileAnalysis analysis) => analysis.Memo(nameof(TargetFramework), ComputeTargetFramework);

    private static TargetFrameworkMoniker? ComputeTargetFramework(DockerfileAnalysis analysis)
    {
        var frameworks = analysis.Project.TargetFrameworks.Where(t => t.IsDotnetCore && t.Major is not null).ToArray();
        if (frameworks.Length == 1 && analysis.Project.TargetFrameworks.Count == 1)
        {
            return frameworks[0];
        }

        var named = analysis.Model.DotnetRunCommands.Where(c => c.Verb is "publish" or "build")
            .Select(c => c.GetOption("-f", "--framework")).Where(f => f is not null).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        return named.Length == 1 ? frameworks.FirstOrDefault(t => string.Equals(t.Name, named[0], StringComparison.OrdinalIgnoreCase)) : null;
    }

    /// <summary>The highest framework restore and build will need in a stage that builds without <c>-f</c>.</summary>
    public static TargetFrameworkMoniker? HighestTargetFramework(ProjectFacts project)
        => project.TargetFrameworks.Where(t => t.IsDotnetCore && t.Major is not null).OrderBy(t => t.Major).ThenBy(t => t.Minor).LastOrDefault();

    /// <summary>
    /// Self-contained as published: the publish command's own flags win over the project's properties. Null when it
    /// cannot be known: before .NET 6, a runtime identifier alone made a publish self-contained.
    /// </summary>
    public static bool? IsSelfContained(DockerfileAnalysis analysis) => analysis.Memo(nameof(IsSelfContained), ComputeIsSelfContained);

    private static bool? ComputeIsSelfContained(DockerfileAnalysis analysis)
    {
        var publishes = analysis.Model.DotnetRunCommands.Where(c => c.Verb == "publish").ToArray();
        var said = publishes.Select(p => p.SelfContained).Where(s => s is not null).ToArray();
        if (said.Length > 0)
        {
            return said.Last();
        }

        if (analysis.Project.IsSelfContained)
        {
            return true;
        }

        var oldFramework = analysis.Project.TargetFrameworks.Any(t => t.IsDotnetCore && t.Major < 6);
        var withRuntime = publishes.Any(p => p.GetOption("-r", "--runtime") is not null) || analysis.Project.RuntimeIdentifier is not null;
        return oldFramework && withRuntime ? null : false;
    }

    /// <summary>
    /// What file the Dockerfile's publish writes to start the app with: the app's own executable and no App.dll
    /// (native AOT, single-file), App.dll and no executable (<c>UseAppHost=false</c>), or both. The publish command's
    /// own <c>-p:</c> properties win over the project's. Null when the file publishes nothing, or its publishes disagree.
    /// </summary>
    public static PublishedEntry? PublishedEntry(DockerfileAnalysis analysis) => analysis.Memo(nameof(PublishedEntry), ComputePublishedEntry);

    private static PublishedEntry? ComputePublishedEntry(DockerfileAnalysis analysis)
    {
        PublishedEntry? entry = null;
        foreach (var publish in analysis.Model.DotnetRunCommands.Where(c => c.Verb == "publish"))
        {
            var aot = publish.GetProperty("PublishAot");
            var singleFile = publish.GetProperty("PublishSingleFile");
            var appHost = publish.GetProperty("UseAppHost");
            if ((aot + singleFile + appHost).IndexOf('$') >= 0)
            {
                return null;
            }

            var found = (aot is null ? analysis.Project.PublishAot : IsTrue(aot)) ? CrossFile.PublishedEntry.NativeAot
                : (singleFile is null ? analysis.Project.PublishSingleFile : IsTrue(singleFile)) ? CrossFile.PublishedEntry.SingleFile
                : appHost is not null && !IsTrue(appHost) ? CrossFile.PublishedEntry.DllOnly
                : CrossFile.PublishedEntry.DllAndExecutable;
            if (entry is not null && entry != found)
            {
                return null;
            }

            entry = found;
        }

        return entry;

        static bool IsTrue(string value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The cross-file rules judge the app this project builds: not when the Dockerfile builds another project
    /// (CTR0027 says so), not for a library, and not when the configuration it publishes, and so the app's facts, are
    /// uncertain.
    /// </summary>
    public static bool BuildsThisApp(DockerfileAnalysis analysis)
        => !analysis.Project.ConfigurationIsUncertain
            && OtherProjects(analysis).Count == 0
            && (analysis.Project.IsExecutable || analysis.Project.OutputType is null)
            && !analysis.Project.CannotRunInLinuxContainer;

    /// <summary>
    /// The project files the Dockerfile names in build commands and COPY sources (file names, not paths). Empty
    /// when it names none (a <c>COPY . .</c> and a bare <c>dotnet publish</c>).
    /// </summary>
    public static IReadOnlyList<(string FileName, SourceSpan Span)> NamedProjects(DockerfileModel model)
    {
        var named = new List<(string, SourceSpan)>();
        foreach (var command in model.DotnetRunCommands.Where(c => BuildVerbs.Contains(c.Verb)))
        {
            if (command.ProjectArgument is { } argument && IsProjectFile(argument))
            {
                named.Add((FileName(argument), command.Instruction.Span));
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
                        named.Add((FileName(source.Value), source.Span));
                    }
                }
            }
        }

        named.Sort((a, b) => a.Item2.Start.CompareTo(b.Item2.Start));
        return named;
    }

    /// <summary>The project files named that are not this project; empty when this project is among them or none is named.</summary>
    public static IReadOnlyList<(string FileName, SourceSpan Span)> OtherProjects(DockerfileAnalysis analysis) => analysis.Memo(nameof(OtherProjects), ComputeOtherProjects);

    private static IReadOnlyList<(string FileName, SourceSpan Span)> ComputeOtherProjects(DockerfileAnalysis analysis)
    {
        var path = analysis.Project.ProjectPath;
        if (path is null)
        {
            return Array.Empty<(string, SourceSpan)>();
        }

        var own = FileName(path);
        var named = NamedProjects(analysis.Model);
        return named.Any(n => string.Equals(n.FileName, own, StringComparison.OrdinalIgnoreCase))
            ? Array.Empty<(string, SourceSpan)>()
            : named;
    }

    /// <summary>The .NET image the final stage runs on, followed through stage chains and ARGs; null when unknown or not .NET.</summary>
    public static DotnetImage? FinalImage(DockerfileAnalysis analysis)
        => analysis.Memo(nameof(FinalImage), a => a.Model.FinalStage?.RootImage is { } image ? DotnetImage.TryClassify(image) : null);

    /// <summary>
    /// What the final image can be when its tag ends in a variable the build gives no value (<c>aspnet:10.0${SUFFIX}</c>):
    /// every published variant of the .NET image whose tag starts as written. A rule may report what holds for all of
    /// them, and nothing else. Null when the final image is known, is not a .NET image, or its tag start names no
    /// version the catalogue knows.
    /// </summary>
    public static IReadOnlyList<DotnetImage>? FinalImageVariants(DockerfileAnalysis analysis)
        => analysis.Memo(nameof(FinalImageVariants), a =>
        {
            if (a.Model.FinalStage?.Root is not { BaseImage: null, BaseStage: null, BaseImageTagPrefix: { Tag: { } prefix } written }
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

            return (IReadOnlyList<DotnetImage>?)variants;
        });

    /// <summary>The final stage's image when it is one of Google's distroless images (gcr.io/distroless), else null.</summary>
    public static GoogleDistrolessImage? FinalGoogleDistroless(DockerfileAnalysis analysis)
        => analysis.Memo(nameof(FinalGoogleDistroless), a => a.Model.FinalStage?.RootImage is { } image ? GoogleDistrolessImage.TryClassify(image) : null);

    /// <summary>The FROM whose image a fix would edit: the root of the final stage's lineage.</summary>
    public static FromInstructionSyntax? RootFrom(Stage stage) => stage.Root.From;

    private static bool IsProjectFile(string word)
        => word.IndexOfAny(WildcardOrVariable) < 0
            && (word.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) || word.EndsWith(".fsproj", StringComparison.OrdinalIgnoreCase) || word.EndsWith(".vbproj", StringComparison.OrdinalIgnoreCase));

    private static string FileName(string path) => path.Substring(path.LastIndexOfAny(PathSeparators) + 1);

    /// <summary>
    /// Where the publish output lands in the final image: the folder of the final stage's only COPY --from a stage
    /// that publishes with a literal <c>-o</c>, when it copies exactly that folder. Null whenever it is less certain.
    /// </summary>
    public static string? PublishOutputIn(DockerfileModel model, Stage final)
    {
        var copies = final.Instructions.OfType<CopyInstructionSyntax>().Where(c => c.From is not null).ToArray();
        if (copies.Length != 1 || copies[0].From?.Value is not { } from || model.FindStage(from, final.Index) is not { } builder
            || copies[0].Sources.ToArray() is not { Length: 1 } sources || copies[0].Destination is not { } destination)
        {
            return null;
        }

        var publish = model.DotnetCommandsInLineage(builder, "publish").LastOrDefault();
        if (publish?.GetOption("-o", "--output") is not { } output || output.IndexOf('$') >= 0
            || StageFacts.WorkdirBefore(builder, publish.Instruction) is not { } builderWorkdir
            || StageFacts.WorkdirBefore(final, copies[0]) is not { } finalWorkdir
            || sources[0].Value.IndexOf('$') >= 0 || destination.Value.IndexOf('$') >= 0)
        {
            return null;
        }

        var published = StageFacts.CombinePath(builderWorkdir, output);
        var copied = StageFacts.CombinePath(builderWorkdir, sources[0].Value);
        return string.Equals(published, copied, StringComparison.Ordinal) ? StageFacts.CombinePath(finalWorkdir, destination.Value) : null;
    }
}

/// <summary>What a publish writes to start the app with.</summary>
internal enum PublishedEntry
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
