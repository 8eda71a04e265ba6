using ContainerAnalyzers.Analyzers;
using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules.CrossFile;

[TestFixture]
public sealed class CTR0023EntrypointNotThisAssemblyTests
{
    private const string Builder = "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nRUN dotnet publish -o /app/publish\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nWORKDIR /app\nCOPY --from=build /app/publish .\n";

    private static DockerfileAnalyzerTest<CTR0023EntrypointNotThisAssemblyRule> Test() => new DockerfileAnalyzerTest<CTR0023EntrypointNotThisAssemblyRule>()
        .WithProperty("TargetFramework", "net8.0").WithProperty("MSBuildProjectFullPath", "/src/App/Contoso.Api.csproj").WithProperty("MSBuildProjectName", "Contoso.Api").WithProperty("OutputType", "Exe");

    [Test]
    public Task WrongDllName() => Test()
        .WithDockerfile(Builder + "ENTRYPOINT [\"dotnet\", {|CTR0023:\"WebApplication1.dll\"|}]\n")
        .RunAsync();

    [Test]
    public Task CaseMatters() => Test()
        .WithDockerfile(Builder + "ENTRYPOINT [\"dotnet\", {|CTR0023:\"contoso.api.dll\"|}]\n")
        .RunAsync();

    [Test]
    public Task AssemblyNameWins() => Test()
        .WithProperty("AssemblyName", "Api")
        .WithDockerfile(Builder + "ENTRYPOINT [\"dotnet\", {|CTR0023:\"Contoso.Api.dll\"|}]\n")
        .RunAsync();

    [Test]
    public Task WrongFolder() => Test()
        .WithDockerfile(Builder + "ENTRYPOINT [\"dotnet\", {|CTR0023:\"out/Contoso.Api.dll\"|}]\n")
        .RunAsync();

    [Test]
    public Task RightNameAndFolder_NearMiss() => Test()
        .WithDockerfile(Builder + "ENTRYPOINT [\"dotnet\", \"/app/Contoso.Api.dll\"]\n")
        .RunAsync();

    [Test]
    public Task VariableName_NoDiagnostic() => Test()
        .WithDockerfile(Builder + "ENV APP=Contoso.Api\nENTRYPOINT dotnet $APP.dll\n")
        .RunAsync();

    [Test]
    public Task ScriptEntrypoint_NoDiagnostic() => Test()
        .WithDockerfile(Builder + "ENTRYPOINT [\"./start.sh\"]\n")
        .RunAsync();

    [Test]
    public Task DockerfileOfAnotherProject_NoDiagnostic() => Test()
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nRUN dotnet publish Orders.csproj -o /app\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /app .\nENTRYPOINT [\"dotnet\", \"Orders.dll\"]\n")
        .RunAsync();

    [Test]
    public void FixCorrectsTheName()
    {
        var properties = RuleFixAssert.Properties();
        properties["AssemblyName"] = "App";
        var fixedText = RuleFixAssert.ApplyFix(new CTR0023EntrypointNotThisAssemblyRule(), Builder + "ENTRYPOINT [\"dotnet\", \"Old.dll\"]\n", properties, "Start App.dll");
        Assert.That(fixedText, Does.EndWith("ENTRYPOINT [\"dotnet\", \"App.dll\"]\n"));
    }
}
