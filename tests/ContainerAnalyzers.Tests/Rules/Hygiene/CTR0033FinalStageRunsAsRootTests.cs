using ContainerAnalyzers.Analyzers;
using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules.Hygiene;

[TestFixture]
public sealed class CTR0033FinalStageRunsAsRootTests
{
    private static DockerfileAnalyzerTest<CTR0033FinalStageRunsAsRootRule> Test(string framework) => DockerfileAnalyzerTest<CTR0033FinalStageRunsAsRootRule>.ForApp(framework);

    [Test]
    public Task ExplicitRoot() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled\n{|CTR0033:USER root|}\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n")
        .RunAsync();

    [Test]
    public Task WebAppOnFullImageWithoutUser() => Test("net8.0")
        .WithDockerfile("FROM {|CTR0033:mcr.microsoft.com/dotnet/aspnet:8.0|}\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n")
        .RunAsync();

    [Test]
    public Task AppUid_NearMiss() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nUSER $APP_UID\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n")
        .RunAsync();

    [Test]
    public Task ChiseledDefaultUser_NoDiagnostic() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n")
        .RunAsync();

    [Test]
    public Task BuilderStageAsRoot_NoDiagnostic() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nUSER root\nRUN dotnet publish -o /app\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /app .\nUSER app\n")
        .RunAsync();
}
