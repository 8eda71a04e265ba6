using ContainerAnalyzers.Analyzers;
using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules.Hygiene;

[TestFixture]
public sealed class CTR0041DebugBuildShippedTests
{
    private static DockerfileAnalyzerTest<CTR0041DebugBuildShippedRule> Test(string framework) => DockerfileAnalyzerTest<CTR0041DebugBuildShippedRule>.ForApp(framework);

    [Test]
    public Task PublishDebug() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\n{|CTR0041:RUN dotnet publish -c Debug -o /app|}\n")
        .RunAsync();

    [Test]
    public Task OldFrameworkWithoutConfiguration() => Test("net6.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:6.0 AS build\n{|CTR0041:RUN dotnet publish -o /app|}\n")
        .RunAsync();

    [Test]
    public Task Net8DefaultsToRelease_NearMiss() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nRUN dotnet publish -o /app\n")
        .RunAsync();

    [Test]
    public Task DebugTestsInBuilder_NoDiagnostic() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS test\nRUN dotnet test -c Debug\nRUN dotnet build -c Debug\n")
        .RunAsync();
}
