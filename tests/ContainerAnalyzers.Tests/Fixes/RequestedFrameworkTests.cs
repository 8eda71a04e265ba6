using ContainerAnalyzers.Fixes;
using ContainerAnalyzers.Projects;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Fixes;

/// <summary>A multi-targeting project's Dockerfile that publishes one framework with -f keeps it through the fixes (issue 15).</summary>
[TestFixture]
public sealed class RequestedFrameworkTests
{
    private static ProjectFacts MultiTargeting() => ProjectFacts.Create(
        name => name switch
        {
            "MSBuildProjectName" => "App",
            "MSBuildProjectFullPath" => "/repo/src/App/App.csproj",
            "TargetFramework" => "net10.0",
            "TargetFrameworks" => "net10.0;net8.0",
            "ContainerAnalyzersTargetFrameworks" => "net10.0|net8.0",
            "OutputType" => "Exe",
            "UsingMicrosoftNETSdkWeb" => "true",
            _ => null,
        },
        "/repo/src/App/App.csproj",
        null);

    [TestCase("-f net8.0", "-f net8.0", "aspnet:8.0")]
    [TestCase("--framework net8.0", "-f net8.0", "aspnet:8.0")]
    [TestCase("", "-f net10.0", "aspnet:10.0")]
    [TestCase("-f net9.0", "-f net10.0", "aspnet:10.0")]
    public void TheUsersFrameworkStays(string option, string published, string runtime)
    {
        var dockerfile = "FROM mcr.microsoft.com/dotnet/sdk:10.0\nWORKDIR /src\nCOPY . .\nRUN dotnet publish " + option + " -c Release -o /app\nENTRYPOINT [\"dotnet\", \"/app/App.dll\"]\n";
        var regenerated = DockerfileFixes.GetFixes(dockerfile, "/repo/src/App/Dockerfile", MultiTargeting()).Single(f => f.Kind == DockerfileFixKind.Regenerate).NewText;
        Assert.That(regenerated, Does.Contain(published).And.Contain("mcr.microsoft.com/dotnet/" + runtime), regenerated);
        FixSelfCheck.AssertClean(regenerated, new Dictionary<string, string> { ["MSBuildProjectName"] = "App", ["MSBuildProjectFullPath"] = "/repo/src/App/App.csproj", ["TargetFramework"] = "net10.0", ["TargetFrameworks"] = "net10.0;net8.0", ["ContainerAnalyzersTargetFrameworks"] = "net10.0|net8.0", ["OutputType"] = "Exe", ["UsingMicrosoftNETSdkWeb"] = "true" }, "regenerated");
    }
}
