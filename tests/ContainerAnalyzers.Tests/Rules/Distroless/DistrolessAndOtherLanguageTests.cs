using ContainerAnalyzers.Fixes;
using ContainerAnalyzers.Images;
using ContainerAnalyzers.Projects;
using ContainerAnalyzers.Rules;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Tests.Fixes;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules.Distroless;

/// <summary>
/// Google's distroless images and stages in other languages: what every rule reports on each case (all rules run,
/// as in a build), so both the findings and the silences are checked.
/// </summary>
[TestFixture]
public sealed class DistrolessAndOtherLanguageTests
{
    private const string AotBuilder = "FROM mcr.microsoft.com/dotnet/sdk:10.0-noble-aot AS build\nWORKDIR /source\nCOPY . .\nRUN dotnet publish -o /app releasesapi.csproj\n\n";

    [Test]
    public void GoogleDistrolessFamilies()
    {
        var cc = GoogleDistrolessImage.TryClassify(ImageReference.TryParse("gcr.io/distroless/cc-debian12:nonroot")!)!;
        Assert.That((cc.Flavor, cc.DebianVersion, cc.IsNonRoot, cc.HasShell), Is.EqualTo((GoogleDistrolessFlavor.Cc, "12", true, false)));
        var debug = GoogleDistrolessImage.TryClassify(ImageReference.TryParse("gcr.io/distroless/base-debian11:debug")!)!;
        Assert.That((debug.Flavor, debug.DebianVersion, debug.IsNonRoot, debug.HasShell), Is.EqualTo((GoogleDistrolessFlavor.Base, "11", false, true)));
        Assert.That(GoogleDistrolessImage.TryClassify(ImageReference.TryParse("gcr.io/distroless/static@sha256:" + new string('a', 64))!)!.Flavor, Is.EqualTo(GoogleDistrolessFlavor.Static));
        Assert.That(GoogleDistrolessImage.TryClassify(ImageReference.TryParse("gcr.io/other/cc")!), Is.Null);
        var staticImage = GoogleDistrolessImage.TryClassify(ImageReference.TryParse("gcr.io/distroless/static-debian12")!)!;
        Assert.That((staticImage.HasLibc, staticImage.HasLibStdCpp, staticImage.IsNonRoot), Is.EqualTo((false, false, false)));
        var baseImage = GoogleDistrolessImage.TryClassify(ImageReference.TryParse("gcr.io/distroless/base-debian12:nonroot-amd64")!)!;
        Assert.That((baseImage.HasLibc, baseImage.HasLibStdCpp, baseImage.IsNonRoot), Is.EqualTo((true, false, true)));
    }

    [Test]
    public void ReleasesApiOnGoogleDistrolessCcIsClean()
    {
        var findings = Analyze(AotBuilder + "FROM gcr.io/distroless/cc-debian12:nonroot\nWORKDIR /app\nCOPY --from=build /app .\nENTRYPOINT [\"./releasesapi\"]\n", ReleasesApi());
        Assert.That(findings.Where(f => f.StartsWith("CTR0002") || f.StartsWith("CTR0011") || f.StartsWith("CTR0022") || f.StartsWith("CTR0033") || !f.Contains("(Info)")), Is.Empty);
    }

    [Test]
    public void ReleasesApiFromTheSharedCorpusWithItsFinalImageSwapped()
    {
        var folder = Path.Combine(TestPaths.RequireCorpus("dotnet-docker-samples"), "releasesapi__Dockerfile");
        var text = File.ReadAllText(Path.Combine(folder, "Dockerfile")).Replace("mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled", "gcr.io/distroless/cc-debian12:nonroot", StringComparison.Ordinal);
        Assume.That(text, Does.Contain("gcr.io/distroless/cc-debian12:nonroot"));
        Assert.That(Analyze(text, ReleasesApi()).Where(f => f.StartsWith("CTR0002") || f.StartsWith("CTR0011") || f.StartsWith("CTR0022") || f.StartsWith("CTR0033") || f.Contains("(Warning)")), Is.Empty);
    }

