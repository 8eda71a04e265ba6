using ContainerAnalyzers.Analyzers;
using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules;

[TestFixture]
public sealed class CTR0001NoBuilderStageTests
{
    private static DockerfileAnalyzerTest<CTR0001NoBuilderStageRule> Test() => new DockerfileAnalyzerTest<CTR0001NoBuilderStageRule>().WithProperty("TargetFramework", "net8.0");

    [Test]
    public Task SingleStagePublish() => Test()
        .WithDockerfile("""
            FROM mcr.microsoft.com/dotnet/sdk:8.0
            WORKDIR /app
            COPY . .
            {|CTR0001:RUN dotnet publish -c Release -o out|}
            ENTRYPOINT ["dotnet", "out/App.dll"]
            """)
        .RunAsync();

    [Test]
    public Task MultiStage_NoDiagnostic() => Test()
        .WithDockerfile("""
            FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build
            RUN dotnet restore && dotnet publish -o /app
            FROM mcr.microsoft.com/dotnet/runtime:8.0
            COPY --from=build /app .
            ENTRYPOINT ["dotnet", "App.dll"]
            """)
        .RunAsync();

    [Test]
    public Task InheritedThroughAliasChain() => Test()
        .WithDockerfile("""
            FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build
            RUN dotnet build
            FROM build AS publish
            RUN dotnet publish -o /app
            FROM {|CTR0001:publish|} AS final
            ENTRYPOINT ["dotnet", "/app/App.dll"]
            """)
        .RunAsync();

    [Test]
    public Task ContinuationLinesAndEmbeddedComment() => Test()
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0\n{|CTR0001:RUN apt-get update \\\n# restore first\n    && dotnet restore \\\n    && dotnet publish -o /app|}\nENTRYPOINT [\"dotnet\", \"/app/App.dll\"]\n")
        .RunAsync();

    [Test]
    public Task Heredoc() => Test()
        .WithDockerfile("# syntax=docker/dockerfile:1\nFROM mcr.microsoft.com/dotnet/sdk:8.0\n{|CTR0001:RUN <<EOF|}\ndotnet publish -o /app\nEOF\nENTRYPOINT [\"dotnet\", \"/app/App.dll\"]\n")
        .RunAsync();

    [Test]
    public Task ToolRestoreIsNotABuild_NoDiagnostic() => Test()
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0\nRUN dotnet tool restore\nENTRYPOINT [\"dotnet\", \"tool\", \"run\", \"x\"]\n")
        .RunAsync();

    [Test]
    public Task PrebuiltOutputCopied_NoDiagnostic() => Test()
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY bin/Release/net8.0/publish/ /app\nENTRYPOINT [\"dotnet\", \"/app/App.dll\"]\n")
        .RunAsync();

    [Test]
    public Task TestProject_NoDiagnostic() => Test()
        .WithProperty("IsTestProject", "true")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0\nRUN dotnet build\n")
        .RunAsync();
}
