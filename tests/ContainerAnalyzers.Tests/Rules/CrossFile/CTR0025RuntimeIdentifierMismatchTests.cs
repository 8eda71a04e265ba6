using ContainerAnalyzers.Analyzers;
using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules.CrossFile;

[TestFixture]
public sealed class CTR0025RuntimeIdentifierMismatchTests
{
    private static DockerfileAnalyzerTest<CTR0025RuntimeIdentifierMismatchRule> Test() => DockerfileAnalyzerTest<CTR0025RuntimeIdentifierMismatchRule>.ForApp(web: false);

    private static string Dockerfile(string publish, string final) => $"FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nRUN dotnet publish {publish} -o /app\nFROM {final}\nCOPY --from=build /app .\n";

    [Test]
    public Task MuslOnGlibc() => Test()
        .WithDockerfile(Dockerfile("-r linux-musl-x64 --self-contained", "{|CTR0025:mcr.microsoft.com/dotnet/runtime-deps:8.0-noble-chiseled|}"))
        .RunAsync();

    [Test]
    public Task GlibcOnAlpine() => Test()
        .WithDockerfile(Dockerfile("-r linux-x64", "{|CTR0025:mcr.microsoft.com/dotnet/runtime:8.0-alpine|}"))
        .RunAsync();

    [Test]
    public Task ProjectRuntimeIdentifierOnPlainAlpine() => Test()
        .WithProperty("RuntimeIdentifier", "linux-x64")
        .WithDockerfile(Dockerfile("-c Release", "{|CTR0025:alpine:3.20|}"))
        .RunAsync();

    [Test]
    public Task ArchitectureContradictsPlatform() => Test()
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nRUN dotnet publish -r linux-arm64 -o /app\nFROM --platform=linux/amd64 {|CTR0025:mcr.microsoft.com/dotnet/runtime:8.0|}\nCOPY --from=build /app .\n")
        .RunAsync();

    [Test]
    public Task ArchitectureContradictsTagSuffix() => Test()
        .WithDockerfile(Dockerfile("-r linux-x64", "{|CTR0025:mcr.microsoft.com/dotnet/runtime:8.0-noble-chiseled-arm64v8|}"))
        .RunAsync();

    [Test]
    public Task MatchingMuslOnAlpine_NearMiss() => Test()
        .WithDockerfile(Dockerfile("-r linux-musl-arm64", "mcr.microsoft.com/dotnet/runtime:8.0-alpine-arm64v8"))
        .RunAsync();

    [Test]
    public Task ArchFromTargetArch_NoDiagnostic() => Test()
        .WithProperty("RuntimeIdentifier", "linux-x64")
        .WithDockerfile(Dockerfile("-a $TARGETARCH", "mcr.microsoft.com/dotnet/runtime:8.0-alpine"))
        .RunAsync();

    [Test]
    public Task VariableRid_NoDiagnostic() => Test()
        .WithDockerfile(Dockerfile("-r $RID", "mcr.microsoft.com/dotnet/runtime:8.0-alpine"))
        .RunAsync();
}
