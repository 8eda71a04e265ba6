using ContainerAnalyzers.Analyzers;
using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules.Hygiene;

[TestFixture]
public sealed class CTR0010BaseImageNotPinnedTests
{
    private static DockerfileAnalyzerTest<CTR0010BaseImageNotPinnedRule> Test(string framework) => DockerfileAnalyzerTest<CTR0010BaseImageNotPinnedRule>.ForApp(framework);

    [Test]
    public Task NoTag() => Test("net8.0")
        .WithDockerfile("FROM {|CTR0010:mcr.microsoft.com/dotnet/aspnet|}\n")
        .RunAsync();

    [Test]
    public Task Latest() => Test("net8.0")
        .WithDockerfile("FROM {|CTR0010:ubuntu:latest|}\n")
        .RunAsync();

    [Test]
    public Task BuilderStageImagesCountToo() => Test("net8.0")
        .WithDockerfile("FROM {|CTR0010:mcr.microsoft.com/dotnet/sdk|} AS build\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\n")
        .RunAsync();

    [Test]
    public Task TagOrDigest_NearMiss() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nFROM ubuntu@sha256:2e863c44b718727c860746568e1d54afd13b2fa71b160f5cd9058fc436217b30\n")
        .RunAsync();

    [Test]
    public Task StageAliasAndScratch_NoDiagnostic() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nFROM build AS test\nFROM scratch\n")
        .RunAsync();

    [Test]
    public Task UnresolvedArg_NoDiagnostic() => Test("net8.0")
        .WithDockerfile("ARG IMAGE\nFROM ${IMAGE}\n")
        .RunAsync();
}
