using ContainerAnalyzers.Analyzers;
using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules.CrossFile;

[TestFixture]
public sealed class CTR0026ExposedPortNotListeningTests
{
    private static DockerfileAnalyzerTest<CTR0026ExposedPortNotListeningRule> Test() => DockerfileAnalyzerTest<CTR0026ExposedPortNotListeningRule>.ForApp();

    [Test]
    public Task Port80OnDotnet8() => Test()
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nEXPOSE {|CTR0026:80|} {|CTR0026:443|}\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n")
        .RunAsync();

    [Test]
    public Task Port8080OnDotnet6() => Test()
        .WithProperty("TargetFramework", "net6.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:6.0\nEXPOSE {|CTR0026:8080/tcp|}\n")
        .RunAsync();

    [Test]
    public Task ListeningPortExposed_NearMiss() => Test()
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nEXPOSE 8080 443\n")
        .RunAsync();

    [Test]
    public Task PortsSetByEnvironment_NoDiagnostic() => Test()
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nENV ASPNETCORE_HTTP_PORTS=80\nEXPOSE 80\n")
        .RunAsync();

    [Test]
    public Task UrlsOnTheCommandLine_NoDiagnostic() => Test()
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nEXPOSE 80\nENTRYPOINT [\"dotnet\", \"App.dll\", \"--urls\", \"http://+:80\"]\n")
        .RunAsync();

    [Test]
    public Task ConsoleApp_NoDiagnostic() => Test()
        .WithProperty("UsingMicrosoftNETSdkWeb", "false")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/runtime:8.0\nEXPOSE 80\n")
        .RunAsync();

    [Test]
    public Task UnknownImage_NoDiagnostic() => Test()
        .WithDockerfile("ARG BASE\nFROM ${BASE}\nEXPOSE 80\n")
        .RunAsync();
}
