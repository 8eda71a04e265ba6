using ContainerAnalyzers.Analyzers;
using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules.Hygiene;

[TestFixture]
public sealed class CTR0012DeprecatedImageRepositoryTests
{
    private static DockerfileAnalyzerTest<CTR0012DeprecatedImageRepositoryRule> Test(string framework) => DockerfileAnalyzerTest<CTR0012DeprecatedImageRepositoryRule>.ForApp(framework);

    [Test]
    public Task DockerHubMicrosoftDotnet() => Test("net8.0")
        .WithDockerfile("FROM {|CTR0012:microsoft/dotnet:2.1-sdk|} AS build\n")
        .RunAsync();

    [Test]
    public Task McrCore() => Test("net8.0")
        .WithDockerfile("FROM {|CTR0012:mcr.microsoft.com/dotnet/core/aspnet:3.1|}\n")
        .RunAsync();

    [Test]
    public Task CurrentRepository_NearMiss() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:3.1\n")
        .RunAsync();
}
