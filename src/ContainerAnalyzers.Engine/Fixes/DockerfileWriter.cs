using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ContainerAnalyzers.Syntax;

namespace ContainerAnalyzers.Fixes;

/// <summary>
/// Writes the stages of the generated Dockerfile, after Microsoft's chiseled samples: a builder on the SDK image
/// that restores as its own layer and publishes to <see cref="ContainerPlan.PublishDirectory"/>, and a final stage
/// on the runtime image that copies the output, runs as the non-root app user and starts the app in exec form.
/// </summary>
internal sealed class DockerfileWriter
{
    private readonly ContainerPlan _plan;
    private readonly StringBuilder _text = new();
    private readonly string _newLine;
    private readonly char _escape;

    public DockerfileWriter(ContainerPlan plan, string newLine, char escape = '\\')
    {
        _plan = plan;
        _newLine = newLine;
        _escape = escape;
    }

    public override string ToString() => _text.ToString();

    /// <summary>One line; a trailing <c>\</c> continuation is written with the file's escape character.</summary>
    public DockerfileWriter Line(string line = "")
    {
        if (_escape != '\\' && line.EndsWith(" \\", System.StringComparison.Ordinal))
        {
            line = line.Substring(0, line.Length - 1) + _escape;
        }

        _text.Append(line).Append(_newLine);
        return this;
    }

    /// <summary>Original text (an instruction with its comments), in the file's line breaks.</summary>
    public DockerfileWriter Verbatim(string text)
    {
        var normalized = text.Replace("\r\n", "\n").Replace("\n", _newLine);
        _text.Append(normalized);
        if (!normalized.EndsWith(_newLine, System.StringComparison.Ordinal))
        {
            _text.Append(_newLine);
        }

        return this;
    }

    public DockerfileWriter Comment(string text) => Line("# " + text);

    public void WriteHeader(RuntimeImageChoice runtime)
    {
        var layout = _plan.Layout;
        Comment($"{_plan.AssemblyName}: built on the .NET SDK image, run on {runtime.Image} (no SDK).");
        foreach (var line in Wrap(layout.ContextIsDockerfileDirectory
            ? "Build it from this folder:"
            : $"The build context is {layout.DescribeContextFolder()}: {WhyThisContext(layout)}. From that folder:"))
        {
            Comment(line);
        }

        Comment("  " + layout.GetBuildCommand(ImageName));
    }

    private static string WhyThisContext(ProjectLayout layout) => layout.Evidence switch
    {
        ContextEvidence.Declared => "the project's DockerfileContext",
        ContextEvidence.Compose => $"{layout.ComposeFile} builds this Dockerfile with it (docker compose build works unchanged)",
        ContextEvidence.CopySources => "the old file's COPY paths are relative to it",
        ContextEvidence.BuildCommands => "the old file's dotnet commands name the project from it",
        _ => $"the smallest folder that holds the project{(layout.HasProjectReferences ? ", the projects it references" : string.Empty)} and the build files restore reads",
    };

