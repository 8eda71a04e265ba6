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

    // Issue 27: the full-OS runtime images have a shell but no curl or wget (dotnet-docker installs .NET from a separate
    // installer stage), so the health check never passes; installing it in the stage is the near miss.
    [Test]
    public Task CurlOnFullImage() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nHEALTHCHECK CMD [{|CTR0032:\"curl\"|}, \"-f\", \"http://localhost:8080/\"]\n")
        .RunAsync();

    [Test]
    public Task ShellFormWgetOnUbuntuImage() => Test("net10.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble\nHEALTHCHECK --interval=30s CMD {|CTR0032:wget|} -q --spider http://localhost:8080/ || exit 1\n")
        .RunAsync();

    [TestCase("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nHEALTHCHECK CMD [\"curl\", \"-f\", \"http://localhost:8080/\"]\n")]
    [TestCase("FROM mcr.microsoft.com/dotnet/aspnet:8.0-alpine\nHEALTHCHECK CMD wget -q --spider http://localhost:8080/ || exit 1\n")]
    [TestCase("FROM mcr.microsoft.com/dotnet/aspnet:8.0-azurelinux3.0\nHEALTHCHECK CMD curl -f http://localhost:8080/\n")]
    public Task CurlOnFullImage_NearMiss(string dockerfile) => Test("net8.0")
        .WithDockerfile(dockerfile)
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
