using ContainerAnalyzers.Rules;
using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules.CrossFile;

[TestFixture]
public sealed class CTR0036CmdRepeatsEntrypointTests
{
    private const string Builder = "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -c Release -o /app/publish\n";

    private static DockerfileAnalyzerTest<CTR0036CmdRepeatsEntrypointRule> Test() => DockerfileAnalyzerTest<CTR0036CmdRepeatsEntrypointRule>.ForApp();

    [TestCase("aspnet:8.0-noble-chiseled")]
    [TestCase("aspnet:8.0-noble-chiseled-extra")]
    [TestCase("runtime:10.0-noble-chiseled")]
    [TestCase("aspnet:6.0-jammy-chiseled")]
    [TestCase("aspnet:8.0-azurelinux3.0-distroless")]
    public Task DotnetCmdOnAnImageThatStartsDotnet(string image) => Test()
        .WithDockerfile(Builder + $"FROM mcr.microsoft.com/dotnet/{image}\nWORKDIR /app\nCOPY --from=build /app/publish .\n{{|CTR0036:CMD [\"dotnet\", \"App.dll\"]|}}\n")
        .RunAsync();

    [Test]
    public Task CmdInheritedFromABaseStage() => Test()
        .WithDockerfile(Builder + "FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled AS base\n{|CTR0036:CMD [\"/usr/bin/dotnet\", \"App.dll\"]|}\nFROM base AS final\nWORKDIR /app\nCOPY --from=build /app/publish .\n")
        .RunAsync();

    [Test]
    public Task CmdRepeatsTheDockerfilesEntrypoint() => Test()
        .WithDockerfile(Builder + "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nWORKDIR /app\nCOPY --from=build /app/publish .\nENTRYPOINT [\"dotnet\"]\n{|CTR0036:CMD [\"dotnet\", \"App.dll\"]|}\n")
        .RunAsync();

    [TestCase("aspnet:8.0")]
    [TestCase("aspnet:8.0-alpine")]
    [TestCase("aspnet:8.0-noble")]
    [TestCase("runtime-deps:8.0-noble-chiseled")]
    [TestCase("sdk:8.0")]
    [TestCase("aspnet:6.0-cbl-mariner2.0-distroless")]
    public Task ImageWithoutADotnetEntrypoint_NoDiagnostic(string image) => Test()
        .WithDockerfile(Builder + $"FROM mcr.microsoft.com/dotnet/{image}\nWORKDIR /app\nCOPY --from=build /app/publish .\nCMD [\"dotnet\", \"App.dll\"]\n")
        .RunAsync();

    [Test]
    public Task ArgumentsOnlyCmd_NearMiss() => Test()
        .WithDockerfile(Builder + "FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled\nWORKDIR /app\nCOPY --from=build /app/publish .\nCMD [\"App.dll\"]\n")
        .RunAsync();

    [Test]
    public Task EntrypointAndCmdArguments_NearMiss() => Test()
        .WithDockerfile(Builder + "FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled\nWORKDIR /app\nCOPY --from=build /app/publish .\nENTRYPOINT [\"dotnet\", \"App.dll\"]\nCMD [\"--urls\", \"http://+:8080\"]\n")
        .RunAsync();

    [Test]
    public Task EntrypointInALaterStageResetsTheCmd_NoDiagnostic() => Test()
        .WithDockerfile(Builder + "FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled AS base\nCMD [\"dotnet\", \"App.dll\"]\nFROM base\nWORKDIR /app\nCOPY --from=build /app/publish .\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n")
        .RunAsync();

    [Test]
    public Task ShellFormEntrypointIgnoresCmd_NoDiagnostic() => Test()
        .WithDockerfile(Builder + "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nWORKDIR /app\nCOPY --from=build /app/publish .\nENTRYPOINT dotnet App.dll\nCMD [\"dotnet\", \"App.dll\"]\n")
        .RunAsync();

    [Test]
    public Task UnknownImage_NoDiagnostic() => Test()
        .WithDockerfile(Builder + "ARG IMAGE\nFROM $IMAGE\nWORKDIR /app\nCOPY --from=build /app/publish .\nCMD [\"dotnet\", \"App.dll\"]\n")
        .RunAsync();

    [Test]
    public void FullRepetitionOfAnAppEntrypointIsInformational()
    {
        var findings = EngineTest.ForApp().Analyze(
            Builder + "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nWORKDIR /app\nCOPY --from=build /app/publish .\nENTRYPOINT [\"dotnet\", \"App.dll\"]\nCMD [\"dotnet\", \"App.dll\"]\n",
            new CTR0036CmdRepeatsEntrypointRule());
        Assert.That(findings.Single().Severity, Is.EqualTo(RuleSeverity.Info));
        Assert.That(findings.Single().GetMessage(), Does.Contain("runs 'dotnet App.dll dotnet App.dll'"));
    }

    [Test]
    public void FixMakesTheCmdTheEntrypoint()
    {
        var dockerfile = Builder + "FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled\nWORKDIR /app\nCOPY --from=build /app/publish .\nCMD [\"dotnet\", \"App.dll\"]\n";
        var fixedText = RuleFixAssert.ApplyFix(new CTR0036CmdRepeatsEntrypointRule(), dockerfile, RuleFixAssert.Properties(), "Make the CMD the ENTRYPOINT");
        Assert.That(fixedText, Does.EndWith("COPY --from=build /app/publish .\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n"));
    }

    [Test]
    public void FixDropsTheRepeatedWords()
    {
        var dockerfile = Builder + "FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled\nWORKDIR /app\nCOPY --from=build /app/publish .\nCMD [\"dotnet\", \"App.dll\"]\n";
        var fixedText = RuleFixAssert.ApplyFix(new CTR0036CmdRepeatsEntrypointRule(), dockerfile, RuleFixAssert.Properties(), "Drop the repeated words from CMD");
        Assert.That(fixedText, Does.EndWith("\nCMD [\"App.dll\"]\n"));
    }

    [Test]
    public void FixRemovesACmdThatOnlyRepeats()
    {
        var dockerfile = Builder + "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nWORKDIR /app\nCOPY --from=build /app/publish .\nENTRYPOINT [\"dotnet\", \"App.dll\"]\nCMD [\"dotnet\", \"App.dll\"]\n";
        var fixedText = RuleFixAssert.ApplyFix(new CTR0036CmdRepeatsEntrypointRule(), dockerfile, RuleFixAssert.Properties(), "Remove the CMD");
        Assert.That(fixedText, Does.EndWith("ENTRYPOINT [\"dotnet\", \"App.dll\"]\n"));
    }
}
