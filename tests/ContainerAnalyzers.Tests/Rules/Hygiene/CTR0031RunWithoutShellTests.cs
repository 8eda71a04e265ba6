using ContainerAnalyzers.Analyzers;
using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules.Hygiene;

[TestFixture]
public sealed class CTR0031RunWithoutShellTests
{
    private static DockerfileAnalyzerTest<CTR0031RunWithoutShellRule> Test(string framework) => DockerfileAnalyzerTest<CTR0031RunWithoutShellRule>.ForApp(framework);

    [Test]
    public Task RunOnChiseled() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled\n{|CTR0031:RUN mkdir /data|}\n")
        .RunAsync();

    [Test]
    public Task ExecFormRun_NearMiss() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled\nRUN [\"/app/migrate\"]\n")
        .RunAsync();

    [Test]
    public Task BuilderStageOnSdk_NoDiagnostic() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nRUN dotnet publish -o /app\nFROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled\nCOPY --from=build /app .\n")
        .RunAsync();

    [Test]
    public Task ShellDeclared_NoDiagnostic() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled\nSHELL [\"/busybox/sh\", \"-c\"]\nRUN mkdir /data\n")
        .RunAsync();
}
