using ContainerAnalyzers.Analyzers;
using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules.Hygiene;

[TestFixture]
public sealed class CTR0014InvalidImageReferenceTests
{
    private static DockerfileAnalyzerTest<CTR0014InvalidImageReferenceRule> Test(string framework) => DockerfileAnalyzerTest<CTR0014InvalidImageReferenceRule>.ForApp(framework);

    [Test]
    public Task UpperCaseRepository() => Test("net8.0")
        .WithDockerfile("FROM {|CTR0014:mcr.microsoft.com/dotnet/ASPNET:8.0|}\n")
        .RunAsync();

    [Test]
    public Task EmptyTag() => Test("net8.0")
        .WithDockerfile("FROM {|CTR0014:ubuntu:|}\n")
        .RunAsync();

    [Test]
    public Task BadDigest() => Test("net8.0")
        .WithDockerfile("FROM {|CTR0014:ubuntu@sha256:abc|}\n")
        .RunAsync();

    [Test]
    public Task ResolvedThroughArg() => Test("net8.0")
        .WithDockerfile("ARG TAG=-bad\nFROM {|CTR0014:ubuntu:${TAG}|}\n")
        .RunAsync();

    [Test]
    public Task RegistryWithPort_NearMiss() => Test("net8.0")
        .WithDockerfile("FROM localhost:5000/my-team/app_base:1.0 AS Base\nFROM base AS x\n")
        .RunAsync();
}
