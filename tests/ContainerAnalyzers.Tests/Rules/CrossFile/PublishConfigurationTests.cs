using ContainerAnalyzers.Rules;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules.CrossFile;

/// <summary>
/// Issue 27, section 2: the facts the rules compare with the Dockerfile are the configuration's it publishes. The
/// project sets PublishAot for Release only; the IDE evaluates Debug, and the targets hand over the Release values.
/// </summary>
[TestFixture]
public sealed class PublishConfigurationTests
{
    private static string Dockerfile(string configurationArgument) => $"""
        FROM mcr.microsoft.com/dotnet/sdk:10.0-noble-aot AS build
        {configurationArgument}
        ARG RID=linux-x64
        WORKDIR /src
        COPY . .
        RUN dotnet publish -c "$BUILD_CONFIGURATION" -r "$RID" -o /app/publish

        FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled
        WORKDIR /app
        COPY --from=build /app/publish .
        ENTRYPOINT ["./App"]

        """;

    private static EngineTest Project(bool releaseValues = true)
    {
        var test = EngineTest.ForApp("net10.0").WithDockerIgnore(true).WithProperty("Configuration", "Debug");
        return releaseValues ? test.WithProperty("ContainerAnalyzersReleaseProperties", "PublishAot=true|SelfContained=|PublishSelfContained=|PublishTrimmed=|PublishSingleFile=|InvariantGlobalization=|RuntimeIdentifier=|AssemblyName=App") : test;
    }

    [Test]
    public void TheReleaseThatTheDockerfilePublishesIsJudged()
        => Assert.That(Project().Warnings(Dockerfile("ARG BUILD_CONFIGURATION=Release")), Is.Empty, "runtime-deps fits the Release build, which is native AOT");

    [Test]
    public void ADebugPublishIsJudgedAsDebug_NearMiss()
        => Assert.That(Project().Warnings(Dockerfile("ARG BUILD_CONFIGURATION=Debug")), Has.Some.StartWith("CTR0022"), "Debug is framework-dependent: runtime-deps cannot run it");

    [Test]
    public void AnUnknownConfigurationWhoseValuesDifferIsSilent()
        => Assert.That(Project().Warnings(Dockerfile("ARG BUILD_CONFIGURATION")), Has.None.StartWith("CTR0022"));

    [Test]
    public void WithoutReleaseValuesTheEvaluatedOnesCount_NearMiss()
        => Assert.That(Project(releaseValues: false).Warnings(Dockerfile("ARG BUILD_CONFIGURATION=Release")), Has.Some.StartWith("CTR0022"), "what the package was given is all it knows");

    [Test]
    public void APublishWithoutConfigurationIsReleaseFromDotnet8()
        => Assert.That(Project().Warnings(Dockerfile("ARG BUILD_CONFIGURATION=Release").Replace("-c \"$BUILD_CONFIGURATION\" ", string.Empty, StringComparison.Ordinal)), Is.Empty);

    // Without values from a host, the project file's own text says what Release sets: no second evaluation, which a
    // Release-only import that is missing here would turn into a failed build.
    private const string ReleaseOnlyAot = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
          </PropertyGroup>
          <PropertyGroup Condition="'$(Configuration)' == 'Release'">
            <PublishAot>true</PublishAot>
          </PropertyGroup>
        </Project>
        """;

    private static EngineTest FromText(string projectText)
        => EngineTest.ForApp("net10.0", web: false).WithDockerIgnore(true).WithProperty("Configuration", "Debug").WithProject("/src/App/App.csproj", projectText);

    [Test]
    public void TheProjectFilesReleaseGroupIsRead()
        => Assert.That(FromText(ReleaseOnlyAot).Warnings(Dockerfile("ARG BUILD_CONFIGURATION=Release")), Is.Empty);

    [Test]
    public void TheProjectFilesReleaseGroupDoesNotApplyToDebug_NearMiss()
        => Assert.That(FromText(ReleaseOnlyAot).Warnings(Dockerfile("ARG BUILD_CONFIGURATION=Debug")), Has.Some.StartWith("CTR0022"));

    [TestCase("'$(Configuration)|$(Platform)' == 'Release|AnyCPU'", true)]
    [TestCase("'$(Configuration)' != 'Debug'", false)]
    [TestCase("'$(Configuration)' == 'Debug'", false)]
    public void WhatTheTextSaysOfRelease(string condition, bool known)
    {
        var text = ReleaseOnlyAot.Replace("'$(Configuration)' == 'Release'", condition, StringComparison.Ordinal);
        var values = Projects.ReleaseConfigurationText.Read(text)!;
        Assert.That(values["PublishAot"], Is.EqualTo(known ? "true" : "?"));
    }

    [Test]
    public void AnUnconditionalPropertySaysNothingOfConfigurations_NearMiss()
        => Assert.That(Projects.ReleaseConfigurationText.Read("<Project><PropertyGroup><PublishAot>true</PublishAot><Configuration>Release</Configuration></PropertyGroup></Project>"), Is.Null);
}
