using ContainerAnalyzers.Analyzers;
using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules.Hygiene;

[TestFixture]
public sealed class CTR0011FinalImageNotDistrolessTests
{
    private static DockerfileAnalyzerTest<CTR0011FinalImageNotDistrolessRule> Test(string framework) => DockerfileAnalyzerTest<CTR0011FinalImageNotDistrolessRule>.ForApp(framework);

    [Test]
    public Task FullOsFinalImage() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nFROM {|#0:mcr.microsoft.com/dotnet/aspnet:8.0|}\n")
        .WithExpected(new DiagnosticResult("CTR0011", DiagnosticSeverity.Info).WithLocation(0).WithArguments("mcr.microsoft.com/dotnet/aspnet:8.0", "mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled-extra"))
        .RunAsync();

    // Issue 27: a GitHub Docker action's image runs as root with the workspace mounted; chiseled advice does not fit it.
    [TestCase("action.yml", "image: Dockerfile")]
    [TestCase("/src/action.yaml", "image: 'App/Dockerfile'")]
    public Task DockerActionImage_NoDiagnostic(string actionPath, string image) => Test("net10.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble\nCOPY out/ /app/\nENTRYPOINT [\"dotnet\", \"/app/App.dll\"]\n")
        .WithActionFile("name: x\ndescription: y\nruns:\n  using: 'docker'\n  " + image + "\n", actionPath)
        .RunAsync();

    [Test]
    public Task ChiseledFinalImage_NearMiss() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled-extra\n")
        .RunAsync();

    [Test]
    public Task BuilderStageOnFullImage_NoDiagnostic() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/runtime:8.0 AS tools\nFROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled\n")
        .RunAsync();

    [Test]
    public Task OlderThanDotnet8_NoDiagnostic() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:6.0\n")
        .RunAsync();

    [Test]
    public Task TagVariableOverFullOsVariantsOnly() => Test("net8.0")
        .WithDockerfile("ARG ARCH\nFROM {|CTR0011:mcr.microsoft.com/dotnet/aspnet:8.0-bookworm-slim${ARCH}|}\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n")
        .RunAsync();

    [TestCase("ARG SUFFIX\nFROM mcr.microsoft.com/dotnet/aspnet:10.0${SUFFIX}\n")]
    [TestCase("ARG SUFFIX\nFROM mcr.microsoft.com/dotnet/aspnet:10.0-noble${SUFFIX}\n")]
    [TestCase("ARG SUFFIX=-noble\nFROM mcr.microsoft.com/dotnet/aspnet:10.0${SUFFIX}-chiseled\n")]
    public Task TagVariableThatMayBeChiseled_NoDiagnostic(string from) => Test("net10.0")
        .WithDockerfile(from + "ENTRYPOINT [\"dotnet\", \"App.dll\"]\n")
        .RunAsync();
}
