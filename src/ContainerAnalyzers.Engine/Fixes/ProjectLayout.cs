using System;
using System.Collections.Generic;
using System.Linq;
using ContainerAnalyzers.Projects;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Fixes;

/// <summary>How the build context was found, most certain first.</summary>
public enum ContextEvidence
{
    /// <summary>Visual Studio's DockerfileContext, set in the project.</summary>
    Declared,

    /// <summary>A compose file builds the Dockerfile with this context (<c>build.context</c>): the user's <c>docker compose build</c>.</summary>
    Compose,

    /// <summary>The existing Dockerfile's COPY/ADD sources resolve there (<c>COPY src/Api/Api.csproj src/Api/</c>).</summary>
    CopySources,

    /// <summary>The existing Dockerfile's build commands name the project from there (<c>dotnet publish src/Api/Api.csproj</c> after <c>COPY . .</c>).</summary>
    BuildCommands,

    /// <summary>
    /// The Dockerfile's own folder: it holds the project and what restore reads, or it is an existing Dockerfile that
    /// holds the project and nothing says it is built from elsewhere (<c>docker build .</c> beside it).
    /// </summary>
    DockerfileFolder,

    /// <summary>Nothing said where: the smallest folder that holds the project and what restore reads.</summary>
    CommonFolder,
}

/// <summary>
/// Where things are relative to the docker build context. The context is evidence, never a guess, in this order:
/// Visual Studio's DockerfileContext; the folder in which the existing Dockerfile's COPY/ADD sources resolve; the
/// Dockerfile's own folder when it holds the project, the projects it references and the files restore reads
/// (Directory.Build.props, Directory.Packages.props, NuGet.config, global.json); only then the smallest folder that
/// holds them all, and the generated header says so.
/// </summary>
public sealed class ProjectLayout
{
    /// <summary>The MSBuild property (computed by the package's targets) that lists the restore inputs found above the project.</summary>
    public const string RestoreFilesProperty = "ContainerAnalyzersRestoreFileList";

    /// <summary>The MSBuild property (computed by the package's targets) that says a restore input imports other files.</summary>
    public const string RestoreFilesImportProperty = "ContainerAnalyzersRestoreFilesImport";

    private ProjectLayout(string contextDirectory, ContextEvidence evidence, string projectPath, string dockerfilePath, IReadOnlyList<string> restoreFiles, IReadOnlyList<string> referencedProjects)
    {
        ContextDirectory = contextDirectory;
        Evidence = evidence;
        DockerfileDirectory = PathText.GetDirectory(dockerfilePath);
        DockerfileName = PathText.GetFileName(dockerfilePath);
        var projectFolder = PathText.GetDirectory(projectPath).TrimEnd('/') + "/";
        ReferencesProjectsOutsideItsFolder = referencedProjects.Any(r => !r.StartsWith(projectFolder, StringComparison.Ordinal));
        ProjectPathInContext = PathText.RelativeTo(contextDirectory, projectPath) ?? PathText.GetFileName(projectPath);
        var projectDirectory = PathText.GetDirectory(ProjectPathInContext);
        ProjectDirectoryInContext = projectDirectory.Length == 0 ? "." : projectDirectory;
        DockerfilePathInContext = PathText.RelativeTo(contextDirectory, dockerfilePath);
        RestoreFilesInContext = restoreFiles.Select(f => PathText.RelativeTo(contextDirectory, f)).Where(f => f is not null).Select(f => f!).ToArray();
        ReferencedProjectsInContext = referencedProjects.Select(f => PathText.RelativeTo(contextDirectory, f)).Where(f => f is not null).Select(f => f!).ToArray();
    }

    /// <summary>The build context, as a full path.</summary>
    public string ContextDirectory { get; }

    /// <summary>The project file relative to the context, e.g. <c>src/Api/Api.csproj</c> or <c>Api.csproj</c>.</summary>
    public string ProjectPathInContext { get; }

    /// <summary>The project's folder relative to the context; <c>.</c> when the context is the project folder.</summary>
    public string ProjectDirectoryInContext { get; }

    public bool ContextIsProjectDirectory => ProjectDirectoryInContext == ".";

