using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;
using static ContainerAnalyzers.Tests.Rules.Compose.ComposeTexts;

namespace ContainerAnalyzers.Tests.Rules.Compose;

/// <summary>
/// The compose rules through the Roslyn host, as the package runs them: a compose file handed over as an additional
/// file of kind Compose, diagnostics located in it, and the app's own code read from the compilation.
/// </summary>
[TestFixture]
public sealed class ComposeAnalyzerTests
{
    private const string ListensOn80 = """
        public static class Kestrel
        {
            public static void Configure(Options options) => options.ListenAnyIP(80);
        }

        public sealed class Options
        {
            public void ListenAnyIP(int port) { }
        }
        """;

    // CTR0065 through the compiler: the code's AddCookie() is found in the C# trees, and the finding is on the service.
    [Test]
    public Task DataProtectionKeys_FoundInTheCodeAndReportedOnTheService() => DockerfileAnalyzerTest<CTR0065DataProtectionKeysLostRule>.ForApp()
        .WithDockerfile(Chiseled8)
        .WithSource("public static class Startup { public static void Configure(Services services) => services.AddCookie(); }\npublic sealed class Services { public Services AddCookie() => this; }")
        .WithComposeFile("services:\n  {|CTR0065:web|}:\n    build: .\n")
        .WithPackageInputs(dockerIgnore: true)
        .RunAsync();

    [Test]
    public Task DataProtectionKeys_ViewsAlone_NoDiagnostic() => DockerfileAnalyzerTest<CTR0065DataProtectionKeysLostRule>.ForApp()
        .WithDockerfile(Chiseled8)
        .WithSource("public static class Startup { public static void Configure(Services services) => services.AddControllersWithViews().AddCookiePolicy().UseAntiforgery(); }\npublic sealed class Services { public Services AddControllersWithViews() => this; public Services AddCookiePolicy() => this; public Services UseAntiforgery() => this; }")
        .WithComposeFile("services:\n  web:\n    build: .\n")
        .WithPackageInputs(dockerIgnore: true)
        .RunAsync();

    [Test]
    public Task DataProtectionKeys_PersistedByTheCode_NoDiagnostic() => DockerfileAnalyzerTest<CTR0065DataProtectionKeysLostRule>.ForApp()
        .WithDockerfile(Chiseled8)
        .WithSource("public static class Startup { public static void Configure(Services services) => services.AddCookie().PersistKeysToFileSystem(\"/keys\"); }\npublic sealed class Services { public Services AddCookie() => this; public Services PersistKeysToFileSystem(string path) => this; }")
        .WithComposeFile("services:\n  web:\n    build: .\n")
        .WithPackageInputs(dockerIgnore: true)
        .RunAsync();

    [Test]
    public Task PortRule_LocatedInTheComposeFile() => DockerfileAnalyzerTest<CTR0060PublishedPortNotListeningRule>.ForApp()
        .WithDockerfile(Aspnet8)
        .WithComposeFile("services:\n  web:\n    build: .\n    ports:\n      - \"5000:{|CTR0060:80|}\"\n")
        .WithPackageInputs(dockerIgnore: true)
        .RunAsync();

    [Test]
    public Task PortRule_ServiceInAParentFolder() => DockerfileAnalyzerTest<CTR0060PublishedPortNotListeningRule>.ForApp()
        .WithDockerfile(Aspnet8)
        .WithComposeFile("services:\n  web:\n    build:\n      context: App\n    ports:\n      - {|CTR0060:80|}\n", "/src/compose.yaml")
        .WithPackageInputs(dockerIgnore: true)
        .RunAsync();

    [Test]
    public Task PortRule_CodePinsTheMappedPort_NoDiagnostic() => DockerfileAnalyzerTest<CTR0060PublishedPortNotListeningRule>.ForApp()
        .WithDockerfile(Aspnet8)
        .WithSource(ListensOn80)
        .WithComposeFile("services:\n  web:\n    build: .\n    ports:\n      - \"80:80\"\n")
        .WithPackageInputs(dockerIgnore: true)
        .RunAsync();

    [Test]
    public Task PortRule_CodePinsAnotherPort() => DockerfileAnalyzerTest<CTR0060PublishedPortNotListeningRule>.ForApp()
        .WithDockerfile(Aspnet8)
        .WithSource(ListensOn80)
        .WithComposeFile("services:\n  web:\n    build: .\n    ports:\n      - \"8080:{|CTR0060:8080|}\"\n")
        .WithPackageInputs(dockerIgnore: true)
        .RunAsync();

    [Test]
    public Task PortRule_AppSettingsEndpoint() => DockerfileAnalyzerTest<CTR0060PublishedPortNotListeningRule>.ForApp()
        .WithDockerfile(Aspnet8)
        .WithAppSettings("{\n  // Kestrel\n  \"Kestrel\": { \"Endpoints\": { \"Http\": { \"Url\": \"http://*:5000\" } } },\n}")
        .WithComposeFile("services:\n  web:\n    build: .\n    ports:\n      - \"5000:5000\"\n      - \"8080:{|CTR0060:8080|}\"\n")
        .WithPackageInputs(dockerIgnore: true)
        .RunAsync();

    [Test]
    public Task SyntaxError_OneDiagnostic() => DockerfileAnalyzerTest<CTR0091ComposeSyntaxErrorRule>.ForApp()
        .WithDockerfile(Aspnet8)
        // An unclosed flow sequence: the parser knows only at the end of the file.
        .WithComposeFile("services:\n  web:\n    build: .\n    ports: [80\n{|CTR0091:|}")
        .WithPackageInputs(dockerIgnore: true)
        .RunAsync();
}
