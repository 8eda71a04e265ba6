using ContainerAnalyzers.Analyzers;
using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules.Hygiene;

[TestFixture]
public sealed class CTR0006FinalStageHasNoBuildOutputTests
{
    private static DockerfileAnalyzerTest<CTR0006FinalStageHasNoBuildOutputRule> Test(string framework) => DockerfileAnalyzerTest<CTR0006FinalStageHasNoBuildOutputRule>.ForApp(framework);

    [Test]
    public Task FinalCopiesFromTheHost() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nRUN dotnet publish -o /app\n{|CTR0006:FROM mcr.microsoft.com/dotnet/aspnet:8.0|}\nCOPY bin/Release/net8.0/publish/ .\n")
        .RunAsync();

    [Test]
    public Task FinalCopiesFromBuilder_NearMiss() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nRUN dotnet publish -o /app\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /app .\n")
        .RunAsync();

    [Test]
    public Task FinalBuildsOnBuilder_NoDiagnostic() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nRUN dotnet publish -o /app\nFROM build AS final\n")
        .RunAsync();

    [Test]
    public Task NoDotnetBuilder_NoDiagnostic() => Test("net8.0")
        .WithDockerfile("FROM node:20 AS web\nRUN npm ci\nFROM nginx:1.27\nCOPY site/ /usr/share/nginx/html\n")
        .RunAsync();
}
