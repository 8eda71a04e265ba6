using ContainerAnalyzers.Analyzers;
using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules;

[TestFixture]
public sealed class CTR0003ProjectHasNoDockerfileTests
{
    private const string WebProject = "{|CTR0003:<Project|} Sdk=\"Microsoft.NET.Sdk.Web\">\n  <PropertyGroup>\n    <TargetFramework>net8.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n";

    private static DockerfileAnalyzerTest<CTR0003ProjectHasNoDockerfileRule> Test() => new DockerfileAnalyzerTest<CTR0003ProjectHasNoDockerfileRule>()
        .WithProperty("TargetFramework", "net8.0")
        .WithProperty("MSBuildProjectName", "App");

    [Test]
    public Task WebProjectWithoutDockerfile() => Test()
        .WithProperty("UsingMicrosoftNETSdkWeb", "true")
        .WithProjectFile(WebProject)
        .RunAsync();

    [Test]
    public Task ConsoleExeWithoutDockerfile() => Test()
        .WithProperty("OutputType", "Exe")
        .WithProjectFile("<?xml version=\"1.0\"?>\n{|CTR0003:<Project|} Sdk=\"Microsoft.NET.Sdk\">\n</Project>\n")
        .RunAsync();

    [Test]
    public Task ProjectWithDockerfile_NoDiagnostic() => Test()
        .WithProperty("UsingMicrosoftNETSdkWeb", "true")
        .WithProjectFile(WebProject.Replace("{|CTR0003:<Project|}", "<Project"))
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:8.0\n")
        .RunAsync();

    [Test]
    public Task Library_NoDiagnostic() => Test()
        .WithProperty("OutputType", "Library")
        .WithProjectFile("<Project Sdk=\"Microsoft.NET.Sdk\" />\n")
        .RunAsync();

    [Test]
    public Task TestProject_NoDiagnostic() => Test()
        .WithProperty("OutputType", "Exe")
        .WithProperty("IsTestProject", "true")
        .WithProjectFile("<Project Sdk=\"Microsoft.NET.Sdk\" />\n")
        .RunAsync();

    [Test]
    public Task SdkContainerPublishing_NoDiagnostic() => Test()
        .WithProperty("OutputType", "Exe")
        .WithProjectFile("<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <EnableSdkContainerSupport>true</EnableSdkContainerSupport>\n  </PropertyGroup>\n</Project>\n")
        .RunAsync();

    [Test]
    public Task WindowsDesktopApp_NoDiagnostic() => Test()
        .WithProperty("OutputType", "WinExe")
        .WithProperty("TargetFramework", "net8.0-windows")
        .WithProperty("UseWPF", "true")
        .WithProjectFile("<Project Sdk=\"Microsoft.NET.Sdk\" />\n")
        .RunAsync();

    [Test]
    public Task HalfTypedProjectFile_StillReportsAtStart() => Test()
        .WithProperty("OutputType", "Exe")
        .WithProjectFile("{|CTR0003:<Project|} Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <Outp")
        .RunAsync();
}
