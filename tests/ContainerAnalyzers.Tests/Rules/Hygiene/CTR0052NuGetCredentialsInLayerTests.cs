using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules.Hygiene;

/// <summary>CTR0052 (issue 28): a NuGet feed's password given to dotnet nuget add source lands in a layer and the history.</summary>
[TestFixture]
public sealed class CTR0052NuGetCredentialsInLayerTests
{
    private const string AddSource = "dotnet nuget add source https://pkgs.example.com/v3/index.json --name acme --username build --password \"$FEED_TOKEN\" --store-password-in-clear-text";

    private static DockerfileAnalyzerTest<CTR0052NuGetCredentialsInLayerRule> Test() => DockerfileAnalyzerTest<CTR0052NuGetCredentialsInLayerRule>.ForApp("net10.0");

    [Test]
    public Task InTheFinalImage_Warning() => Test()
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:10.0\nARG FEED_TOKEN\n{|CTR0052:RUN|} " + AddSource + "\nRUN dotnet publish -o /app\nENTRYPOINT [\"dotnet\", \"/app/App.dll\"]\n")
        .RunAsync();

    [Test]
    public Task InABuilderStage_Info() => Test()
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nARG FEED_TOKEN\nRUN " + AddSource + " && dotnet publish -o /app\n\nFROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled\nCOPY --from=build /app .\n")
        .WithExpected(new DiagnosticResult("CTR0052", DiagnosticSeverity.Info).WithSpan("/src/App/Dockerfile", 3, 1, 3, 4)
            .WithArguments("add", " of the stage 'build', which stays in the build cache and in any image built from that stage"))
        .RunAsync();

    [TestCase("RUN dotnet nuget update source acme -u build -p s3cret --store-password-in-clear-text")]
    [TestCase("RUN dotnet nuget add source https://pkgs.example.com/v3/index.json -n acme --password=s3cret")]
    public Task OtherSpellings_Reported(string run) => Test()
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:10.0\n{|CTR0052:RUN|}" + run.Substring(3) + "\n")
        .RunAsync();

    [TestCase("RUN dotnet nuget add source https://api.nuget.org/v3/index.json --name nuget.org")]
    [TestCase("RUN --mount=type=secret,id=nugetconfig dotnet restore --configfile /run/secrets/nugetconfig")]
    [TestCase("RUN dotnet nuget list source")]
    public Task NoPassword_NoDiagnostic(string run) => Test()
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:10.0\n" + run + "\n")
        .RunAsync();
}
