using ContainerAnalyzers.Analyzers;
using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules.Hygiene;

[TestFixture]
public sealed class CTR0005DuplicateStageNameTests
{
    private static DockerfileAnalyzerTest<CTR0005DuplicateStageNameRule> Test(string framework) => DockerfileAnalyzerTest<CTR0005DuplicateStageNameRule>.ForApp(framework);

    [Test]
    public Task SameNameDifferentCase() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nFROM mcr.microsoft.com/dotnet/sdk:8.0 AS {|CTR0005:Build|}\n")
        .RunAsync();

    [Test]
    public Task DistinctNames_NearMiss() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nFROM mcr.microsoft.com/dotnet/sdk:8.0 AS builder\n")
        .RunAsync();

    [Test]
    public Task UnnamedStages_NoDiagnostic() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0\nFROM mcr.microsoft.com/dotnet/sdk:8.0\n")
        .RunAsync();
}
