using ContainerAnalyzers.Analyzers;
using ContainerAnalyzers.Rules;
using ContainerAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules.Hygiene;

[TestFixture]
public sealed class CTR0005DuplicateStageNameTests
{
    private static DockerfileAnalyzerTest<CTR0005DuplicateStageNameAnalyzer> Test(string framework) => new DockerfileAnalyzerTest<CTR0005DuplicateStageNameAnalyzer>()
        .WithProperty("TargetFramework", framework).WithProperty("MSBuildProjectFullPath", "/src/App/App.csproj").WithProperty("OutputType", "Exe").WithProperty("UsingMicrosoftNETSdkWeb", "true");

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
