using ContainerAnalyzers.Analyzers;
using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules.Hygiene;

[TestFixture]
public sealed class CTR0042NoDockerIgnoreTests
{
    private static DockerfileAnalyzerTest<CTR0042NoDockerIgnoreRule> Test() => new DockerfileAnalyzerTest<CTR0042NoDockerIgnoreRule>()
        .WithProperty("TargetFramework", "net8.0").WithProperty("MSBuildProjectFullPath", "/src/App/App.csproj");

    [Test]
    public Task CopiesTheContextWithoutDockerIgnore() => Test()
        .WithPackageInputs(dockerIgnore: false)
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nCOPY *.csproj .\n{|CTR0042:COPY . .|}\nRUN dotnet publish -o /app\n")
        .RunAsync();

    [Test]
    public Task CopiesAFolderWithoutDockerIgnore() => Test()
        .WithPackageInputs(dockerIgnore: false)
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\n{|CTR0042:COPY src/ src/|}\n")
        .RunAsync();

    [Test]
    public Task WithDockerIgnore_NearMiss() => Test()
        .WithPackageInputs(dockerIgnore: true)
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nCOPY . .\n")
        .RunAsync();

    [Test]
    public Task CopiesOnlyFiles_NoDiagnostic() => Test()
        .WithPackageInputs(dockerIgnore: false)
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY appsettings.json .\nCOPY --from=mcr.microsoft.com/dotnet/sdk:8.0 /usr/share/dotnet /dotnet\n")
        .RunAsync();

    [Test]
    public Task InputsNotFromThePackage_NoDiagnostic() => Test()
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nCOPY . .\n")
        .RunAsync();

    // Issue 24, case 1: a host-published app copies its publish folder, not the project with its bin/ and obj/.
    [Test]
    public Task CopiesOnlyTheHostPublishOutput_NoDiagnostic() => Test()
        .WithPackageInputs(dockerIgnore: false)
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\nCOPY bin/Release/net10.0/publish/ .\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n")
        .RunAsync();

    [Test]
    public Task CopiesAFolderBesideTheProject_NoDiagnostic() => Test()
        .WithPackageInputs(dockerIgnore: false)
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:10.0\nCOPY config/ /etc/app/\n")
        .RunAsync();
}
