using ContainerAnalyzers.Analyzers;
using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules.Hygiene;

[TestFixture]
public sealed class CTR0033FinalStageRunsAsRootTests
{
    private static DockerfileAnalyzerTest<CTR0033FinalStageRunsAsRootRule> Test(string framework) => DockerfileAnalyzerTest<CTR0033FinalStageRunsAsRootRule>.ForApp(framework);

    [Test]
    public Task ExplicitRoot() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled\n{|CTR0033:USER root|}\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n")
        .RunAsync();

    [Test]
    public Task WebAppOnFullImageWithoutUser() => Test("net8.0")
        .WithDockerfile("FROM {|CTR0033:mcr.microsoft.com/dotnet/aspnet:8.0|}\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n")
        .RunAsync();

    // Issue 27: a stage that creates a user and hands it its folders, but never switches to it, still runs as root; the
    // user it made is not a privilege drop, and an entry point that is a program (not a script) does not drop either.
    [TestCase("RUN adduser --disabled-password --gecos \"\" appuser && chown -R appuser /app\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n")]
    [TestCase("RUN groupadd -r app-group && useradd -r -g app-group app-user \\\n    && mkdir -p /data && chown -R app-user:app-group /data /app\nENTRYPOINT [\"/app/App\"]\n")]
    [TestCase("RUN addgroup --system runner && adduser --system --ingroup runner runner && chown -R runner /app\nENTRYPOINT [\"./entrypoint-server\"]\n")]
    [TestCase("RUN useradd -m -u 10001 svc && chown -R svc /app\nCMD dotnet App.dll\n")]
    public Task CreatesAUserButNeverSwitchesToIt(string stage) => Test("net8.0")
        .WithDockerfile("FROM {|CTR0033:mcr.microsoft.com/dotnet/aspnet:8.0|}\nWORKDIR /app\nCOPY . .\n" + stage)
        .RunAsync();

    // Issue 27: GitHub runs a Docker action's image as root, and requires it; the action names this Dockerfile.
    private const string DockerAction = "name: Release notes\nruns:\n  using: docker\n  image: Dockerfile\n  args:\n    - ${{ inputs.tag }}\n";

    [Test]
    public Task DockerActionImage_NoDiagnostic() => Test("net10.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble\nCOPY out/ /app/\nENTRYPOINT [\"dotnet\", \"/app/App.dll\"]\n")
        .WithActionFile(DockerAction)
        .RunAsync();

    // An action that names another Dockerfile, or runs a prebuilt image, says nothing about this one.
    [TestCase("name: x\nruns:\n  using: docker\n  image: docker/Dockerfile\n")]
    [TestCase("name: x\nruns:\n  using: docker\n  image: docker://ghcr.io/me/tool:1\n")]
    [TestCase("name: x\nruns:\n  using: node20\n  main: index.js\n")]
    public Task ActionThatIsNotThisImage_StillReported(string action) => Test("net10.0")
        .WithDockerfile("FROM {|CTR0033:mcr.microsoft.com/dotnet/aspnet:10.0-noble|}\nCOPY out/ /app/\nENTRYPOINT [\"dotnet\", \"/app/App.dll\"]\n")
        .WithActionFile(action)
        .RunAsync();

    [Test]
    public Task AppUid_NearMiss() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nUSER $APP_UID\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n")
        .RunAsync();

    [Test]
    public Task ChiseledDefaultUser_NoDiagnostic() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n")
        .RunAsync();

    [Test]
    public Task BuilderStageAsRoot_NoDiagnostic() => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nUSER root\nRUN dotnet publish -o /app\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /app .\nUSER app\n")
        .RunAsync();

    // Entrypoints that start as root to prepare the container, then drop to another user: root on purpose.
    [TestCase("RUN apt-get update && apt-get install -y --no-install-recommends gosu\nENTRYPOINT [\"gosu\", \"app\", \"dotnet\", \"App.dll\"]\n")]
    [TestCase("RUN apk add --no-cache su-exec\nCOPY start.sh /start.sh\nCMD [\"dotnet\", \"App.dll\"]\n")]
    [TestCase("COPY --from=tianon/gosu /gosu /usr/local/bin/\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n")]
    [TestCase("COPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT [\"docker-entrypoint.sh\"]\nCMD [\"dotnet\", \"App.dll\"]\n")]
    [TestCase("COPY run.sh /run.sh\nENTRYPOINT [\"/bin/sh\", \"/run.sh\"]\n")]
    [TestCase("ENTRYPOINT exec setpriv --reuid=app --regid=app --init-groups dotnet App.dll\n")]
    [TestCase("ENTRYPOINT [\"chroot\", \"--userspec=app:app\", \"/\", \"dotnet\", \"/app/App.dll\"]\n")]
    [TestCase("USER root\nENTRYPOINT [\"/entrypoint.sh\"]\n")]
    public Task EntrypointThatDropsRoot_NoDiagnostic(string stage) => Test("net8.0")
        .WithDockerfile("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nWORKDIR /app\n" + stage)
        .RunAsync();

    [Test]
    public Task ToolNameInsideAnotherWord_NearMiss() => Test("net8.0")
        .WithDockerfile("FROM {|CTR0033:mcr.microsoft.com/dotnet/aspnet:8.0|}\nRUN echo gosu-free > /etc/motd\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n")
        .RunAsync();

    // A tag that ends in an ARG without a default: BuildKit builds it with the variable empty, and --build-arg may
    // set it; report only what holds whatever it holds (issue 18).
    [Test]
    public Task TagVariableOverFullOsVariantsOnly() => Test("net8.0")
        .WithDockerfile("ARG ARCH\nFROM {|CTR0033:mcr.microsoft.com/dotnet/aspnet:8.0-bookworm-slim${ARCH}|}\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n")
        .RunAsync();

    [TestCase("ARG SUFFIX\nFROM mcr.microsoft.com/dotnet/aspnet:10.0${SUFFIX}\n")]
    [TestCase("ARG SUFFIX\nFROM mcr.microsoft.com/dotnet/aspnet:10.0-noble${SUFFIX}\n")]
    [TestCase("ARG VERSION\nFROM mcr.microsoft.com/dotnet/aspnet:${VERSION}\n")]
    [TestCase("ARG REPOSITORY\nFROM ${REPOSITORY}:10.0\n")]
    public Task TagVariableThatMayBeChiseledOrUnknown_NoDiagnostic(string from) => Test("net10.0")
        .WithDockerfile(from + "ENTRYPOINT [\"dotnet\", \"App.dll\"]\n")
        .RunAsync();
}
