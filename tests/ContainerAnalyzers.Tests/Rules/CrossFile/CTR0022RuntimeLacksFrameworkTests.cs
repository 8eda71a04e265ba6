using ContainerAnalyzers.Analyzers;
using ContainerAnalyzers.Rules;
using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules.CrossFile;

[TestFixture]
public sealed class CTR0022RuntimeLacksFrameworkTests
{
    private const string Builder = "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nRUN dotnet publish -o /app\n";

    private static DockerfileAnalyzerTest<CTR0022RuntimeLacksFrameworkRule> Test(bool web = true) => DockerfileAnalyzerTest<CTR0022RuntimeLacksFrameworkRule>.ForApp("net8.0", web);

    [Test]
    public Task WebAppOnRuntimeImage() => Test()
        .WithDockerfile(Builder + "FROM {|CTR0022:mcr.microsoft.com/dotnet/runtime:8.0|}\nCOPY --from=build /app .\n")
        .RunAsync();

    [Test]
    public Task FrameworkReferenceMakesAWebApp() => Test(web: false)
        .WithProjectFile("<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup><FrameworkReference Include=\"Microsoft.AspNetCore.App\" /></ItemGroup></Project>")
        .WithDockerfile(Builder + "FROM {|CTR0022:mcr.microsoft.com/dotnet/runtime:8.0-noble-chiseled|}\nCOPY --from=build /app .\n")
        .RunAsync();

    [Test]
    public Task FrameworkDependentConsoleOnRuntimeDeps() => Test(web: false)
        .WithDockerfile(Builder + "FROM {|CTR0022:mcr.microsoft.com/dotnet/runtime-deps:8.0|}\nCOPY --from=build /app .\n")
        .RunAsync();

    [Test]
    public Task SelfContainedOnRuntimeDeps_NearMiss() => Test(web: false)
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nRUN dotnet publish --sc -o /app\nFROM mcr.microsoft.com/dotnet/runtime-deps:8.0\nCOPY --from=build /app .\n")
        .RunAsync();

    [Test]
    public Task SelfContainedOnAspnetIsOnlyInformational() => Test()
        .WithProperty("PublishAot", "true")
        .WithDockerfile(Builder + "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /app .\n")
        .WithExpected(new DiagnosticResult("CTR0022", DiagnosticSeverity.Info).WithSpan("/src/App/Dockerfile", 3, 6, 3, 41)
            .WithArguments("mcr.microsoft.com/dotnet/aspnet:8.0", "carries a .NET runtime that the self-contained app, which brings its own, never uses", "runtime-deps is enough and smaller"))
        .RunAsync();

    [Test]
    public Task UnknownImage_NoDiagnostic() => Test()
        .WithDockerfile("ARG IMAGE\n" + Builder + "FROM ${IMAGE}\nCOPY --from=build /app .\n")
        .RunAsync();

    [Test]
    public void FixSwitchesRepository()
    {
        var fixedText = RuleFixAssert.ApplyFix(new CTR0022RuntimeLacksFrameworkRule(), Builder + "FROM mcr.microsoft.com/dotnet/runtime:8.0-noble-chiseled\n", RuleFixAssert.Properties(), "Use the aspnet image");
        Assert.That(fixedText, Does.Contain("FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled\n"));
    }

    [Test]
    public void SizeAdviceHasInfoSeverity()
    {
        var properties = RuleFixAssert.Properties();
        properties["SelfContained"] = "true";
        var finding = RuleFixAssert.Analyze(new CTR0022RuntimeLacksFrameworkRule(), Builder + "FROM mcr.microsoft.com/dotnet/aspnet:8.0\n", properties).Single();
        Assert.That(finding.Severity, Is.EqualTo(RuleSeverity.Info));
    }
}
