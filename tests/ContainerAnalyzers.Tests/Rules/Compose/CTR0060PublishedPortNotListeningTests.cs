using ContainerAnalyzers.Rules;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;
using static ContainerAnalyzers.Tests.Rules.Compose.ComposeTexts;

namespace ContainerAnalyzers.Tests.Rules.Compose;

[TestFixture]
public sealed class CTR0060PublishedPortNotListeningTests
{
    private static IReadOnlyList<RuleFinding> Analyze(string dockerfile, string compose, EngineTest? test = null, string path = "/src/App/docker-compose.yml", params (string, string)[] others)
        => (test ?? EngineTest.ForApp()).AnalyzeCompose(dockerfile, compose, path, others).Where(f => f.Rule.Id == "CTR0060").ToList();

    [Test]
    public void Net8ImageMappedToPort80_Reported_AndFixedToListeningPort()
    {
        var compose = Service("ports:\n  - \"5000:80\"");
        var finding = Analyze(Aspnet8, compose).Single();
        Assert.That(compose.Substring(finding.Span.Start, finding.Span.Length), Is.EqualTo("80"));
        Assert.That(finding.GetMessage(), Does.Contain("listens on 8080 (ASPNETCORE_HTTP_PORTS of the image)"));
        Assert.That(finding.Fixes.Single().ApplyTo(compose), Does.Contain("- \"5000:8080\""));
    }

    [Test]
    public void Net6ImageMappedTo8080_Reported() => Assert.That(Analyze(Aspnet6, Service("ports:\n  - 8080:8080"), EngineTest.ForApp("net6.0")).Single().GetMessage(), Does.Contain("listens on 80"));

    [TestCase("ports:\n  - target: 80\n    published: 5000", "80")]
    [TestCase("ports:\n  - \"127.0.0.1:80:80/tcp\"", "80")]
    [TestCase("ports:\n  - \"${HOST_PORT:-80}:80\"", "80")]
    [TestCase("ports:\n  - \"80\"", "80")]
    public void OtherSyntaxes_Reported(string lines, string port)
    {
        var compose = Service(lines);
        var finding = Analyze(Aspnet8, compose).Single();
        Assert.That(compose.Substring(finding.Span.Start, finding.Span.Length), Is.EqualTo(port));
    }

    [TestCase("ports:\n  - \"5000:8080\"")]
    [TestCase("ports:\n  - \"80:${APP_PORT}\"")]
    [TestCase("ports:\n  - \"8000-8001:8000-8001\"")]
    [TestCase("ports:\n  - \"53:53/udp\"")]
    [TestCase("ports:\n  - \"80:80\"\nenvironment:\n  ASPNETCORE_HTTP_PORTS: \"80\"")]
    [TestCase("ports:\n  - \"80:80\"\nenvironment:\n  - ASPNETCORE_URLS=http://+:80")]
    [TestCase("ports:\n  - \"80:80\"\nenvironment:\n  ASPNETCORE_HTTP_PORTS: ${PORT}")]
    [TestCase("ports:\n  - \"80:80\"\nenvironment:\n  - ASPNETCORE_URLS")]
    [TestCase("ports:\n  - \"80:80\"\nenv_file: .env")]
    [TestCase("ports:\n  - \"80:80\"\ncommand: [\"--urls\", \"http://+:80\"]")]
    [TestCase("ports:\n  - \"80:80\"\nenvironment:\n  Kestrel__Endpoints__Http__Url: http://+:80")]
    [TestCase("ports:\n  - \"80:80\"\nnetwork_mode: host")]
    [TestCase("ports:\n  - \"80:80\"\nentrypoint: [\"sh\", \"-c\", \"dotnet App.dll --urls http://+:80\"]")]
    [TestCase("ports:\n  - \"80:80\"\nentrypoint: [\"./start.sh\"]")]
    [TestCase("ports:\n  - \"80:80\"\ncommand: [\"--urls=http://+:${PORT}\"]")]
    public void ListeningPortOrUnknown_NotReported(string lines) => Assert.That(Analyze(Aspnet8, Service(lines)), Is.Empty);

