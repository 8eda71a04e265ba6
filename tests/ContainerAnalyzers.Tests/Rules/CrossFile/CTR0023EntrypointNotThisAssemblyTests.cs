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

    private const string Final = "FROM mcr.microsoft.com/dotnet/runtime-deps:8.0\nWORKDIR /app\nCOPY --from=build /app/publish .\n";

    [TestCase("-p:PublishSingleFile=true -r linux-x64 --self-contained")]
    [TestCase("/p:PublishAot=true -r linux-x64")]
    public Task DllAfterASingleFileOrAotPublish(string options) => Test()
        .WithDockerfile($"FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nRUN dotnet publish {options} -o /app/publish\n" + Final + "ENTRYPOINT [\"dotnet\", {|CTR0023:\"Contoso.Api.dll\"|}]\n")
        .RunAsync();

    [Test]
    public Task DllAfterAProjectThatPublishesAot() => Test()
        .WithProperty("PublishAot", "true")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nRUN dotnet publish -r linux-x64 -o /app/publish\n" + Final + "ENTRYPOINT [\"dotnet\", {|CTR0023:\"/app/Contoso.Api.dll\"|}]\n")
        .RunAsync();

    [Test]
    public Task ExecutableAfterASingleFilePublish_NearMiss() => Test()
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nRUN dotnet publish -p:PublishSingleFile=true -r linux-x64 --self-contained -o /app/publish\n" + Final + "ENTRYPOINT [\"./Contoso.Api\"]\n")
        .RunAsync();

    [Test]
    public Task SingleFileSwitchedOffOnTheCommandLine_NearMiss() => Test()
        .WithProperty("PublishSingleFile", "true")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nRUN dotnet publish -p:PublishSingleFile=false -o /app/publish\n" + Builder.Substring(Builder.IndexOf("FROM mcr.microsoft.com/dotnet/aspnet", StringComparison.Ordinal)) + "ENTRYPOINT [\"dotnet\", \"Contoso.Api.dll\"]\n")
        .RunAsync();

    [Test]
    public Task SingleFileFromAVariable_NoDiagnostic() => Test()
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nARG SINGLE\nWORKDIR /src\nRUN dotnet publish -p:PublishSingleFile=$SINGLE -r linux-x64 -o /app/publish\n" + Final + "ENTRYPOINT [\"dotnet\", \"Contoso.Api.dll\"]\n")
        .RunAsync();

    [Test]
    public Task ExecutableAfterAPublishWithoutAppHost() => Test()
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nRUN dotnet publish -p:UseAppHost=false -o /app/publish\n" + Builder.Substring(Builder.IndexOf("FROM mcr.microsoft.com/dotnet/aspnet", StringComparison.Ordinal)) + "ENTRYPOINT [{|CTR0023:\"./Contoso.Api\"|}]\n")
        .RunAsync();

    [Test]
    public void FixStartsTheSingleFileExecutable()
    {
        var properties = RuleFixAssert.Properties();
        var dockerfile = "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nRUN dotnet publish -p:PublishSingleFile=true -r linux-x64 --self-contained -o /app/publish\n" + Final + "ENTRYPOINT [\"dotnet\", \"App.dll\"]\n";
        var fixedText = RuleFixAssert.ApplyFix(new CTR0023EntrypointNotThisAssemblyRule(), dockerfile, properties, "Start ./App");
        Assert.That(fixedText, Does.EndWith("ENTRYPOINT [\"./App\"]\n"));
    }

    [Test]
    public void FixStartsTheDllWithDotnetWithoutAppHost()
    {
        var properties = RuleFixAssert.Properties();
        var dockerfile = "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nRUN dotnet publish -p:UseAppHost=false -o /app/publish\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nWORKDIR /app\nCOPY --from=build /app/publish .\nENTRYPOINT [\"/app/App\", \"--verbose\"]\n";
        var fixedText = RuleFixAssert.ApplyFix(new CTR0023EntrypointNotThisAssemblyRule(), dockerfile, properties, "Start /app/App.dll with dotnet");
        Assert.That(fixedText, Does.EndWith("ENTRYPOINT [\"dotnet\", \"/app/App.dll\", \"--verbose\"]\n"));
    }
}
