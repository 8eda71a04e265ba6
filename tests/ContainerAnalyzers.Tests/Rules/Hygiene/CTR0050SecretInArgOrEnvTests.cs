using ContainerAnalyzers.Analyzers;
using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules.Hygiene;

[TestFixture]
public sealed class CTR0050SecretInArgOrEnvTests
{
    private static DockerfileAnalyzerTest<CTR0050SecretInArgOrEnvRule> Test(string framework) => DockerfileAnalyzerTest<CTR0050SecretInArgOrEnvRule>.ForApp(framework);

    [Test]
    public Task TokenArg() => Test("net8.0")
        .WithDockerfile("ARG {|CTR0050:NUGET_TOKEN|}\nFROM mcr.microsoft.com/dotnet/sdk:8.0\n")
        .RunAsync();

    [Test]
    public Task PasswordEnv() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nENV {|CTR0050:ASPNETCORE_Kestrel__Certificates__Default__Password|}=secret\n")
        .RunAsync();

    [Test]
    public Task NuGetFeedEndpoints() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nARG {|CTR0050:VSS_NUGET_EXTERNAL_FEED_ENDPOINTS|}\n")
        .RunAsync();

    [Test]
    public Task PointersToSecrets_NearMiss() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nENV PASSWORD_FILE=/run/secrets/db TOKEN_URL=https://login.example.com\nARG DOTNET_VERSION=8.0\n")
        .RunAsync();
}