    [Test]
    public void SdkImage8_ListensOn8080_Reported()
        => Assert.That(Analyze("FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -o /app\nENTRYPOINT [\"dotnet\", \"/app/App.dll\"]\n", Service("ports:\n  - 80:80")), Has.Count.EqualTo(1));

    [Test]
    public void SdkImage6_ClearsTheUrls_NotReported()
        => Assert.That(Analyze("FROM mcr.microsoft.com/dotnet/sdk:6.0\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -o /app\nENTRYPOINT [\"dotnet\", \"/app/App.dll\"]\n", Service("ports:\n  - 8080:8080"), EngineTest.ForApp("net6.0")), Is.Empty);

    [Test]
    public void EntrypointScriptOfTheImage_NotReported()
        => Assert.That(Analyze(Builder + "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nWORKDIR /app\nCOPY --from=build /app/publish .\nCOPY start.sh .\nENTRYPOINT [\"./start.sh\"]\n", Service("ports:\n  - 80:80")), Is.Empty);

    [Test]
    public void ApphostEntrypoint_Reported()
        => Assert.That(Analyze(Builder + "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nWORKDIR /app\nCOPY --from=build /app/publish .\nENTRYPOINT [\"./App\"]\n", Service("ports:\n  - 80:80")), Has.Count.EqualTo(1));

    [Test]
    public void DockerfileSetsThePort_NotReported()
        => Assert.That(Analyze(OnImage("mcr.microsoft.com/dotnet/aspnet:8.0", "ENV ASPNETCORE_HTTP_PORTS=80\n"), Service("ports:\n  - 80:80")), Is.Empty);

    [Test]
    public void DockerfileSetsUrlsFromAnArgTheServiceOverrides_NotReported()
        => Assert.That(Analyze(OnImage("mcr.microsoft.com/dotnet/aspnet:8.0", "ARG PORT=8080\nENV ASPNETCORE_URLS=http://+:${PORT}\n"), Service("build:\n  context: .\n  args:\n    PORT: \"80\"\nports:\n  - 80:80")), Is.Empty);

    [Test]
    public void CodeListensOnTheMappedPort_NotReported()
        => Assert.That(Analyze(Aspnet8, Service("ports:\n  - 80:80"), EngineTest.ForApp().WithSource(CodeSource.Listening(80))), Is.Empty);

    [Test]
    public void CodeListensElsewhere_Reported()
        => Assert.That(Analyze(Aspnet8, Service("ports:\n  - 8080:8080"), EngineTest.ForApp().WithSource(CodeSource.Listening(80, 443))).Single().GetMessage(), Does.Contain("listens on 80, 443 (Kestrel endpoints in the code)"));

    [Test]
    public void CodeBindsSomewhereUnknown_NotReported()
        => Assert.That(Analyze(Aspnet8, Service("ports:\n  - 80:80"), EngineTest.ForApp().WithSource(new CodeSource(CodeEndpoints.Unknown))), Is.Empty);

    [Test]
    public void SourcesNotAvailable_NotReported()
        => Assert.That(Analyze(Aspnet8, Service("ports:\n  - 80:80"), EngineTest.ForApp().WithSource(SourceEvidence.None)), Is.Empty);

    [Test]
    public void AppSettingsKestrelEndpoint_Decides()
    {
        var settings = "{ \"Kestrel\": { \"Endpoints\": { \"Http\": { \"Url\": \"http://0.0.0.0:5000\" } } } }";
        Assert.That(Analyze(Aspnet8, Service("ports:\n  - 5000:5000"), EngineTest.ForApp().WithAppSettings(settings)), Is.Empty);
        Assert.That(Analyze(Aspnet8, Service("ports:\n  - 8080:8080"), EngineTest.ForApp().WithAppSettings(settings)), Has.Count.EqualTo(1));
    }