    [Test]
    public void FrameworkDependentAppCannotStartOnGoogleDistroless()
    {
        var findings = Analyze("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nRUN dotnet publish -o /app\nFROM gcr.io/distroless/base-debian12:nonroot\nCOPY --from=build /app .\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n", Web(invariant: true));
        Assert.That(findings, Has.Some.StartsWith("CTR0022 (Warning) The final image 'gcr.io/distroless/base-debian12:nonroot' has no .NET runtime and no dotnet host, so the framework-dependent app cannot start"));
    }

    [Test]
    public void AotOnStaticHasNoLibc()
    {
        var findings = Analyze(AotBuilder + "FROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /app .\nENTRYPOINT [\"./releasesapi\"]\n", ReleasesApi());
        Assert.That(findings, Has.Some.StartsWith("CTR0022 (Warning) The final image 'gcr.io/distroless/static-debian12:nonroot' has no C library, but a .NET native AOT binary is dynamically linked against glibc"));
    }

    [Test]
    public void SelfContainedNeedsLibStdCpp()
    {
        var properties = Web(invariant: true);
        properties["SelfContained"] = "true";
        var findings = Analyze("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nRUN dotnet publish -o /app\nFROM gcr.io/distroless/base-debian12:nonroot\nCOPY --from=build /app .\nENTRYPOINT [\"./App\"]\n", properties);
        Assert.That(findings, Has.Some.Contains("CTR0022 (Warning) The final image").And.Some.Contains("does not have the libstdc++ that the self-contained .NET runtime needs"));
    }

    [Test]
    public void LatestTagRunsAsRootAndIsNotPinned()
    {
        var findings = Analyze(AotBuilder + "FROM gcr.io/distroless/cc-debian12:latest\nCOPY --from=build /app .\nENTRYPOINT [\"./releasesapi\"]\n", ReleasesApi());
        Assert.That(findings, Has.Some.StartsWith("CTR0010 (Warning)").And.Some.StartsWith("CTR0033 (Warning)"));
    }

    [Test]
    public void ShellRulesApplyExceptOnDebugTags()
    {
        var shellForm = AotBuilder + "FROM gcr.io/distroless/cc-debian12:{0}\nCOPY --from=build /app .\nRUN [\"/app/releasesapi\", \"--check\"]\nHEALTHCHECK CMD [\"curl\", \"-f\", \"http://localhost:8080/\"]\nENTRYPOINT ./releasesapi\n";
        var nonroot = Analyze(string.Format(shellForm, "nonroot"), ReleasesApi());
        Assert.That(nonroot, Has.Some.StartsWith("CTR0030").And.Some.StartsWith("CTR0032"));
        var debug = Analyze(string.Format(shellForm, "debug-nonroot"), ReleasesApi());
        Assert.That(debug, Has.None.StartsWith("CTR0030").And.None.StartsWith("CTR0031"));
    }

    [Test]
    public void IcuLessWithoutInvariantGlobalization()
    {
        var findings = Analyze(AotBuilder + "FROM gcr.io/distroless/cc-debian12:nonroot\nCOPY --from=build /app .\nENTRYPOINT [\"./releasesapi\"]\n", ReleasesApi(invariant: false));
        Assert.That(findings, Has.Some.StartsWith("CTR0024"));
    }

    [Test]
    public void AspNetAppWithANodeClientStageIsClean()
    {
        var findings = Analyze("""
            FROM node:22-alpine AS client
            WORKDIR /client
            COPY client/package*.json ./
            RUN npm ci
            COPY client/ .
            RUN npm run build

            FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0-noble AS build
            ARG TARGETARCH
            WORKDIR /src
            COPY App.csproj .
            RUN dotnet restore -a $TARGETARCH
            COPY . .
            RUN dotnet publish -a $TARGETARCH --no-restore -o /app

            FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra
            WORKDIR /app
            COPY --from=build /app .
            COPY --from=client /client/dist ./wwwroot
            ENTRYPOINT ["dotnet", "App.dll"]
            """, Web(invariant: false));
        Assert.That(findings, Is.Empty);
    }

    [Test]
    public void FinalStageWithOnlyTheFrontEndHasNoApp()
    {
        var findings = Analyze("""
            FROM node:22-alpine AS client
            RUN npm ci && npm run build

            FROM mcr.microsoft.com/dotnet/sdk:10.0-noble AS build
            RUN dotnet publish -o /app

            FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra
            COPY --from=client /client/dist ./wwwroot
            ENTRYPOINT ["dotnet", "App.dll"]
            """, Web(invariant: false));
        Assert.That(findings, Has.Some.StartsWith("CTR0006"));
    }

