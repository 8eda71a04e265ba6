using ContainerAnalyzers.Analyzers;
using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules.CrossFile;

[TestFixture]
public sealed class CTR0028AotWithoutNativeToolchainTests
{
    private const string Publish = "RUN dotnet publish -c Release -o /app\n";

    private static DockerfileAnalyzerTest<CTR0028AotWithoutNativeToolchainRule> Test(bool publishAot = true) => new DockerfileAnalyzerTest<CTR0028AotWithoutNativeToolchainRule>()
        .WithProperty("TargetFramework", "net10.0").WithProperty("MSBuildProjectFullPath", "/src/App/App.csproj")
        .WithProperty("PublishAot", publishAot ? "true" : "false");

    [Test]
    public Task AotOnThePlainSdkImage() => Test()
        .WithDockerfile("FROM {|CTR0028:mcr.microsoft.com/dotnet/sdk:10.0|} AS build\n" + Publish)
        .RunAsync();

    [Test]
    public Task AotRequestedOnTheCommandLine() => Test(publishAot: false)
        .WithDockerfile("FROM {|CTR0028:mcr.microsoft.com/dotnet/sdk:10.0-noble|} AS build\nRUN dotnet publish -c Release -p:PublishAot=true -o /app\n")
        .RunAsync();

    [Test]
    public Task AotSdkImage_NearMiss() => Test()
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:10.0-noble-aot AS build\n" + Publish)
        .RunAsync();

    [Test]
    public Task NotAot_NoDiagnostic() => Test(publishAot: false)
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\n" + Publish)
        .RunAsync();

    [Test]
    public Task AotTurnedOffOnTheCommandLine_NoDiagnostic() => Test()
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nRUN dotnet publish -c Release -p:PublishAot=false -o /app\n")
        .RunAsync();

    [Test]
    public Task ToolchainInstalledInAParentStage_NoDiagnostic() => Test()
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:9.0 AS base\nRUN apt-get update && apt-get install -y clang zlib1g-dev\nFROM base AS build\n" + Publish)
        .RunAsync();

    [Test]
    public Task UnresolvableArg_NoDiagnostic() => Test()
        .WithDockerfile("ARG SDK\nFROM mcr.microsoft.com/dotnet/sdk:${SDK} AS build\n" + Publish)
        .RunAsync();

    [Test]
    public Task CustomBuilderImage_NoDiagnostic() => Test()
        .WithDockerfile("FROM contoso.azurecr.io/dotnet-aot-builder:10.0 AS build\n" + Publish)
        .RunAsync();

    [Test]
    public Task OnlyBuilds_NoDiagnostic() => Test()
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS test\nRUN dotnet test\n")
        .RunAsync();

    [TestCase("mcr.microsoft.com/dotnet/sdk:10.0", "Use dotnet/sdk:10.0-noble-aot", "mcr.microsoft.com/dotnet/sdk:10.0-noble-aot")]
    [TestCase("mcr.microsoft.com/dotnet/sdk:10.0-alpine", "Use dotnet/sdk:10.0-alpine-aot", "mcr.microsoft.com/dotnet/sdk:10.0-alpine-aot")]
    [TestCase("mcr.microsoft.com/dotnet/sdk:10.0.100-azurelinux3.0", "Use dotnet/sdk:10.0.100-azurelinux3.0-aot", "mcr.microsoft.com/dotnet/sdk:10.0.100-azurelinux3.0-aot")]
    public void FixUsesTheAotSdkImageFromDotnet10(string image, string title, string expected)
    {
        var properties = RuleFixAssert.Properties("net10.0");
        properties["PublishAot"] = "true";
        var fixedText = RuleFixAssert.ApplyFix(new CTR0028AotWithoutNativeToolchainRule(), $"FROM {image} AS build\n{Publish}", properties, title);
        Assert.That(fixedText, Does.StartWith($"FROM {expected} AS build\n"));
    }

    [TestCase("mcr.microsoft.com/dotnet/sdk:8.0", "apt-get install -y --no-install-recommends clang zlib1g-dev")]
    [TestCase("mcr.microsoft.com/dotnet/sdk:9.0-alpine", "apk add --no-cache clang build-base zlib-dev")]
    public void FixInstallsTheToolchainBeforeDotnet10(string image, string install)
    {
        var properties = RuleFixAssert.Properties("net8.0");
        properties["PublishAot"] = "true";
        var fixedText = RuleFixAssert.ApplyFix(new CTR0028AotWithoutNativeToolchainRule(), $"FROM {image} AS build\r\n{Publish.Replace("\n", "\r\n", StringComparison.Ordinal)}", properties, "Install clang and zlib in the stage");
        Assert.That(fixedText, Does.StartWith($"FROM {image} AS build\r\nRUN ").And.Contain(install));
    }
}
