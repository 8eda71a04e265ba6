using ContainerAnalyzers.Analyzers;
using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules.Hygiene;

[TestFixture]
public sealed class CTR0032CommandNotInImageTests
{
    private static DockerfileAnalyzerTest<CTR0032CommandNotInImageRule> Test(string framework) => DockerfileAnalyzerTest<CTR0032CommandNotInImageRule>.ForApp(framework);

    [Test]
    public Task CurlHealthcheckOnChiseled() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled\nHEALTHCHECK CMD [{|CTR0032:\"curl\"|}, \"-f\", \"http://localhost:8080/\"]\n")
        .RunAsync();

    [Test]
    public Task BashEntrypoint() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/runtime-deps:8.0-noble-chiseled\nENTRYPOINT [{|CTR0032:\"/bin/bash\"|}, \"-c\", \"./App\"]\n")
        .RunAsync();

    [Test]
    public Task CurlOnFullImage_NearMiss() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nHEALTHCHECK CMD [\"curl\", \"-f\", \"http://localhost:8080/\"]\n")
        .RunAsync();

    [Test]
    public Task CurlCopiedIn_NoDiagnostic() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled\nCOPY --from=curlimages/curl:8.10.1 /usr/bin/curl /usr/bin/curl\nHEALTHCHECK CMD [\"curl\", \"-f\", \"http://localhost:8080/\"]\n")
        .RunAsync();

    [Test]
    public Task BuilderStage_NoDiagnostic() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled AS base\nENTRYPOINT [\"dotnet\", \"App.dll\"]\nFROM mcr.microsoft.com/dotnet/sdk:8.0\nCMD [\"curl\", \"x\"]\n")
        .RunAsync();
}