    [Test]
    public void AppSettingsOfAnotherEnvironment_Ignored_UnlessTheServiceRunsIt()
    {
        var settings = "{ \"urls\": \"http://+:5000\" }";
        Assert.That(Analyze(Aspnet8, Service("ports:\n  - 80:80"), EngineTest.ForApp().WithAppSettings(settings, "appsettings.Development.json")), Has.Count.EqualTo(1));
        Assert.That(Analyze(Aspnet8, Service("ports:\n  - 5000:5000\nenvironment:\n  ASPNETCORE_ENVIRONMENT: Development"), EngineTest.ForApp().WithAppSettings(settings, "appsettings.Development.json")), Is.Empty);
    }

    [Test]
    public void AppSettingsWithComments_Unknown_NotReported()
        => Assert.That(Analyze(Aspnet8, Service("ports:\n  - 80:80"), EngineTest.ForApp().WithAppSettings("{\n  // where we listen\n  \"urls\": \"http://+:80\",\n}")), Is.Empty);

    [Test]
    public void OverrideFileSetsThePort_NotReported_InEitherFile()
    {
        var baseFile = Service("ports:\n  - 80:80");
        var overrideFile = "services:\n  web:\n    environment:\n      - ASPNETCORE_HTTP_PORTS=80\n";
        Assert.That(Analyze(Aspnet8, baseFile, null, "/src/App/docker-compose.yml", ("/src/App/docker-compose.override.yml", overrideFile)), Is.Empty);
        Assert.That(Analyze(Aspnet8, overrideFile, null, "/src/App/docker-compose.override.yml", ("/src/App/docker-compose.yml", baseFile)), Is.Empty);
    }

    // Issue 27: one wrong port, one finding. The same mapping in the base file and its override is one port to compose.
    [Test]
    public void SameMappingInTheBaseAndTheOverride_ReportedOnce()
    {
        var baseFile = Service("ports:\n  - 5000:80");
        var overrideFile = "services:\n  web:\n    ports:\n      - 5000:80\n";
        var inBase = Analyze(Aspnet8, baseFile, null, "/src/App/docker-compose.yml", ("/src/App/docker-compose.override.yml", overrideFile));
        var inOverride = Analyze(Aspnet8, overrideFile, null, "/src/App/docker-compose.override.yml", ("/src/App/docker-compose.yml", baseFile));
        Assert.That(inBase.Count + inOverride.Count, Is.EqualTo(1));
        Assert.That(inOverride, Has.Count.EqualTo(1), "the override's copy stands");
    }

    [Test]
    public void MappingInTheOverrideFile_ReportedThereOnly()
    {
        var baseFile = "services:\n  web:\n    build: .\n";
        var overrideFile = "services:\n  web:\n    ports:\n      - 80:80\n";
        Assert.That(Analyze(Aspnet8, baseFile, null, "/src/App/compose.yaml", ("/src/App/compose.override.yaml", overrideFile)), Is.Empty);
        Assert.That(Analyze(Aspnet8, overrideFile, null, "/src/App/compose.override.yaml", ("/src/App/compose.yaml", baseFile)), Has.Count.EqualTo(1));
    }

    [Test]
    public void AnotherFileOfTheFolderConfiguresTheService_NotReported()
        => Assert.That(Analyze(Aspnet8, Service("ports:\n  - 80:80"), null, "/src/App/docker-compose.yml", ("/src/App/docker-compose.prod.yml", "services:\n  web:\n    environment:\n      ASPNETCORE_HTTP_PORTS: \"80\"\n")), Is.Empty);

    // Issue 27: a folder with several compose files does not switch the rule off; each group is judged as compose runs
    // it by default, unless another file can change where the app listens for the service.
    [TestCase("services:\n  web:\n    image: registry.example.com/web:1.2\n    deploy:\n      replicas: 3\n")]
    [TestCase("services:\n  web:\n    ports:\n      - 443:8443\n    environment:\n      TZ: Europe/Paris\n")]
    [TestCase("services:\n  db:\n    image: postgres:16\n    command: [\"postgres\", \"-c\", \"fsync=off\"]\n")]
    public void AnotherFileOfTheFolderThatCannotChangeTheListeningPort_StillReported(string other)
        => Assert.That(Analyze(Aspnet8, Service("ports:\n  - 80:80"), null, "/src/App/docker-compose.yml", ("/src/App/docker-compose.prod.yml", other)), Has.Count.EqualTo(1));

