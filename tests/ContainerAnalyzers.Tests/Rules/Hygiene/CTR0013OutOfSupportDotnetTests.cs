using ContainerAnalyzers.Analyzers;
using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules.Hygiene;

[TestFixture]
public sealed class CTR0013OutOfSupportDotnetTests
{
    private static DockerfileAnalyzerTest<CTR0013OutOfSupportDotnetRule> Test(string framework) => DockerfileAnalyzerTest<CTR0013OutOfSupportDotnetRule>.ForApp(framework);

    [Test]
    public Task Dotnet6() => Test("net8.0")
        .WithDockerfile("FROM {|#0:mcr.microsoft.com/dotnet/aspnet:6.0|}\n")
        .WithExpected(new DiagnosticResult("CTR0013", DiagnosticSeverity.Info).WithLocation(0).WithArguments("mcr.microsoft.com/dotnet/aspnet:6.0", "6.0", "2024-11-12"))
        .RunAsync();

    [Test]
    public Task Dotnet10_NearMiss() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:10.0\n")
        .RunAsync();

    [Test]
    public Task UnversionedImage_NoDiagnostic() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:latest\n")
        .RunAsync();
}