    /// <summary>The builder stage of a full regeneration.</summary>
    public void WriteBuilder(string name, CarryOver carry, IReadOnlyList<string> extraCopies)
    {
        var layout = _plan.Layout;
        var project = Quote(layout.ProjectPathInContext);
        var arch = (_plan.SdkMajor >= 8 ? " -a $TARGETARCH" : string.Empty) + (_plan.PublishFramework is { } framework ? " -f " + framework : string.Empty)
            + string.Concat(carry.PublishProperties.Select(p => " " + ShellWord(p)));
        Line((_plan.BuildsOnBuildPlatform && _plan.SdkMajor >= 8 ? "FROM --platform=$BUILDPLATFORM " : "FROM ") + _plan.SdkImage + " AS " + name);
        if (_plan.SdkMajor >= 8)
        {
            Line("ARG TARGETARCH");
        }

        Line("WORKDIR /src");
        if (_plan.InstallsAotPrerequisites)
        {
            Comment("Native AOT needs the platform's C toolchain.");
            Line("RUN apt-get update \\");
            Line("    && apt-get install -y --no-install-recommends clang zlib1g-dev \\");
            Line("    && rm -rf /var/lib/apt/lists/*");
        }

        // Only what the old builder installed before it built: packages the final stage installed are for running
        // the app, and their package manager may not even exist on the SDK image (apk on a Debian-based SDK).
        foreach (var install in carry.BuilderPackageInstalls)
        {
            Verbatim(carry.TextOf(install));
        }

        Line();
        if (carry.BuildRestoresItself)
        {
            // The user's own build steps run dotnet (pack, add package, test): they restore or change the project, so
            // a restore layer before them would be stale; the publish restores for itself.
            Comment("Copy the sources, run the build steps of the old file and publish the app.");
            Line("COPY . .");
            WriteBuildPreparation(carry, extraCopies);
            WritePublish("RUN ", project, arch);
            return;
        }

        // The closure of project references is known (and every project of it is in the context): restore reads their
        // project files and nothing else of theirs, so the restore layer copies them, each into its own folder.
        var closureLayer = layout.HasProjectReferences && layout.ReferenceClosureIsKnown && !layout.RestoreInputsAreOpen;
        if ((layout.HasProjectReferences && !closureLayer) || layout.RestoreInputsAreOpen)
        {
            Comment(layout.HasProjectReferences
                ? "The project references other projects, so restore needs the whole tree; a cache mount keeps"
                : "The build files import others, so restore needs the whole tree; a cache mount keeps");
            Comment("the downloaded NuGet packages from one build to the next.");
            Line("COPY . .");
            WriteBuildPreparation(carry, extraCopies);
            Line("RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \\");
            WritePublish("    ", project, arch);
            return;
        }

        Comment("Restore as a distinct layer: it is reused until a project or build file changes.");
        foreach (var file in layout.RestoreFilesInContext)
        {
            Line($"COPY {Quote(file)} {Quote(DirectoryOf(file))}");
        }

        foreach (var reference in closureLayer ? layout.ReferencedProjectsInContext : Array.Empty<string>())
        {
            Line($"COPY {Quote(reference)} {Quote(DirectoryOf(reference))}");
        }

        Line($"COPY {project} {Quote(DirectoryOf(layout.ProjectPathInContext))}");
        Line($"RUN dotnet restore {project}{(_plan.SdkMajor >= 8 ? " -a $TARGETARCH" : string.Empty)}");
        Line();
        Comment("Copy the sources and publish the app.");
        Line("COPY . .");
        WriteBuildPreparation(carry, extraCopies);
        // No --no-restore: when the context brings the host's obj/ folder (a .dockerignore without obj/, or none),
        // COPY . . replaces the restore layer's assets file with one for the host, and a publish that does not
        // restore fails with NETSDK1047. Restoring again is a no-op when the layer above is current.
        WritePublish("RUN ", project, arch);
    }

    // Native AOT writes the symbols it strips from the executable to App.dbg, about half of an AOT image (issue 24;
    // Microsoft's AOT samples delete them): the app never reads them, so they stay in the builder. A JIT app's .pdb
    // files stay in the image: they give its stack traces their line numbers.
    private void WritePublish(string prefix, string project, string arch)
    {
        var publish = $"dotnet publish {project} -c Release{arch} -o {ContainerPlan.PublishDirectory}";
        if (!_plan.IsAot)
        {
            Line(prefix + publish);
            return;
        }

        Line(prefix + publish + " \\");
        Line($"    && rm -f {ContainerPlan.PublishDirectory}/*.dbg");
    }

    /// <summary>The final stage: runtime image, carried settings, the app, a non-root user and an exec-form entry point.</summary>
    public void WriteFinal(string builderName, string publishDirectory, CarryOver carry, IReadOnlyList<InstructionSyntax> carriedArguments)
    {
        var choice = carry.ChooseRuntimeImage(_plan);
        WriteFinal(builderName, publishDirectory, carry, carriedArguments, choice);
    }

