using ContainerAnalyzers.Analyzers;
using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules.CrossFile;

[TestFixture]
public sealed class CTR0021SdkOlderThanTargetFrameworkTests
{
    private static DockerfileAnalyzerTest<CTR0021SdkOlderThanTargetFrameworkRule> Test(string framework = "net8.0") => new DockerfileAnalyzerTest<CTR0021SdkOlderThanTargetFrameworkRule>()
        .WithProperty("TargetFramework", framework).WithProperty("MSBuildProjectFullPath", "/src/App/App.csproj");

    [Test]
    public Task OlderSdkBuilds() => Test()
        .WithDockerfile("FROM {|CTR0021:mcr.microsoft.com/dotnet/sdk:6.0|} AS build\nRUN dotnet publish -c Release -o /app\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /app .\n")
        .RunAsync();

    [Test]
    public Task NewerSdk_NearMiss() => Test()
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:9.0 AS build\nRUN dotnet publish -c Release -o /app\n")
        .RunAsync();

    [Test]
    public Task OlderSdkThatBuildsNothing_NoDiagnostic() => Test()
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:6.0 AS tools\nRUN dotnet tool install -g dotnet-ef\n")
        .RunAsync();

    [Test]
    public Task MultiTargetingNeedsTheHighest() => Test()
        .WithProperty("TargetFramework", "net6.0").WithProperty("ContainerAnalyzersTargetFrameworks", "net6.0|net8.0")
        .WithDockerfile("FROM {|CTR0021:mcr.microsoft.com/dotnet/sdk:6.0|} AS build\nRUN dotnet restore\n")
        .RunAsync();

    [Test]
    public Task MultiTargetingWithFrameworkTheSdkSupports_NoDiagnostic() => Test()
        .WithProperty("TargetFramework", "net6.0").WithProperty("ContainerAnalyzersTargetFrameworks", "net6.0|net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:6.0 AS build\nRUN dotnet publish -f net6.0 -o /app\n")
        .RunAsync();

    [Test]
    public Task UnresolvableArg_NoDiagnostic() => Test()
        .WithDockerfile("ARG SDK\nFROM mcr.microsoft.com/dotnet/sdk:${SDK} AS build\nRUN dotnet publish -o /app\n")
        .RunAsync();

    [Test]
    public void FixRetags()
    {
        var fixedText = RuleFixAssert.ApplyFix(new CTR0021SdkOlderThanTargetFrameworkRule(), "FROM mcr.microsoft.com/dotnet/sdk:7.0-alpine AS build\nRUN dotnet publish -o /app\n", RuleFixAssert.Properties(), "Use dotnet/sdk:8.0-alpine");
        Assert.That(fixedText, Does.StartWith("FROM mcr.microsoft.com/dotnet/sdk:8.0-alpine AS build"));
    }
}
