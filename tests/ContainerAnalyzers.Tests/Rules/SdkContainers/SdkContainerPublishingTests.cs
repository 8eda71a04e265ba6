using ContainerAnalyzers.Analyzers;
using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.CodeFixes;
using ContainerAnalyzers.Tests.Fixes;
using ContainerAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules.SdkContainers;

/// <summary>
/// Projects that publish their container with the .NET SDK (no Dockerfile): the image and user rules judge the
/// container the SDK would build, and report on the csproj property that decides it. CTR0003 stays silent.
/// </summary>
[TestFixture]
public sealed class SdkContainerPublishingTests
{
    private static string Project(string properties) => "<Project Sdk=\"Microsoft.NET.Sdk.Web\">\n  <PropertyGroup>\n    <TargetFramework>net8.0</TargetFramework>\n" + properties + "  </PropertyGroup>\n</Project>\n";

    private static DockerfileAnalyzerTest<T> Test<T>()
        where T : class
        => DockerfileAnalyzerTest<T>.ForApp("net8.0");

    [Test]
    public Task SdkImageAsContainerBaseImage() => Test<CTR0002FinalStageOnSdkImageRule>()
        .WithProperty("ContainerBaseImage", "mcr.microsoft.com/dotnet/sdk:8.0")
        .WithProjectFile(Project("    {|CTR0002:<ContainerBaseImage>mcr.microsoft.com/dotnet/sdk:8.0</ContainerBaseImage>|}\n"))
        .RunAsync();

    [Test]
    public Task UnpinnedContainerBaseImage() => Test<CTR0010BaseImageNotPinnedRule>()
        .WithProperty("ContainerBaseImage", "mcr.microsoft.com/dotnet/aspnet")
        .WithProjectFile(Project("    {|CTR0010:<ContainerBaseImage>mcr.microsoft.com/dotnet/aspnet</ContainerBaseImage>|}\n"))
        .RunAsync();

    [Test]
    public Task ContainerUserRoot() => Test<CTR0033FinalStageRunsAsRootRule>()
        .WithProperty("ContainerFamily", "noble-chiseled-extra").WithProperty("ContainerUser", "root")
        .WithProjectFile(Project("    <ContainerFamily>noble-chiseled-extra</ContainerFamily>\n    {|CTR0033:<ContainerUser>root</ContainerUser>|}\n"))
        .RunAsync();

    [Test]
    public Task VersionMismatch() => Test<CTR0020RuntimeVersionMismatchRule>()
        .WithProperty("ContainerBaseImage", "mcr.microsoft.com/dotnet/aspnet:6.0")
        .WithProjectFile(Project("    {|CTR0020:<ContainerBaseImage>mcr.microsoft.com/dotnet/aspnet:6.0</ContainerBaseImage>|}\n"))
        .RunAsync();

    [Test]
    public Task WrongRepository() => Test<CTR0022RuntimeLacksFrameworkRule>()
        .WithProperty("ContainerBaseImage", "mcr.microsoft.com/dotnet/runtime:8.0")
        .WithProjectFile(Project("    {|CTR0022:<ContainerBaseImage>mcr.microsoft.com/dotnet/runtime:8.0</ContainerBaseImage>|}\n"))
        .RunAsync();

    [Test]
    public Task IcuLessFamilyWithoutInvariantGlobalization() => Test<CTR0024SilentInvariantGlobalizationRule>()
        .WithProperty("ContainerFamily", "noble-chiseled")
        .WithSource("public static class C { public static object X = System.Globalization.CultureInfo.CurrentCulture; }")
        .WithProjectFile(Project("    {|CTR0024:<ContainerFamily>noble-chiseled</ContainerFamily>|}\n"))
        .RunAsync();

    [Test]
    public Task InferredDefaultImageIsNotDistroless() => Test<CTR0011FinalImageNotDistrolessRule>()
        .WithProperty("EnableSdkContainerSupport", "true")
        .WithProjectFile("{|#0:<Project|} Sdk=\"Microsoft.NET.Sdk.Web\">\n  <PropertyGroup>\n    <TargetFramework>net8.0</TargetFramework>\n    <EnableSdkContainerSupport>true</EnableSdkContainerSupport>\n  </PropertyGroup>\n</Project>\n")
        .WithExpected(new DiagnosticResult("CTR0011", DiagnosticSeverity.Info).WithLocation(0).WithArguments("mcr.microsoft.com/dotnet/aspnet:8.0", "mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled-extra"))
        .RunAsync();

