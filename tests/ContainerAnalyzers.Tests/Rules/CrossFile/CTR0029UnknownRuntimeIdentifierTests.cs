using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules.CrossFile;

[TestFixture]
public sealed class CTR0029UnknownRuntimeIdentifierTests
{
    private const string Sdk = "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\n";

    private static DockerfileAnalyzerTest<CTR0029UnknownRuntimeIdentifierRule> Test() => DockerfileAnalyzerTest<CTR0029UnknownRuntimeIdentifierRule>.ForApp("net10.0");

    [TestCase("-r linux-amd64")]
    [TestCase("--runtime linux-musl-aarch64")]
    [TestCase("-r win-x86_64")]
    [TestCase("-p:RuntimeIdentifier=linux-arm64v8")]
    public Task DockerArchitectureNames(string option) => Test()
        .WithDockerfile(Sdk + "{|CTR0029:RUN dotnet publish -c Release " + option + " -o /app|}\n")
        .RunAsync();

    [Test]
    public Task FromAnArgDefault() => Test()
        .WithDockerfile(Sdk + "ARG RID=linux-amd64\n{|CTR0029:RUN dotnet restore -r $RID|}\n")
        .RunAsync();

    [TestCase("-r linux-x64")]
    [TestCase("-r linux-musl-arm64")]
    [TestCase("--runtime win-arm64")]
    [TestCase("-r ubuntu.22.04-x64")]
    [TestCase("-r $TARGETRID")]
    [TestCase("-a $TARGETARCH")]
    [TestCase("-r browser-wasm")]
    public Task KnownDistributionOrUnknownValues_NoDiagnostic(string option) => Test()
        .WithDockerfile(Sdk + "ARG TARGETRID\nRUN dotnet publish -c Release " + option + " -o /app\n")
        .RunAsync();

    [Test]
    public Task TestAndRunAreNotJudged_NoDiagnostic() => Test()
        .WithDockerfile(Sdk + "RUN dotnet test -r linux-amd64\n")
        .RunAsync();

    [TestCase("linux-amd64", "linux-x64")]
    [TestCase("linux-musl-aarch64", "linux-musl-arm64")]
    [TestCase("linux-armv7", "linux-arm")]
    public void FixUsesTheRidMeant(string written, string meant)
    {
        var fixedText = RuleFixAssert.ApplyFix(new CTR0029UnknownRuntimeIdentifierRule(), Sdk + "RUN dotnet publish -r " + written + " -o /app\n", RuleFixAssert.Properties("net10.0"), "Use " + meant);
        Assert.That(fixedText, Is.EqualTo(Sdk + "RUN dotnet publish -r " + meant + " -o /app\n"));
    }

    [Test]
    public void NoFixForAnArchitectureWithoutAMeaning()
    {
        var finding = EngineTest.ForApp("net10.0").Analyze(Sdk + "RUN dotnet publish -r linux-sparc -o /app\n", new CTR0029UnknownRuntimeIdentifierRule()).Single();
        Assert.That(finding.Fixes, Is.Empty);
        Assert.That(finding.GetMessage(), Does.Contain("'sparc' is not a .NET architecture"));
    }
}