    /// <summary>Whether the project declares the context (Visual Studio's DockerfileContext) rather than us inferring it.</summary>
    public bool ContextIsDeclared => Evidence == ContextEvidence.Declared;

    /// <summary>How the context was found.</summary>
    public ContextEvidence Evidence { get; }

    /// <summary>The Dockerfile's folder, as a full path.</summary>
    public string DockerfileDirectory { get; }

    public string DockerfileName { get; }

    /// <summary>Whether a ProjectReference points outside the project's folder: a build from that folder cannot see it.</summary>
    public bool ReferencesProjectsOutsideItsFolder { get; }

    /// <summary>The Dockerfile relative to the context, or null when it lives outside it.</summary>
    public string? DockerfilePathInContext { get; }

    public IReadOnlyList<string> RestoreFilesInContext { get; }

    public IReadOnlyList<string> ReferencedProjectsInContext { get; }

    public bool HasProjectReferences => ReferencedProjectsInContext.Count > 0;

    /// <summary>
    /// Whether <see cref="ReferencedProjectsInContext"/> is the whole closure of project references, each with the
    /// project's own build files: then a restore layer can copy exactly the project files restore reads.
    /// </summary>
    public bool ReferenceClosureIsKnown { get; private set; }

    /// <summary>
    /// A build file restore reads imports others (the package's targets say so): the files restore needs cannot be
    /// listed, so the builder copies the whole context before restoring.
    /// </summary>
    public bool RestoreInputsAreOpen { get; private set; }

    /// <summary>The context folder seen from the Dockerfile's folder: <c>.</c>, <c>..</c>, <c>../..</c>…</summary>
    public string ContextFromDockerfile => PathText.RelativePath(DockerfileDirectory, ContextDirectory);

    /// <summary>Whether the context is the Dockerfile's own folder: the usual <c>docker build .</c> beside it.</summary>
    public bool ContextIsDockerfileDirectory => ContextFromDockerfile == ".";

    /// <summary>
    /// The command that builds the image, to run in the context folder (<see cref="ContextFromDockerfile"/> seen from
    /// the Dockerfile): <c>docker build -t api -f src/Api/Dockerfile .</c>. Pasted into a shell there, it builds.
    /// </summary>
    public string GetBuildCommand(string imageName)
    {
        // docker build reads -f relative to the current folder, which is the context.
        var dockerfile = PathText.RelativePath(ContextDirectory, DockerfileDirectory);
        var file = dockerfile == "." ? DockerfileName : dockerfile + "/" + DockerfileName;
        return file == "Dockerfile" ? $"docker build -t {imageName} ." : $"docker build -t {imageName} -f {QuoteForShell(file)} .";
    }

    /// <summary>Where the build command runs, for the generated header: "this folder", or the context seen from it.</summary>
    public string DescribeContextFolder()
        => ContextIsDockerfileDirectory ? "this folder" : $"{ContextFromDockerfile} ({PathText.GetFileName(ContextDirectory)}/)";

