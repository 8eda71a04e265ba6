using ContainerAnalyzers.Analyzers;
using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules.CrossFile;

[TestFixture]
public sealed class CTR0020RuntimeVersionMismatchTests
{
    private const string Builder = "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nRUN dotnet publish -o /app\n";

    private static DockerfileAnalyzerTest<CTR0020RuntimeVersionMismatchRule> Test(string framework = "net8.0") => DockerfileAnalyzerTest<CTR0020RuntimeVersionMismatchRule>.ForApp(framework, web: false);

    [Test]
    public Task OlderRuntime() => Test()
        .WithDockerfile(Builder + "FROM {|CTR0020:mcr.microsoft.com/dotnet/aspnet:6.0|}\nCOPY --from=build /app .\n")
        .RunAsync();

    [Test]
    public Task NewerMajorWithoutRollForward() => Test()
        .WithDockerfile(Builder + "FROM {|CTR0020:mcr.microsoft.com/dotnet/aspnet:9.0-noble-chiseled|}\nCOPY --from=build /app .\n")
        .RunAsync();

    [Test]
    public Task NewerMajorWithRollForward_NoDiagnostic() => Test()
        .WithProperty("RollForward", "Major")
        .WithDockerfile(Builder + "FROM mcr.microsoft.com/dotnet/aspnet:9.0\nCOPY --from=build /app .\n")
        .RunAsync();

    [TestCase("ARG POLICY=LatestMajor\nENV DOTNET_ROLL_FORWARD=$POLICY\n")]
    [TestCase("ARG POLICY\nENV DOTNET_ROLL_FORWARD=${POLICY}\n")]
    public Task RollForwardFromAnArgDefaultOrUnknown_NoDiagnostic(string environment) => Test()
        .WithDockerfile(Builder + "FROM mcr.microsoft.com/dotnet/aspnet:9.0\n" + environment + "COPY --from=build /app .\n")
        .RunAsync();

    [Test]
    public Task RollForwardArgDefaultThatDoesNotRollForward() => Test()
        .WithDockerfile(Builder + "FROM {|CTR0020:mcr.microsoft.com/dotnet/aspnet:9.0|}\nARG POLICY=Minor\nENV DOTNET_ROLL_FORWARD=$POLICY\nCOPY --from=build /app .\n")
        .RunAsync();

    [Test]
    public Task SameVersion_NearMiss() => Test()
        .WithDockerfile(Builder + "FROM mcr.microsoft.com/dotnet/aspnet:8.0.11-bookworm-slim\nCOPY --from=build /app .\n")
        .RunAsync();

    [Test]
    public Task ResolvedThroughArg() => Test()
        .WithDockerfile("ARG V=6.0\n" + Builder + "FROM {|CTR0020:mcr.microsoft.com/dotnet/runtime:${V}|}\nCOPY --from=build /app .\n")
        .RunAsync();

    [Test]
    public Task UnresolvableArg_NoDiagnostic() => Test()
        .WithDockerfile("ARG V\n" + Builder + "FROM mcr.microsoft.com/dotnet/runtime:${V}\nCOPY --from=build /app .\n")
        .RunAsync();

    [Test]
    public Task MultiTargetingWithoutFramework_NoDiagnostic() => Test()
        .WithProperty("TargetFramework", "net6.0").WithProperty("ContainerAnalyzersTargetFrameworks", "net6.0|net8.0")
        .WithDockerfile(Builder + "FROM mcr.microsoft.com/dotnet/aspnet:6.0\nCOPY --from=build /app .\n")
        .RunAsync();

    [Test]
    public Task MultiTargetingWithFrameworkOnPublish() => Test()
        .WithProperty("TargetFramework", "net6.0").WithProperty("ContainerAnalyzersTargetFrameworks", "net6.0|net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nRUN dotnet publish -f net8.0 -o /app\nFROM {|CTR0020:mcr.microsoft.com/dotnet/aspnet:6.0|}\nCOPY --from=build /app .\n")
        .RunAsync();

    [Test]
    public Task SelfContained_NoDiagnostic() => Test()
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nRUN dotnet publish --self-contained -o /app\nFROM mcr.microsoft.com/dotnet/runtime:6.0\nCOPY --from=build /app .\n")
        .RunAsync();

    [Test]
    public void FixRetagsKeepingTheVariant()
    {
        var fixedText = RuleFixAssert.ApplyFix(new CTR0020RuntimeVersionMismatchRule(), Builder + "FROM mcr.microsoft.com/dotnet/aspnet:6.0-bullseye-slim\n", RuleFixAssert.Properties(), "Use dotnet/aspnet:8.0-bookworm-slim");
        Assert.That(fixedText, Does.Contain("FROM mcr.microsoft.com/dotnet/aspnet:8.0-bookworm-slim\n"));
    }
}
