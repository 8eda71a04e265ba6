using ContainerAnalyzers.Analyzers;
using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules.Hygiene;

[TestFixture]
public sealed class CTR0041DebugBuildShippedTests
{
    private static DockerfileAnalyzerTest<CTR0041DebugBuildShippedRule> Test(string framework) => DockerfileAnalyzerTest<CTR0041DebugBuildShippedRule>.ForApp(framework);

    [Test]
    public Task PublishDebug() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\n{|CTR0041:RUN dotnet publish -c Debug -o /app|}\n")
        .RunAsync();

    [Test]
    public Task OldFrameworkWithoutConfiguration() => Test("net6.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:6.0 AS build\n{|CTR0041:RUN dotnet publish -o /app|}\n")
        .RunAsync();

    [Test]
    public Task Net8DefaultsToRelease_NearMiss() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nRUN dotnet publish -o /app\n")
        .RunAsync();

    [Test]
    public Task DebugTestsInBuilder_NoDiagnostic() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS test\nRUN dotnet test -c Debug\nRUN dotnet build -c Debug\n")
        .RunAsync();

    // ARG defaults and ENV values reach the command the way BuildKit scopes them (issue 18).
    [TestCase("ARG build_configuration=Debug\n", "${build_configuration}")]
    [TestCase("ARG CONFIGURATION=Debug\n", "$CONFIGURATION")]
    [TestCase("ENV CONFIGURATION=Debug\n", "$CONFIGURATION")]
    [TestCase("ARG MODE=debug\nENV CONFIGURATION=${MODE}\n", "\"$CONFIGURATION\"")]
    [TestCase("ARG CONFIGURATION=\n", "${CONFIGURATION:-Debug}")]
    [TestCase("ARG RELEASE=\n", "${RELEASE:+Release}Debug")]
    public Task ConfigurationFromAnArgOrEnvDefault(string declarations, string configuration) => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\n" + declarations + "{|CTR0041:RUN dotnet publish -c " + configuration + " -o /app|}\n")
        .RunAsync();

    [Test]
    public Task GlobalArgRedeclaredInTheStage() => Test("net8.0")
        .WithDockerfile("ARG CONFIGURATION=Debug\nFROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nARG CONFIGURATION\n{|CTR0041:RUN dotnet publish -c $CONFIGURATION -o /app|}\n")
        .RunAsync();

    [Test]
    public Task EnvInheritedFromTheParentStage() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS base\nENV CONFIGURATION=Debug\nFROM base AS build\n{|CTR0041:RUN dotnet publish -c $CONFIGURATION -o /app|}\n")
        .RunAsync();

    [TestCase("ARG CONFIGURATION=Debug\nFROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nRUN dotnet publish -c $CONFIGURATION -o /app\n")]
    [TestCase("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nARG CONFIGURATION\nRUN dotnet publish -c $CONFIGURATION -o /app\n")]
    [TestCase("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS base\nARG CONFIGURATION=Debug\nFROM base AS build\nRUN dotnet publish -c $CONFIGURATION -o /app\n")]
    [TestCase("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nRUN dotnet publish -c $CONFIGURATION -o /app\n")]
    [TestCase("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nARG CONFIGURATION=Debug\nRUN [\"dotnet\", \"publish\", \"-c\", \"$CONFIGURATION\"]\n")]
    [TestCase("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nARG CONFIGURATION=Debug\nRUN dotnet publish -c '$CONFIGURATION' -o /app\n")]
    [TestCase("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nARG CONFIGURATION=Debug\nARG CONFIGURATION=Release\nRUN dotnet publish -c $CONFIGURATION -o /app\n")]
    public Task UnknownOrOutOfScopeValues_NoDiagnostic(string dockerfile) => Test("net8.0")
        .WithDockerfile(dockerfile)
        .RunAsync();
}
