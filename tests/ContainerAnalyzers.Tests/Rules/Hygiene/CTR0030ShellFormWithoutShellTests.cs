using ContainerAnalyzers.Analyzers;
using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules.Hygiene;

[TestFixture]
public sealed class CTR0030ShellFormWithoutShellTests
{
    private static DockerfileAnalyzerTest<CTR0030ShellFormWithoutShellRule> Test(string framework) => DockerfileAnalyzerTest<CTR0030ShellFormWithoutShellRule>.ForApp(framework);

    [Test]
    public Task ShellEntrypointOnChiseled() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled\n{|CTR0030:ENTRYPOINT dotnet App.dll|}\n")
        .RunAsync();

    [Test]
    public Task ShellHealthcheckOnDistroless() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:8.0-azurelinux3.0-distroless\n{|CTR0030:HEALTHCHECK CMD dotnet App.dll --health|}\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n")
        .RunAsync();

    [Test]
    public Task ExecForm_NearMiss() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n")
        .RunAsync();

    [Test]
    public Task BuilderStageShellForm_NoDiagnostic() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nCMD dotnet --info\nFROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n")
        .RunAsync();

    [Test]
    public Task ImageWithShell_NoDiagnostic() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nENTRYPOINT dotnet App.dll\n")
        .RunAsync();
}
