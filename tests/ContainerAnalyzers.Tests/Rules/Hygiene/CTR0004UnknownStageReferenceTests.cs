using ContainerAnalyzers.Analyzers;
using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules.Hygiene;

[TestFixture]
public sealed class CTR0004UnknownStageReferenceTests
{
    private static DockerfileAnalyzerTest<CTR0004UnknownStageReferenceRule> Test(string framework) => DockerfileAnalyzerTest<CTR0004UnknownStageReferenceRule>.ForApp(framework);

    [Test]
    public Task MisspeltStageInCopyFrom() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nRUN dotnet publish -o /app\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY {|CTR0004:--from=buidl|} /app .\n")
        .RunAsync();

    [Test]
    public Task StageDefinedLater() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS final\nCOPY {|CTR0004:--from=build|} /app .\nFROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\n")
        .RunAsync();

    [Test]
    public Task OwnStage() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nCOPY {|CTR0004:--from=build|} /a /b\n")
        .RunAsync();

    [Test]
    public Task IndexNotBefore() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0\nCOPY {|CTR0004:--from=1|} /a /b\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\n")
        .RunAsync();

    [Test]
    public Task FromLaterStage() => Test("net8.0")
        .WithDockerfile("FROM {|CTR0004:base|} AS final\nFROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base\n")
        .RunAsync();

    [Test]
    public Task ImageReferences_NearMiss() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\nCOPY --from=ghcr.io/org/tool /tool /tool\nCOPY --from=busybox /bin/busybox /busybox\n")
        .RunAsync();

    [Test]
    public Task EarlierStageAndIndex_NoDiagnostic() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nRUN dotnet publish -o /app\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=Build /app .\nCOPY --from=0 /app .\n")
        .RunAsync();

    [Test]
    public Task ArgReference_NoDiagnostic() => Test("net8.0")
        .WithDockerfile("ARG FROM_STAGE\nFROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=${FROM_STAGE} /app .\n")
        .RunAsync();

    [Test]
    public Task RenamedStageIsNeitherAStageNorAnOfficialImage() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS builder\nRUN dotnet publish -o /app\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY {|CTR0004:--from=publish|} /app .\n{|CTR0004:RUN --mount=type=cache,target=/root/.nuget,from=restore-cache true|}\n")
        .RunAsync();

    [Test]
    public Task OfficialImagesByPlainName_NearMiss() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /app .\nCOPY --from=docker /usr/local/bin/docker /usr/local/bin/\nCOPY --from=composer /usr/bin/composer /usr/bin/\nCOPY --from=node /usr/local/bin/node /usr/local/bin/\n")
        .RunAsync();

    [Test]
    public Task UnnamedStages_NoDiagnostic() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0\nRUN dotnet publish -o /app\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=mycompany-base /certs /certs\n")
        .RunAsync();

    [Test]
    public Task UpperCaseOrDottedWordsAreNotPlainImageNames_NoDiagnostic() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /app .\nCOPY --from=tools.local /t /t\n")
        .RunAsync();
}