    public void WriteFinal(string builderName, string publishDirectory, CarryOver carry, IReadOnlyList<InstructionSyntax> carriedArguments, RuntimeImageChoice choice)
    {
        var image = choice.Image;
        foreach (var line in Wrap(choice.Note ?? (_plan.IsSelfContained
            ? "Runtime stage: the app is self-contained, so it needs no .NET runtime; chiseled images have no shell or package manager."
            : "Runtime stage: a chiseled (distroless) image with just the .NET runtime: no shell, no package manager.")))
        {
            Comment(line);
        }

        Line($"FROM {image} AS {FinalStageName(builderName)}");
        foreach (var argument in carriedArguments)
        {
            Verbatim(carry.TextOf(argument));
        }

        foreach (var metadata in carry.Metadata)
        {
            Verbatim(carry.TextOf(metadata));
        }

        // Only Microsoft's .NET images set ASPNETCORE_HTTP_PORTS; elsewhere Kestrel would listen on localhost:5000.
        if (_plan.IsWeb && !choice.IsDotnetImage && !carry.EnvironmentSetsPorts)
        {
            Line("ENV ASPNETCORE_HTTP_PORTS=" + _plan.DefaultHttpPort.ToString(CultureInfo.InvariantCulture));
        }

        // System packages before the app: this layer is then reused when only the app changes.
        foreach (var install in carry.PackageInstalls)
        {
            Verbatim(carry.TextOf(install));
        }

        foreach (var (install, packages) in carry.MappedPackageInstalls)
        {
            var command = (install as CommandInstructionSyntax)?.ShellCommand?.Value.Trim() ?? install.LogicalLine.Trim();
            Comment($"The old file ran \"{command}\": this image has {string.Join(" ", packages.Packages)}{(packages.NeedsIcu || packages.NeedsTimeZones ? " (the -extra variant carries ICU and time zones)" : string.Empty)}.");
        }

        Line("WORKDIR /app");
        // A database the app ships and writes must be the app user's, not root's (CTR0039); the USER below is that user.
        var owner = _plan.ShipsADatabase && carry.NonRootUser is null && choice.IsDotnetImage && _plan.HasAppUid ? " --chown=app" : string.Empty;
        Line($"COPY --from={builderName}{owner} {publishDirectory} .");
        foreach (var instruction in carry.RuntimeCommands.Concat(carry.Runtime))
        {
            Verbatim(carry.CarriedTextOf(instruction));
        }

        foreach (var expose in carry.Exposes)
        {
            Verbatim(carry.TextOf(expose));
        }

        if (carry.ExtraPorts.Count > 0)
        {
            Line("EXPOSE " + string.Join(" ", carry.ExtraPorts.Select(p => p.ToString(CultureInfo.InvariantCulture))));
        }

        foreach (var note2 in carry.Notes)
        {
            Comment(note2);
        }

        if (carry.NonRootUser is { } user)
        {
            Verbatim(carry.TextOf(user));
        }
        else if (choice.UserIsUnknown)
        {
            // Neither $APP_UID nor 65532 is known to exist in it; the image's own default user stays.
        }
        else if (choice.IsDotnetImage && _plan.HasAppUid)
        {
            Line("USER $APP_UID");
        }
        else if (!choice.IsDotnetImage && !choice.RunsAsNonRoot)
        {
            // Google's distroless images define the nonroot user (65532) but do not use it on their default tags.
            Line("USER 65532");
        }

        Line("ENTRYPOINT " + ExecForm.Format(_plan.EntrypointWith(carry.PublishProperties)));
        if (carry.CommandArguments is { } arguments)
        {
            Verbatim(carry.TextOf(arguments));
        }
    }

    public static string FinalStageName(string builderName) => builderName == "final" ? "runtime" : "final";

    /// <summary>The image name used in the build command: the assembly name, lower-cased, as Docker requires.</summary>
    public string ImageName => ImageNameOf(_plan);

    public static string ImageNameOf(ContainerPlan plan)
    {
        var name = new string(plan.AssemblyName.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) && c < 128 || c is '.' or '-' or '_' ? c : '-').ToArray()).Trim('.', '-', '_');
        return name.Length == 0 ? "app" : name;
    }

    /// <summary>Where to run the build and the command, as the header says it: "from ../.. (repo/): docker build -t api -f src/Api/Dockerfile .".</summary>
    public static string BuildAdvice(ContainerPlan plan)
        => $"from {plan.Layout.DescribeContextFolder()}: {plan.Layout.GetBuildCommand(ImageNameOf(plan))}";

    private void WriteBuildPreparation(CarryOver carry, IReadOnlyList<string> extraCopies)
    {
        foreach (var copy in extraCopies)
        {
            Verbatim(copy);
        }

        foreach (var command in carry.BuildCommands)
        {
            Verbatim(carry.TextOf(command));
        }
    }

    // Comments stay readable in an editor: about 110 characters a line.
    private static IEnumerable<string> Wrap(string text)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + word.Length > 110)
            {
                yield return line.ToString();
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : string.Empty).Append(word);
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }

    private static string DirectoryOf(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? "./" : path.Substring(0, slash + 1);
    }

    // Quote only when needed: a path with spaces must be quoted in a shell word and in COPY's JSON form.
    private static string Quote(string path) => path.IndexOf(' ') >= 0 ? "\"" + path + "\"" : path;

    // One word for /bin/sh: single-quoted when it holds anything the shell would read (a ';' in DefineConstants=A;B).
    private static string ShellWord(string word)
        => word.IndexOfAny(new[] { ' ', '\t', ';', '&', '|', '<', '>', '(', ')', '`', '\\', '"', '\'', '*', '?', '[', '#', '~' }) < 0
            ? word
            : "'" + word.Replace("'", "'\\''") + "'";
}
