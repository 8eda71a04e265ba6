using ContainerAnalyzers.Analyzers;
using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules.Hygiene;

[TestFixture]
public sealed class CTR0040RestoreNotCachedTests
{
    private static DockerfileAnalyzerTest<CTR0040RestoreNotCachedRule> Test(string framework) => DockerfileAnalyzerTest<CTR0040RestoreNotCachedRule>.ForApp(framework);

    [Test]
    public Task PublishAfterCopyingEverything() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nCOPY . .\n{|#0:RUN dotnet publish -c Release -o /app|}\n")
        .WithExpected(new DiagnosticResult("CTR0040", DiagnosticSeverity.Info).WithLocation(0).WithArguments("dotnet publish"))
        .RunAsync();

    [Test]
    public Task RestoreLayerFirst_NearMiss() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nCOPY *.csproj .\nRUN dotnet restore\nCOPY . .\nRUN dotnet publish -c Release --no-restore -o /app\n")
        .RunAsync();

    [Test]
    public Task CacheMount_NoDiagnostic() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nCOPY . .\nRUN --mount=type=cache,target=/root/.nuget/packages dotnet publish -c Release -o /app\n")
        .RunAsync();
}
