using System;
using System.Collections.Generic;
using System.Linq;
using ContainerAnalyzers.Projects;

namespace ContainerAnalyzers.Fixes;

/// <summary>
/// Where things are relative to the docker build context. The context is Visual Studio's DockerfileContext when
/// the project sets it; otherwise the smallest folder that holds the project, the projects it references and the
/// files restore reads (Directory.Build.props, Directory.Packages.props, NuGet.config, global.json), so that the
/// container build sees what the local build sees.
/// </summary>
public sealed class ProjectLayout
{
    /// <summary>The MSBuild property (computed by the package's targets) that lists the restore inputs found above the project.</summary>
    public const string RestoreFilesProperty = "ContainerAnalyzersRestoreFileList";

    private ProjectLayout(string contextDirectory, bool contextIsDeclared, string projectPath, string dockerfilePath, IReadOnlyList<string> restoreFiles, IReadOnlyList<string> referencedProjects)
    {
        ContextDirectory = contextDirectory;
        ContextIsDeclared = contextIsDeclared;
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
    public bool ContextIsDeclared { get; }

    /// <summary>Whether a ProjectReference points outside the project's folder: a build from that folder cannot see it.</summary>
    public bool ReferencesProjectsOutsideItsFolder { get; }

    /// <summary>The Dockerfile relative to the context, or null when it lives outside it.</summary>
    public string? DockerfilePathInContext { get; }

    public IReadOnlyList<string> RestoreFilesInContext { get; }

    public IReadOnlyList<string> ReferencedProjectsInContext { get; }

    public bool HasProjectReferences => ReferencedProjectsInContext.Count > 0;

    /// <summary>The command that builds the image, run from the folder that holds the project.</summary>
    public string GetBuildCommand(string imageName)
    {
        if (ContextIsProjectDirectory && DockerfilePathInContext == "Dockerfile")
        {
            return $"docker build -t {imageName} .";
        }

        // docker build reads -f relative to the current folder, and the context as the last argument.
        return $"docker build -t {imageName} -f {DockerfileFromProject} {ContextFromProject}";
    }

    public static ProjectLayout? Create(ProjectFacts project, string dockerfilePath)
    {
        if (project.ProjectPath is not { Length: > 0 } projectPath || !PathText.IsRooted(projectPath))
        {
            return null;
        }

        var projectDirectory = PathText.GetDirectory(projectPath);
        var referenced = project.ProjectReferences.Select(r => PathText.Combine(projectDirectory, r)).ToArray();
        var restoreFiles = (project.GetProperty(RestoreFilesProperty) ?? string.Empty)
            .Split(new[] { ';', '|' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(f => f.Trim())
            .Where(f => f.Length > 0 && PathText.IsRooted(f))
            .Select(PathText.Normalize)
            .Distinct(StringComparer.Ordinal)
            .ToArray();

        string context;
        var declaredContext = project.GetProperty("DockerfileContext") is { Length: > 0 } dockerfileContext ? dockerfileContext : null;
        if (declaredContext is not null)
        {
            context = PathText.Combine(projectDirectory, declaredContext);
        }
        else
        {
            var folders = new List<string> { projectDirectory };
            folders.AddRange(referenced.Select(PathText.GetDirectory));
            folders.AddRange(restoreFiles.Select(PathText.GetDirectory));
            context = PathText.CommonAncestor(folders) ?? projectDirectory;
        }

        return new ProjectLayout(context, declaredContext is not null, projectPath, dockerfilePath, restoreFiles, referenced);
    }

    /// <summary>The context folder seen from the project folder: <c>.</c>, <c>..</c>, <c>../..</c>…</summary>
    public string ContextFromProject
    {
        get
        {
            if (ContextIsProjectDirectory)
            {
                return ".";
            }

            var depth = ProjectDirectoryInContext.Split('/').Length;
            return string.Join("/", Enumerable.Repeat("..", depth));
        }
    }

    private string DockerfileFromProject => DockerfilePathInContext is { } path
        ? PathText.RelativeTo(ProjectDirectoryInContext == "." ? "/" : "/" + ProjectDirectoryInContext, "/" + path) ?? path
        : "Dockerfile";

}
