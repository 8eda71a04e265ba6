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
        .WithExpected(new DiagnosticResult("CTR0013", DiagnosticSeverity.Info).WithLocation(0).WithArguments("mcr.microsoft.com/dotnet/aspnet:6.0", "6.0", "2024-11-12", ""))
        .RunAsync();

    [Test]
    public Task Dotnet10_NearMiss() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:10.0\n")
        .RunAsync();

    [Test]
    public Task UnversionedImage_NoDiagnostic() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:latest\n")
        .RunAsync();

    // Issue 27: one finding per version and file, at its first image, naming the other stages.
    [Test]
    public Task OncePerVersion() => Test("net6.0")
        .WithDockerfile("FROM {|#0:mcr.microsoft.com/dotnet/sdk:6.0|} AS build\nRUN dotnet publish -o /app\nFROM mcr.microsoft.com/dotnet/aspnet:6.0 AS final\nCOPY --from=build /app .\n")
        .WithExpected(new DiagnosticResult("CTR0013", DiagnosticSeverity.Info).WithLocation(0).WithArguments("mcr.microsoft.com/dotnet/sdk:6.0", "6.0", "2024-11-12", " (stage 'final' too)"))
        .RunAsync();

    [Test]
    public Task TwoVersionsTwoFindings_NearMiss() => Test("net6.0")
        .WithDockerfile("FROM {|#0:mcr.microsoft.com/dotnet/sdk:7.0|} AS build\nRUN dotnet publish -o /app\nFROM {|#1:mcr.microsoft.com/dotnet/aspnet:6.0|}\nCOPY --from=build /app .\n")
        .WithExpected(new DiagnosticResult("CTR0013", DiagnosticSeverity.Info).WithLocation(0).WithArguments("mcr.microsoft.com/dotnet/sdk:7.0", "7.0", "2024-05-14", ""))
        .WithExpected(new DiagnosticResult("CTR0013", DiagnosticSeverity.Info).WithLocation(1).WithArguments("mcr.microsoft.com/dotnet/aspnet:6.0", "6.0", "2024-11-12", ""))
        .RunAsync();
}
