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

    // Issue 27: only an image that exists, is pinned and fits the app's version is suggested.
    [TestCase("microsoft/dotnet:2.1-sdk", "netcoreapp2.1", "use 'mcr.microsoft.com/dotnet/sdk:2.1'")]
    [TestCase("microsoft/dotnet:2.2-sdk", "netcoreapp2.2", ".NET 2.2 was never published under mcr.microsoft.com/dotnet; upgrade the app to a supported .NET version and use its image there")]
    [TestCase("microsoft/aspnetcore:2.0", "netcoreapp2.0", ".NET 2.0 was never published under mcr.microsoft.com/dotnet; upgrade the app to a supported .NET version and use its image there")]
    [TestCase("microsoft/dotnet:latest", "netcoreapp1.1", ".NET 1.1 was never published under mcr.microsoft.com/dotnet; upgrade the app to a supported .NET version and use its image there")]
    [TestCase("microsoft/dotnet:latest", "netcoreapp3.1", "use 'mcr.microsoft.com/dotnet/sdk:3.1'")]
    public void TheSuggestionExistsAndIsPinned(string image, string framework, string advice)
    {
        var finding = EngineTest.ForApp(framework).Analyze($"FROM {image}\n", new CTR0012DeprecatedImageRepositoryRule()).Single();
        Assert.That(finding.MessageArguments[1], Is.EqualTo(advice));
        Assert.That(finding.Fixes.Select(f => f.NewText), advice.StartsWith("use", StringComparison.Ordinal) ? Has.Some.Contains("mcr.microsoft.com/dotnet/") : Is.Empty);
    }
}
