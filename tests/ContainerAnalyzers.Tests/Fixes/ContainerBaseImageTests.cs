using ContainerAnalyzers.Fixes;
using ContainerAnalyzers.Projects;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Fixes;

/// <summary>The generated final stage on the project's ContainerBaseImage: the user it runs as, and whether the app can start there (issue 16).</summary>
[TestFixture]
public sealed class ContainerBaseImageTests
{
    private static ProjectFacts Facts(string baseImage, bool selfContained) => ProjectFacts.Create(
        name => name switch
        {
            "MSBuildProjectName" => "App",
            "MSBuildProjectFullPath" => "/repo/src/App/App.csproj",
            "TargetFramework" => "net10.0",
            "OutputType" => "Exe",
            "UsingMicrosoftNETSdkWeb" => "true",
            "ContainerBaseImage" => baseImage,
            "SelfContained" => selfContained ? "true" : null,
            "RuntimeIdentifier" => selfContained ? "linux-x64" : null,
            "InvariantGlobalization" => "true",
            _ => null,
        },
        "/repo/src/App/App.csproj",
        null);

    private static string Generate(string baseImage, bool selfContained)
    {
        var text = DockerfileFixes.CreateDockerfile(Facts(baseImage, selfContained), "/repo/src/App/Dockerfile")!;
        TestContext.Out.WriteLine(text);
        var properties = new Dictionary<string, string> { ["MSBuildProjectName"] = "App", ["MSBuildProjectFullPath"] = "/repo/src/App/App.csproj", ["TargetFramework"] = "net10.0", ["OutputType"] = "Exe", ["UsingMicrosoftNETSdkWeb"] = "true", ["ContainerBaseImage"] = baseImage, ["InvariantGlobalization"] = "true" };
        if (selfContained)
        {
            properties["SelfContained"] = "true";
            properties["RuntimeIdentifier"] = "linux-x64";
        }

        // A ContainerBaseImage without a tag is the project's own choice, written as given: CTR0010 then asks the
        // user to pin it, in the project file.
        FixSelfCheck.AssertClean(text, properties, "generated", causedByTheProject: baseImage.Contains(':', StringComparison.Ordinal) ? Array.Empty<string>() : new[] { "CTR0010" });
        return text;
    }

    [Test]
    public void GoogleDistrolessNonrootGetsNoAppUid()
    {
        var text = Generate("gcr.io/distroless/cc-debian12:nonroot", selfContained: true);
        Assert.That(text, Does.Contain("FROM gcr.io/distroless/cc-debian12:nonroot").And.Not.Contain("$APP_UID").And.Not.Contain("USER 65532"));
        Assert.That(text, Does.Contain("ENTRYPOINT [\"./App\"]"));
    }

    [Test]
    public void GoogleDistrolessRootTagRunsAsItsNonrootUser()
        => Assert.That(Generate("gcr.io/distroless/cc-debian12", selfContained: true), Does.Contain("USER 65532").And.Not.Contain("$APP_UID"));

    [Test]
    public void FrameworkDependentAppDoesNotLandOnAnImageWithoutDotnet()
    {
        var text = Generate("gcr.io/distroless/base-debian12:nonroot", selfContained: false);
        Assert.That(text, Does.Not.Contain("FROM gcr.io/distroless"), "the app could not start there");
        Assert.That(text, Does.Contain("has no .NET runtime and the app is").And.Contain("FROM mcr.microsoft.com/dotnet/aspnet:10.0"));
        Assert.That(EngineTest.ForProperties(new Dictionary<string, string> { ["MSBuildProjectFullPath"] = "/repo/src/App/App.csproj", ["TargetFramework"] = "net10.0", ["OutputType"] = "Exe", ["UsingMicrosoftNETSdkWeb"] = "true", ["InvariantGlobalization"] = "true" }).Warnings(text), Is.Empty);
    }

    [Test]
    public void UnknownImageKeepsItsOwnUser()
        => Assert.That(Generate("registry.example.com/platform/dotnet-base:10", selfContained: false), Does.Contain("FROM registry.example.com/platform/dotnet-base:10").And.Not.Contain("USER "));

    [Test]
    public void DotnetImageRunsAsAppUid_NearMiss()
        => Assert.That(Generate("mcr.microsoft.com/dotnet/aspnet:10.0", selfContained: false), Does.Contain("USER $APP_UID"));
}
