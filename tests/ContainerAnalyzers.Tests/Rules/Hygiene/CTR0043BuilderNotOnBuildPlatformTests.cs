using ContainerAnalyzers.Analyzers;
using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules.Hygiene;

[TestFixture]
public sealed class CTR0043BuilderNotOnBuildPlatformTests
{
    private static DockerfileAnalyzerTest<CTR0043BuilderNotOnBuildPlatformRule> Test(string framework) => DockerfileAnalyzerTest<CTR0043BuilderNotOnBuildPlatformRule>.ForApp(framework);

    [Test]
    public Task BuilderWithoutPlatform() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nRUN dotnet publish -o /app\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /app .\n")
        .WithExpected(new DiagnosticResult("CTR0043", DiagnosticSeverity.Info).WithSpan("/src/App/Dockerfile", 1, 1, 1, 47).WithArguments("build", "publish with -a $TARGETARCH"))
        .RunAsync();

    [Test]
    public Task BuilderOnBuildPlatform_NearMiss() => Test("net8.0")
        .WithDockerfile("FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nARG TARGETARCH\nRUN dotnet publish -a $TARGETARCH -o /app\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /app .\n")
        .RunAsync();

    [Test]
    public Task SingleStage_NoDiagnostic() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0\nRUN dotnet publish -o /app\n")
        .RunAsync();

    [Test]
    public Task AotBuilder_NoDiagnostic() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nRUN dotnet publish -p:PublishAot=true -o /app\nFROM mcr.microsoft.com/dotnet/runtime-deps:8.0\nCOPY --from=build /app .\n")
        .RunAsync();

    // Issue 27: -a $TARGETARCH needs the .NET 6 SDK; older builders are told to publish for a runtime identifier.
    [Test]
    public Task OldSdkIsNotToldToUseDashA() => Test("netcoreapp3.1")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:3.1 AS build\nRUN dotnet publish -o /app\nFROM mcr.microsoft.com/dotnet/aspnet:3.1\nCOPY --from=build /app .\n")
        .WithExpected(new DiagnosticResult("CTR0043", DiagnosticSeverity.Info).WithSpan("/src/App/Dockerfile", 1, 1, 1, 47)
            .WithArguments("build", "publish for the target's runtime identifier with -r (linux-x64 for amd64, linux-arm64 for arm64): -a $TARGETARCH needs the .NET 6 SDK"))
        .RunAsync();
}
