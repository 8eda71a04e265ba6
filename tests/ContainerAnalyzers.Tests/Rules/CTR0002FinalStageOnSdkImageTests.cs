using ContainerAnalyzers.Analyzers;
using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules;

[TestFixture]
public sealed class CTR0002FinalStageOnSdkImageTests
{
    private static DockerfileAnalyzerTest<CTR0002FinalStageOnSdkImageRule> Test() => new DockerfileAnalyzerTest<CTR0002FinalStageOnSdkImageRule>().WithProperty("TargetFramework", "net8.0");

    [Test]
    public Task SingleStageOnSdkImage() => Test()
        .WithDockerfile("FROM {|CTR0002:mcr.microsoft.com/dotnet/sdk:8.0|}\nCOPY out/ /app\nENTRYPOINT [\"dotnet\", \"/app/App.dll\"]\n")
        .RunAsync();

    [Test]
    public Task MultiStageWithRuntimeFinalStage_NoDiagnostic() => Test()
        .WithDockerfile("""
            FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build
            RUN dotnet publish -o /app
            FROM mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled
            COPY --from=build /app .
            ENTRYPOINT ["dotnet", "App.dll"]
            """)
        .RunAsync();

    [Test]
    public Task FollowsStageChain() => Test()
        .WithDockerfile("""
            FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build
            RUN dotnet publish -o /app
            FROM {|CTR0002:build|} AS final
            ENTRYPOINT ["dotnet", "/app/App.dll"]
            """)
        .RunAsync();

    [Test]
    public Task ResolvesGlobalArgDefault() => Test()
        .WithDockerfile("""
            ARG REGISTRY=mcr.microsoft.com
            ARG VERSION=8.0
            FROM {|CTR0002:${REGISTRY}/dotnet/sdk:${VERSION}|}
            ENTRYPOINT ["dotnet", "App.dll"]
            """)
        .RunAsync();

    [Test]
    public Task UnresolvableArg_NoDiagnostic() => Test()
        .WithDockerfile("""
            ARG BASE
            FROM ${BASE}
            ENTRYPOINT ["dotnet", "App.dll"]
            """)
        .RunAsync();

    [TestCase("microsoft/dotnet:2.1-sdk")]
    [TestCase("microsoft/aspnetcore-build:2.0")]
    [TestCase("mcr.microsoft.com/dotnet/core/sdk:3.1")]
    public Task LegacySdkImages(string image) => Test()
        .WithDockerfile("FROM {|CTR0002:" + image + "|}\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n")
        .RunAsync();

    [Test]
    public Task BacktickEscapeAndCrLf() => Test()
        .WithDockerfile("# escape=`\r\nFROM `\r\n    {|CTR0002:mcr.microsoft.com/dotnet/sdk:8.0-nanoserver-ltsc2022|}\r\nENTRYPOINT [\"dotnet\", \"App.dll\"]\r\n")
        .RunAsync();

    [Test]
    public Task ByteOrderMark() => Test()
        .WithDockerfile("\uFEFFFROM {|CTR0002:mcr.microsoft.com/dotnet/sdk:8.0|}\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n")
        .RunAsync();

    [Test]
    public Task TestRunnerStage_NoDiagnostic() => Test()
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0\nCOPY . .\nENTRYPOINT [\"dotnet\", \"test\"]\n")
        .RunAsync();

    [Test]
    public Task SdkOnlyInBuilderStage_NoDiagnostic() => Test()
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nRUN dotnet publish -o /out\nFROM scratch\nCOPY --from=build /out .\n")
        .RunAsync();

    [TestCase("ARG SUFFIX\nFROM {|CTR0002:mcr.microsoft.com/dotnet/sdk:10.0${SUFFIX}|}\n")]
    [TestCase("ARG VERSION\nFROM {|CTR0002:mcr.microsoft.com/dotnet/sdk:${VERSION}|}\n")]
    public Task SdkRepositoryWhateverTheTagVariableHolds(string from) => new DockerfileAnalyzerTest<CTR0002FinalStageOnSdkImageRule>().WithProperty("TargetFramework", "net10.0")
        .WithDockerfile(from + "WORKDIR /app\n")
        .RunAsync();

    [TestCase("ARG SUFFIX\nFROM mcr.microsoft.com/dotnet/aspnet:10.0${SUFFIX}\n")]
    [TestCase("ARG REPOSITORY=aspnet\nARG TAG\nFROM mcr.microsoft.com/dotnet/${REPOSITORY}:${TAG}\n")]
    public Task RuntimeRepositoryWhateverTheTagVariableHolds_NoDiagnostic(string from) => new DockerfileAnalyzerTest<CTR0002FinalStageOnSdkImageRule>().WithProperty("TargetFramework", "net10.0")
        .WithDockerfile(from + "WORKDIR /app\n")
        .RunAsync();
}
