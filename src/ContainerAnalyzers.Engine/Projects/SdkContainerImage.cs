using System;
using System.Linq;
using System.Text;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Projects;

/// <summary>
/// The container a project gets from the .NET SDK's container publishing (<c>dotnet publish /t:PublishContainer</c>),
/// seen as the Dockerfile it amounts to, so the Dockerfile rules judge it too. The base image follows the SDK's
/// inference (ComputeDotnetBaseImageAndTag) in its essentials: ContainerBaseImage when set; otherwise runtime-deps for
/// self-contained and native AOT apps, aspnet for web apps, runtime otherwise, tagged with the TargetFramework's
/// version, ContainerFamily appended, Alpine for a musl runtime identifier. The user is ContainerUser, or the
/// images' non-root app user, which the SDK uses by default for .NET 8 and later.
/// </summary>
public sealed class SdkContainerImage
{
    private SdkContainerImage(string dockerfile, SourceSpan imageSpanInDockerfile, SourceSpan userSpanInDockerfile, SourceSpan imageSpanInProject, SourceSpan userSpanInProject, string image)
    {
        Dockerfile = dockerfile;
        _imageInDockerfile = imageSpanInDockerfile;
        _userInDockerfile = userSpanInDockerfile;
        _imageInProject = imageSpanInProject;
        _userInProject = userSpanInProject;
        Image = image;
    }

    private readonly SourceSpan _imageInDockerfile;
    private readonly SourceSpan _userInDockerfile;
    private readonly SourceSpan _imageInProject;
    private readonly SourceSpan _userInProject;

    /// <summary>The Dockerfile equivalent of the SDK's container: <c>FROM image</c>, <c>USER</c>, <c>ENTRYPOINT</c>.</summary>
    public string Dockerfile { get; }

    public string Image { get; }

    /// <summary>The base image, or null when the project does not say enough (no .NET TargetFramework) or does not publish containers with the SDK.</summary>
    public static SdkContainerImage? For(ProjectFacts project)
    {
        if (!project.UsesSdkContainerPublishing)
        {
            return null;
        }

        var spans = project.ContainerPropertySpans;
        string image;
        if (project.ContainerBaseImage is { } explicitImage)
        {
            image = explicitImage;
        }
        else
        {
            var framework = TargetFrameworkMoniker.Highest(project.TargetFrameworks.Where(t => t.IsDotnetCore && t.Platform is null));
            if (framework?.Version is not { } version)
            {
                return null;
            }

            var repository = project.IsSelfContained ? "runtime-deps" : project.IsWeb ? "aspnet" : "runtime";
            var family = project.ContainerFamily is { } chosen ? "-" + chosen
                : project.RuntimeIdentifier?.StartsWith("linux-musl", StringComparison.OrdinalIgnoreCase) == true ? "-alpine"
                : string.Empty;
            image = $"mcr.microsoft.com/dotnet/{repository}:{version}{family}";
        }

        var imageInProject = spans.TryGetValue("ContainerBaseImage", out var baseSpan) ? baseSpan
            : spans.TryGetValue("ContainerFamily", out var familySpan) ? familySpan
            : project.ProjectElementSpan;
        var userInProject = spans.TryGetValue("ContainerUser", out var userSpan) ? userSpan : project.ProjectElementSpan;

        var text = new StringBuilder("FROM ");
        var imageStart = text.Length;
        text.Append(image);
        var imageSpan = SourceSpan.FromBounds(imageStart, text.Length);
        text.Append('\n');
        var userStart = text.Length;
        text.Append("USER ").Append(project.ContainerUser ?? "$APP_UID");
        var userSpanInDockerfile = SourceSpan.FromBounds(userStart, text.Length);
        text.Append('\n');
        text.Append(project.IsSelfContained
            ? $"ENTRYPOINT [\"/app/{project.AssemblyName}\"]\n"
            : $"ENTRYPOINT [\"dotnet\", \"/app/{project.AssemblyName}.dll\"]\n");
        return new SdkContainerImage(text.ToString(), imageSpan, userSpanInDockerfile, imageInProject, userInProject, image);
    }

    /// <summary>Where a finding on the equivalent Dockerfile belongs in the project file: the property that decides it.</summary>
    public SourceSpan MapToProject(SourceSpan span)
        => span.Start >= _userInDockerfile.Start && span.Start < _userInDockerfile.End ? _userInProject : _imageInProject;

    /// <summary>The rules that apply to SDK container settings: the image and user rules; the others need a real Dockerfile.</summary>

    public override string ToString() => Image;
}
