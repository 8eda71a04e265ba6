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
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:6.0\nEXPOSE {|CTR0026:8080/tcp|}\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n")
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

    [Test]
    public Task AppSettingsUrls_Decide() => Test()
        .WithAppSettings("{ \"urls\": \"http://+:5000\" }")
        .WithPackageInputs(dockerIgnore: true)
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nEXPOSE {|CTR0026:8080|}\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n")
        .RunAsync();

    [Test]
    public Task CodeListensOnTheExposedPort_NoDiagnostic() => Test()
        .WithSource("public sealed class Options { public void ListenAnyIP(int port) { } public void Configure() => ListenAnyIP(8081); }")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nEXPOSE 8081\n")
        .RunAsync();

    // Issue 26: a port that is no literal. One from a parameter has no constant to read, so the file is not bound to find
    // out and the port stays unknown; a constant's name is still read (8081, not the default 8080).
    [TestCase("public void Configure(int port) => ListenAnyIP(port);", "EXPOSE 80")]
    [TestCase("private const int Port = 8081; public void Configure() => ListenAnyIP(Port);", "EXPOSE {|CTR0026:8080|}")]
    public Task CodeListensOnAPortThatIsNoLiteral(string members, string expose) => Test()
        .WithSource("public sealed class Options { public void ListenAnyIP(int port) { } " + members + " }")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:8.0\n" + expose + "\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n")
        .RunAsync();

    // Issue 19: the code pins port 80 and the chiseled image runs as the non-root 'app' user.
    [Test]
    public Task NonRootUserOnAPortBelow1024_ReportedOnTheExposedPort() => Test()
        .WithSource("public sealed class Options { public void ListenAnyIP(int port) { } public void Configure() => ListenAnyIP(80); }")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled\nEXPOSE {|CTR0026:80|}\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n")
        .RunAsync();

    [Test]
    public Task NonRootUserOnAPortBelow1024_ReportedOnTheUser() => Test()
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nENV ASPNETCORE_HTTP_PORTS=80\n{|CTR0026:USER $APP_UID|}\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n")
        .RunAsync();

    [Test]
    public Task EntrypointScript_NoDiagnostic() => Test()
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nEXPOSE 80\nENTRYPOINT [\"/app/docker-entrypoint.sh\"]\n")
        .RunAsync();

    [Test]
    public Task RootOnAPortBelow1024_NoDiagnostic() => Test()
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nENV ASPNETCORE_HTTP_PORTS=80\nEXPOSE 80\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n")
        .RunAsync();
}