    [Test]
    public Task ChiseledFamily_NearMiss() => Test<CTR0011FinalImageNotDistrolessRule>()
        .WithProperty("ContainerFamily", "noble-chiseled-extra")
        .WithProjectFile(Project("    <ContainerFamily>noble-chiseled-extra</ContainerFamily>\n"))
        .RunAsync();

    [Test]
    public Task NoDockerfileRuleForSdkContainers() => Test<CTR0003ProjectHasNoDockerfileRule>()
        .WithProperty("ContainerFamily", "noble-chiseled-extra")
        .WithProjectFile(Project("    <ContainerFamily>noble-chiseled-extra</ContainerFamily>\n"))
        .RunAsync();

    [Test]
    public Task ProjectWithADockerfileIsJudgedByItsDockerfile() => Test<CTR0002FinalStageOnSdkImageRule>()
        .WithProperty("ContainerBaseImage", "mcr.microsoft.com/dotnet/sdk:8.0")
        .WithProjectFile(Project("    <ContainerBaseImage>mcr.microsoft.com/dotnet/sdk:8.0</ContainerBaseImage>\n"))
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:8.0\n")
        .RunAsync();

    [Test]
    public async Task SetContainerFamilyFixAndPublishWithSdkFix()
    {
        var properties = DockerfileCodeFixTests.Properties();
        properties["EnableSdkContainerSupport"] = "true";
        const string projectText = "<Project Sdk=\"Microsoft.NET.Sdk.Web\">\n  <PropertyGroup>\n    <TargetFramework>net8.0</TargetFramework>\n    <EnableSdkContainerSupport>true</EnableSdkContainerSupport>\n  </PropertyGroup>\n</Project>\n";
        using var harness = new WorkspaceHarness(properties, dockerfile: null, projectText: projectText);
        var project = harness.Solution.GetProject(harness.ProjectId)!;
        var diagnostic = (await WorkspaceHarness.AnalyzeAsync(project)).Single(d => d.Id == "CTR0011");
        var projectFile = project.AdditionalDocuments.Single(d => d.Name == "App.csproj");
        var action = (await WorkspaceHarness.GetActionsAsync(new RuleFixCodeFixProvider(), projectFile, diagnostic)).First();
        Assert.That(action.Title, Is.EqualTo("Set ContainerFamily to noble-chiseled-extra"));
        var text = (await (await WorkspaceHarness.ApplyAsync(action)).GetProject(harness.ProjectId)!.AdditionalDocuments.Single(d => d.Name == "App.csproj").GetTextAsync()).ToString();
        Assert.That(text, Does.Contain("    <ContainerFamily>noble-chiseled-extra</ContainerFamily>\n  </PropertyGroup>"));

        using var console = new WorkspaceHarness(new Dictionary<string, string>(properties) { ["UsingMicrosoftNETSdkWeb"] = "false", ["EnableSdkContainerSupport"] = "" }, dockerfile: null,
            projectText: "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <OutputType>Exe</OutputType>\n  </PropertyGroup>\n</Project>\n");
        var consoleProject = console.Solution.GetProject(console.ProjectId)!;
        var noDockerfile = (await WorkspaceHarness.AnalyzeAsync(consoleProject)).Single(d => d.Id == "CTR0003");
        var publish = (await WorkspaceHarness.GetActionsAsync(new DockerfileCodeFixProvider(), consoleProject.AdditionalDocuments.Single(d => d.Name == "App.csproj"), noDockerfile))
            .Single(a => a.Title == WorkspaceDockerfiles.PublishWithSdkTitle);
        var consoleText = (await (await WorkspaceHarness.ApplyAsync(publish)).GetProject(console.ProjectId)!.AdditionalDocuments.Single(d => d.Name == "App.csproj").GetTextAsync()).ToString();
        Assert.That(consoleText, Is.EqualTo("<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <OutputType>Exe</OutputType>\n    <EnableSdkContainerSupport>true</EnableSdkContainerSupport>\n    <ContainerFamily>noble-chiseled-extra</ContainerFamily>\n  </PropertyGroup>\n</Project>\n"));
    }
}