    [Test]
    public void ConsoleAppWithAGoHelperStageIsClean()
    {
        var properties = Web(invariant: false);
        properties["UsingMicrosoftNETSdkWeb"] = "false";
        var findings = Analyze("""
            FROM golang:1.23 AS helper
            WORKDIR /go/src/helper
            COPY helper/ .
            RUN CGO_ENABLED=0 go build -o /out/helper .

            FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0-noble AS build
            ARG TARGETARCH
            WORKDIR /src
            COPY App.csproj .
            RUN dotnet restore -a $TARGETARCH
            COPY . .
            RUN dotnet publish -a $TARGETARCH --no-restore -o /app

            FROM mcr.microsoft.com/dotnet/runtime:10.0-noble-chiseled-extra
            WORKDIR /app
            COPY --from=build /app .
            COPY --from=helper /out/helper /usr/local/bin/helper
            ENTRYPOINT ["dotnet", "App.dll"]
            """, properties);
        Assert.That(findings, Is.Empty);
    }

    [Test]
    public void FixesKeepGoogleDistrolessAndTheOtherStages()
    {
        var old = "FROM node:22-alpine AS client\nRUN npm ci && npm run build\n\n" + AotBuilder + "FROM gcr.io/distroless/cc-debian12:nonroot\nCOPY --from=build /app .\nCOPY --from=client /dist /wwwroot\nENTRYPOINT [\"./releasesapi\"]\n";
        var properties = ReleasesApi();
        var facts = Facts(properties);
        var fixes = DockerfileFixes.GetFixes(old, "/repo/src/releasesapi/Dockerfile", facts);
        Assert.That(fixes, Is.Not.Empty);
        foreach (var fix in fixes)
        {
            Assert.That(fix.NewText, Does.Contain("FROM gcr.io/distroless/cc-debian12:nonroot AS final"), fix.NewText);
            Assert.That(fix.NewText, Does.Contain("FROM node:22-alpine AS client"), fix.NewText);
            Assert.That(fix.NewText, Does.Not.Contain("chiseled"), fix.NewText);
            Assert.That(fix.NewText, Does.Contain("ENV ASPNETCORE_HTTP_PORTS=8080"), "only .NET images set the port");
            Assert.That(fix.NewText.IndexOf("AS client", StringComparison.Ordinal), Is.LessThan(fix.NewText.IndexOf("AS build", StringComparison.Ordinal)), "the stages keep their order");
            Assert.That(Analyze(fix.NewText, properties).Where(f => f.Contains("(Warning)")), Is.Empty, fix.NewText);
        }
    }

    private static Dictionary<string, string> Web(bool invariant) => new(GeneratedDockerfileTests.Web("net10.0"), StringComparer.OrdinalIgnoreCase)
    {
        ["InvariantGlobalization"] = invariant ? "true" : "false",
        ["MSBuildProjectFullPath"] = "/repo/src/App/App.csproj",
        ["MSBuildProjectName"] = "App",
    };

    private static Dictionary<string, string> ReleasesApi(bool invariant = true) => new(StringComparer.OrdinalIgnoreCase)
    {
        ["MSBuildProjectFullPath"] = "/repo/src/releasesapi/releasesapi.csproj",
        ["MSBuildProjectName"] = "releasesapi",
        ["TargetFramework"] = "net10.0",
        ["UsingMicrosoftNETSdkWeb"] = "true",
        ["PublishAot"] = "true",
        ["InvariantGlobalization"] = invariant ? "true" : "false",
    };

    private static ProjectFacts Facts(IReadOnlyDictionary<string, string> properties)
        => ProjectFacts.Create(p => properties.TryGetValue(p, out var v) ? v : null, properties["MSBuildProjectFullPath"], null);

    /// <summary>Every rule's findings as "CTRxxxx (Severity) message", informational ones included.</summary>
    private static string[] Analyze(string dockerfile, IReadOnlyDictionary<string, string> properties)
        => EngineTest.ForProperties(properties).WithDockerIgnore(true).Describe(dockerfile);
}
