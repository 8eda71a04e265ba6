using ContainerAnalyzers.Analyzers;
using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules.CrossFile;

[TestFixture]
public sealed class CTR0007DotnetRunInContainerTests
{
    private static DockerfileAnalyzerTest<CTR0007DotnetRunInContainerRule> Test() => new DockerfileAnalyzerTest<CTR0007DotnetRunInContainerRule>().WithProperty("TargetFramework", "net8.0");

    [Test]
    public Task ExecFormDotnetRun() => Test()
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0\nCOPY . .\n{|CTR0007:ENTRYPOINT [\"dotnet\", \"run\", \"--urls\", \"http://+:8080\"]|}\n")
        .RunAsync();

    [Test]
    public Task ShellFormDotnetWatch() => Test()
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0\nCOPY . .\n{|CTR0007:CMD dotnet watch run|}\n")
        .RunAsync();

    [Test]
    public Task VerbInCmdAfterDotnetEntrypoint() => Test()
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0\nENTRYPOINT [\"dotnet\"]\n{|CTR0007:CMD [\"run\"]|}\n")
        .RunAsync();

    [Test]
    public Task InheritedThroughStageChain() => Test()
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS dev\n{|CTR0007:ENTRYPOINT [\"dotnet\", \"run\"]|}\nFROM dev AS final\nENV A=1\n")
        .RunAsync();

    [Test]
    public Task PublishedAppIsFine_NearMiss() => Test()
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nENTRYPOINT [\"dotnet\", \"run.dll\"]\n")
        .RunAsync();

    [Test]
    public Task RunInBuilderStageOnly_NoDiagnostic() => Test()
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS gen\nRUN dotnet run --project Gen -- out\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n")
        .RunAsync();

    [Test]
    public Task ShellScriptWeCannotRead_NoDiagnostic() => Test()
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nENTRYPOINT [\"/bin/start.sh\"]\n")
        .RunAsync();
}