    public static ProjectLayout? Create(ProjectFacts project, string dockerfilePath, Semantics.DockerfileModel? existing = null, IReadOnlyList<Compose.ComposeFile>? composeFiles = null)
    {
        if (project.ProjectPath is not { Length: > 0 } projectPath || !PathText.IsRooted(projectPath))
        {
            return null;
        }

        var projectDirectory = PathText.GetDirectory(projectPath);
        var direct = project.ProjectReferences.Select(r => PathText.Combine(projectDirectory, r)).ToArray();
        // The closure, when the targets know it, and it includes every direct reference (a stale value is no evidence).
        var closure = project.ProjectReferenceClosure?.Where(PathText.IsRooted).Select(PathText.Normalize).ToArray();
        var closureKnown = closure is not null && direct.All(d => closure.Contains(PathText.Normalize(d), StringComparer.Ordinal));
        var referenced = closureKnown ? closure! : direct;
        var restoreFiles = (project.GetProperty(RestoreFilesProperty) ?? string.Empty)
            .Split(new[] { ';', '|' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(f => f.Trim())
            .Where(f => f.Length > 0 && PathText.IsRooted(f))
            .Select(PathText.Normalize)
            .Distinct(StringComparer.Ordinal)
            .ToArray();

        string context;
        ContextEvidence evidence;
        string? composeFile = null;
        var dockerfileDirectory = PathText.GetDirectory(dockerfilePath);
        if (project.GetProperty("DockerfileContext") is { Length: > 0 } declaredContext)
        {
            context = PathText.Combine(projectDirectory, declaredContext);
            evidence = ContextEvidence.Declared;
        }
        else if (ContextFromCompose(composeFiles, dockerfilePath, projectDirectory) is { } composed)
        {
            context = composed.Context;
            evidence = ContextEvidence.Compose;
            composeFile = composed.File;
        }
        else if (existing is not null && ContextSources.FromCopySources(existing, projectPath) is { } copied)
        {
            context = copied;
            evidence = ContextEvidence.CopySources;
        }
        else if (existing is not null && ContextSources.FromBuildCommands(existing, projectPath) is { } named)
        {
            context = named;
            evidence = ContextEvidence.BuildCommands;
        }
        else
        {
            var folders = new List<string> { projectDirectory };
            folders.AddRange(referenced.Select(PathText.GetDirectory));
            folders.AddRange(restoreFiles.Select(PathText.GetDirectory));
            var common = PathText.CommonAncestor(folders) ?? projectDirectory;
            var dockerfileHoldsAll = PathText.RelativeTo(dockerfileDirectory, common) is not null;

            // An existing Dockerfile is built from its own folder unless something above says otherwise (docker build's
            // default, and the README's): a restore file above it, such as a nuget.config at the repository root, is no
            // evidence that the user builds from there (issue 24, case 3: the root context failed with MSB1003, and the
            // .dockerignore written there was not in the user's context).
            var dockerfileHoldsProject = existing is not null
                && PathText.RelativeTo(dockerfileDirectory, projectDirectory) is not null
                && referenced.All(r => PathText.RelativeTo(dockerfileDirectory, r) is not null);
            context = dockerfileHoldsAll || dockerfileHoldsProject ? dockerfileDirectory : common;
            evidence = dockerfileHoldsAll || dockerfileHoldsProject ? ContextEvidence.DockerfileFolder : ContextEvidence.CommonFolder;
        }

        return new ProjectLayout(PathText.Normalize(context), evidence, projectPath, dockerfilePath, restoreFiles, referenced)
        {
            ComposeFile = composeFile,
            ReferenceClosureIsKnown = closureKnown && referenced.All(r => PathText.RelativeTo(PathText.Normalize(context), r) is not null),
            RestoreInputsAreOpen = string.Equals(project.GetProperty(RestoreFilesImportProperty), "true", StringComparison.OrdinalIgnoreCase),
        };
    }

    /// <summary>The compose file whose build context this is (its name), when <see cref="Evidence"/> is <see cref="ContextEvidence.Compose"/>.</summary>
    public string? ComposeFile { get; private set; }

    /// <summary>
    /// The build context the compose files give the Dockerfile: every service that builds it (from any compose file
    /// found) names the same context, and that context holds the project. Null when none builds it, or they disagree.
    /// </summary>
    private static (string Context, string File)? ContextFromCompose(IReadOnlyList<Compose.ComposeFile>? composeFiles, string dockerfilePath, string projectDirectory)
    {
        var contexts = new List<(string Context, string File)>();
        foreach (var file in composeFiles ?? Array.Empty<Compose.ComposeFile>())
        {
            foreach (var service in file.Services)
            {
                if (service.ResolveBuild(file.Directory) is { } build && PathText.SamePath(build.Dockerfile, dockerfilePath))
                {
                    contexts.Add((PathText.Normalize(build.Context), PathText.GetFileName(file.Path)));
                }
            }
        }

        return contexts.Count > 0 && contexts.All(c => c.Context == contexts[0].Context) && PathText.RelativeTo(contexts[0].Context, projectDirectory) is not null
            ? contexts[0]
            : null;
    }



    private static string QuoteForShell(string path) => path.IndexOf(' ') >= 0 ? "\"" + path + "\"" : path;

}
