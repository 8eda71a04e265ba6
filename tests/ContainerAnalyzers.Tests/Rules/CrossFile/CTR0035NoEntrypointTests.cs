using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules.CrossFile;

[TestFixture]
public sealed class CTR0035NoEntrypointTests
{
    private const string Builder = "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -c Release -o /app/publish\n\n";

    private static DockerfileAnalyzerTest<CTR0035NoEntrypointRule> Test(bool web = true) => DockerfileAnalyzerTest<CTR0035NoEntrypointRule>.ForApp("net10.0", web);

    [Test]
    public Task ChiseledFinalStageWithoutEntrypoint() => Test()
        .WithDockerfile(Builder + "FROM {|CTR0035:mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled|}\nWORKDIR /app\nCOPY --from=build /app/publish .\n")
        .RunAsync();

    [Test]
    public Task ThroughABaseStage() => Test(web: false)
        .WithDockerfile("FROM {|CTR0035:mcr.microsoft.com/dotnet/runtime:10.0|} AS base\nWORKDIR /app\n" + Builder + "FROM base AS final\nCOPY --from=build /app/publish .\n")
        .RunAsync();

    [TestCase("ENTRYPOINT [\"dotnet\", \"App.dll\"]\n")]
    [TestCase("CMD [\"dotnet\", \"App.dll\"]\n")]
    [TestCase("CMD dotnet App.dll\n")]
    public Task EntrypointOrCmd_NearMiss(string start) => Test()
        .WithDockerfile(Builder + "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\nCOPY --from=build /app/publish .\n" + start)
        .RunAsync();

    [Test]
    public Task InheritedEntrypoint_NoDiagnostic() => Test()
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS base\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n" + Builder + "FROM base\nCOPY --from=build /app/publish .\n")
        .RunAsync();

    [TestCase("ARG BASE\nFROM ${BASE}\n")]
    [TestCase("FROM mycompany/dotnet-base:10.0\n")]
    [TestCase("FROM mcr.microsoft.com/dotnet/sdk:10.0\n")]
    public Task UnknownOrNonRuntimeImages_NoDiagnostic(string from) => Test()
        .WithDockerfile(Builder + from + "COPY --from=build /app/publish .\n")
        .RunAsync();

    [Test]
    public Task LibraryProject_NoDiagnostic() => new DockerfileAnalyzerTest<CTR0035NoEntrypointRule>()
        .WithProperty("TargetFramework", "net10.0").WithProperty("OutputType", "Library")
        .WithDockerfile(Builder + "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nCOPY --from=build /app/publish .\n")
        .RunAsync();

    [TestCase("WORKDIR /app\nCOPY --from=build /app/publish .\n", "", "ENTRYPOINT [\"dotnet\", \"App.dll\"]\n")]
    [TestCase("COPY --from=build /app/publish /srv/app\n", "", "ENTRYPOINT [\"dotnet\", \"/srv/app/App.dll\"]\n")]
    [TestCase("WORKDIR /app\nCOPY --from=build /app/publish .\n", "--self-contained ", "ENTRYPOINT [\"./App\"]\n")]
    public void FixAddsTheEntrypointTheGeneratorWrites(string final, string selfContained, string entrypoint)
    {
        var dockerfile = Builder.Replace("-o /app/publish", selfContained + "-o /app/publish", StringComparison.Ordinal) + "FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled\n" + final;
        if (selfContained.Length == 0)
        {
            dockerfile = dockerfile.Replace("runtime-deps", "aspnet", StringComparison.Ordinal);
        }

        var fixedText = RuleFixAssert.ApplyFix(new CTR0035NoEntrypointRule(), dockerfile, RuleFixAssert.Properties("net10.0"), "Add the ENTRYPOINT");
        Assert.That(fixedText, Is.EqualTo(dockerfile + entrypoint));
    }
}