    [TestCase("services:\n  web:\n    environment:\n      - URLS=http://+:80\n")]
    [TestCase("services:\n  web:\n    environment:\n      Kestrel__Endpoints__Http__Url: http://+:80\n")]
    [TestCase("services:\n  web:\n    command: [\"--urls\", \"http://+:80\"]\n")]
    [TestCase("services:\n  web:\n    env_file: prod.env\n")]
    public void AnotherFileOfTheFolderThatCanChangeTheListeningPort_NotReported(string other)
        => Assert.That(Analyze(Aspnet8, Service("ports:\n  - 80:80"), null, "/src/App/docker-compose.yml", ("/src/App/docker-compose.prod.yml", other)), Is.Empty);

    [Test]
    public void VisualStudioComposePair_NotReported()
    {
        // The Dockerfile Visual Studio writes beside the project, for the solution folder as context.
        var dockerfile = "FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base\nUSER $APP_UID\nWORKDIR /app\nEXPOSE 8080\nEXPOSE 8081\n\n"
            + "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nARG BUILD_CONFIGURATION=Release\nWORKDIR /src\nCOPY [\"App/App.csproj\", \"App/\"]\nRUN dotnet restore \"./App/App.csproj\"\nCOPY . .\nWORKDIR \"/src/App\"\nRUN dotnet build \"./App.csproj\" -c $BUILD_CONFIGURATION -o /app/build\n\n"
            + "FROM build AS publish\nARG BUILD_CONFIGURATION=Release\nRUN dotnet publish \"./App.csproj\" -c $BUILD_CONFIGURATION -o /app/publish /p:UseAppHost=false\n\n"
            + "FROM base AS final\nWORKDIR /app\nCOPY --from=publish /app/publish .\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n";
        var baseFile = "services:\n  app:\n    image: ${DOCKER_REGISTRY-}app\n    build:\n      context: .\n      dockerfile: App/Dockerfile\n";
        var overrideFile = "services:\n  app:\n    environment:\n      - ASPNETCORE_ENVIRONMENT=Development\n      - ASPNETCORE_HTTP_PORTS=8080\n    ports:\n      - \"8080\"\n    volumes:\n      - ${APPDATA}/Microsoft/UserSecrets:/home/app/.microsoft/usersecrets:ro\n";
        Assert.That(EngineTest.ForApp().AnalyzeCompose(dockerfile, baseFile, "/src/docker-compose.yml", ("/src/docker-compose.override.yml", overrideFile)), Is.Empty);
        Assert.That(EngineTest.ForApp().AnalyzeCompose(dockerfile, overrideFile, "/src/docker-compose.override.yml", ("/src/docker-compose.yml", baseFile)), Is.Empty);
    }

    [Test]
    public void ServiceThatBuildsAnotherDockerfile_NotReported()
        => Assert.That(Analyze(Aspnet8, "services:\n  web:\n    build:\n      context: .\n      dockerfile: Other.Dockerfile\n    ports:\n      - 80:80\n"), Is.Empty);

    [Test]
    public void ConsoleProject_NotReported()
        => Assert.That(Analyze(Aspnet8, Service("ports:\n  - 80:80"), EngineTest.ForApp(web: false)), Is.Empty);

    [Test]
    public void SuppressedAboveTheKey_NotReported()
    {
        Assert.That(Analyze(Aspnet8, Service("# containeranalyzers ignore=CTR0060\nports:\n  - 80:80")), Is.Empty);
        Assert.That(Analyze(Aspnet8, Service("ports:\n  - 80:80  # containeranalyzers ignore=CTR0060")), Is.Empty);
        Assert.That(Analyze(Aspnet8, "# containeranalyzers ignore-file=CTR0060\n" + Service("ports:\n  - 80:80")), Is.Empty);
        Assert.That(Analyze(Aspnet8, Service("# containeranalyzers ignore=CTR0061\nports:\n  - 80:80")), Has.Count.EqualTo(1));
    }
}
