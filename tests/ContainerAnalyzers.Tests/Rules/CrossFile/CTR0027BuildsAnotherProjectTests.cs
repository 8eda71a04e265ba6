using ContainerAnalyzers.Analyzers;
using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules.CrossFile;

[TestFixture]
public sealed class CTR0027BuildsAnotherProjectTests
{
    private static DockerfileAnalyzerTest<CTR0027BuildsAnotherProjectRule> Test() => new DockerfileAnalyzerTest<CTR0027BuildsAnotherProjectRule>()
        .WithProperty("TargetFramework", "net8.0").WithProperty("MSBuildProjectFullPath", "/src/Billing/Billing.Api.csproj");

    [Test]
    public Task CopiedFromAnotherProject() => Test()
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nCOPY {|CTR0027:Orders.Api.csproj|} .\nRUN dotnet restore\nCOPY . .\nRUN dotnet publish Orders.Api.csproj -o /app\n")
        .RunAsync();

    [Test]
    public Task PublishNamesAnotherProject() => Test()
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nCOPY . .\n{|CTR0027:RUN dotnet publish src/Orders/Orders.csproj -c Release -o /app|}\n")
        .RunAsync();

    [Test]
    public Task SolutionRootDockerfileThatBuildsThisProject_NearMiss() => Test()
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nCOPY [\"src/Shared/Shared.csproj\", \"src/Shared/\"]\nCOPY [\"src/Billing/Billing.Api.csproj\", \"src/Billing/\"]\nRUN dotnet restore \"src/Billing/Billing.Api.csproj\"\n")
        .RunAsync();

    [Test]
    public Task NoProjectNamed_NoDiagnostic() => Test()
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nCOPY *.csproj .\nRUN dotnet restore\nCOPY . .\nRUN dotnet publish -o /app\n")
        .RunAsync();

    [Test]
    public Task VariableProject_NoDiagnostic() => Test()
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nARG PROJECT=Orders.csproj\nRUN dotnet publish $PROJECT -o /app\n")
        .RunAsync();
}
