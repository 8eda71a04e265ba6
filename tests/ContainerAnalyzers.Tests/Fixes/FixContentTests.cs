using ContainerAnalyzers.Fixes;
using ContainerAnalyzers.Projects;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Fixes;

/// <summary>
/// What the rewritten Dockerfile contains (issue 16): the user's build steps are kept, the final stage receives only
/// the app, host-published workflows stay, distro packages are mapped to the image or keep their distro, system
/// packages come before the app, and images that never existed are never written. Each case failed before.
/// </summary>
[TestFixture]
public sealed class FixContentTests
{
    private const string DockerfilePath = "/repo/src/App/Dockerfile";

    private static Dictionary<string, string> Web(string framework = "net10.0") => GeneratedDockerfileTests.Web(framework);

    private static Dictionary<string, string> Console(string framework = "net10.0") => GeneratedDockerfileTests.Console(framework);

    private static ProjectFacts Facts(Dictionary<string, string> properties)
        => ProjectFacts.Create(p => properties.TryGetValue(p, out var v) ? v : null, "/repo/src/App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />");

    private static IReadOnlyList<DockerfileFix> Fixes(string dockerfile, Dictionary<string, string> properties)
    {
        var fixes = DockerfileFixes.GetFixes(dockerfile, DockerfilePath, Facts(properties));
        foreach (var fix in fixes)
        {
            TestContext.Out.WriteLine($"--- {fix.Kind}\n{fix.NewText}");
            foreach (var dropped in fix.DroppedLines)
            {
                TestContext.Out.WriteLine($"dropped: {dropped}");
            }

            FixSelfCheck.AssertClean(fix.NewText, properties, fix.Kind.ToString());
        }

        return fixes;
    }

    // Issue 27: a GitHub Docker action's image is a job GitHub runs as root, not an app: no rewrite to a non-root,
    // distroless image is offered for it, though CTR0001 and CTR0002 report it, and the same file without the action is rewritten.
    [Test]
    public void ADockerActionImageIsNotRewritten()
    {
        const string SingleStage = "FROM mcr.microsoft.com/dotnet/sdk:10.0\nCOPY . .\nRUN dotnet publish -c Release -o /out\nENTRYPOINT [\"dotnet\", \"/out/App.dll\"]\n";
        var action = GitHubDockerAction.ImageDockerfile("/repo/src/App/action.yml", "runs:\n  using: docker\n  image: Dockerfile\n");
        Assert.That(action, Is.EqualTo(DockerfilePath));

        var inputs = new FixInputs { DockerActionImages = new[] { action! } };
        Assert.That(DockerfileFixes.GetFixes(SingleStage, DockerfilePath, Facts(Web()), inputs: inputs), Is.Empty);
        Assert.That(Fixes(SingleStage, Web()), Is.Not.Empty);
    }

    private static DockerfileFix Fix(string dockerfile, Dictionary<string, string> properties, DockerfileFixKind kind)
        => Fixes(dockerfile, properties).SingleOrDefault(f => f.Kind == kind) ?? throw new AssertionException($"no {kind} fix offered");

    // The text of the final stage: from the last FROM to the end.
    private static string FinalStage(string text) => text.Substring(text.LastIndexOf("\nFROM ", StringComparison.Ordinal) + 1);

    private static string BuilderStages(string text) => text.Substring(0, text.LastIndexOf("\nFROM ", StringComparison.Ordinal) + 1);

    private const string PackThenPublish = """
        FROM mcr.microsoft.com/dotnet/sdk:10.0
        WORKDIR /src
        COPY . .
        RUN dotnet pack src/Lib/Lib.csproj -c Release -o /packages
        RUN dotnet add src/App/App.csproj package Lib --source /packages
        RUN dotnet publish src/App/App.csproj -c Release -o /app
        ENTRYPOINT ["dotnet", "/app/App.dll"]
        """;

    // The user's MSBuild properties on the publish are how the app is built: the rewrite passes them on, quoted for
    // the shell where needed; one that names a build variable the new file does not declare is named in the log.
    [Test]
    public void RegenerationKeepsThePublishProperties()
    {
        const string dockerfile = "FROM mcr.microsoft.com/dotnet/sdk:10.0\nWORKDIR /app\nCOPY . .\nRUN dotnet publish -c Release -o out /p:PublishTrimmed=false -p:DefineConstants=\"A;B\" /p:Version=$VERSION\nENTRYPOINT [\"dotnet\", \"out/App.dll\"]\n";
        var rewrite = Fixes(dockerfile, Web()).Single(f => f.Kind == DockerfileFixKind.Regenerate);
        Assert.That(rewrite.NewText, Does.Contain("RUN dotnet publish App.csproj -c Release -a $TARGETARCH /p:PublishTrimmed=false '-p:DefineConstants=A;B' -o /app/publish\n"));
        Assert.That(rewrite.DroppedLines, Has.Some.Contains("the new publish keeps /p:PublishTrimmed=false -p:DefineConstants=A;B; not kept, as they name build variables the new file does not declare: /p:Version=$VERSION"));
    }

    [Test]
    public void MinimalEditKeepsPackAndAddPackageBeforeThePublish()
    {
        var minimal = Fix(PackThenPublish + "\n", Web(), DockerfileFixKind.MinimalEdit).NewText;
        Assert.That(minimal, Does.Contain("RUN dotnet pack src/Lib/Lib.csproj -c Release -o /packages"));
        Assert.That(minimal, Does.Contain("RUN dotnet add src/App/App.csproj package Lib --source /packages"));
        Assert.That(minimal, Does.Contain("RUN dotnet publish src/App/App.csproj -c Release -o /app"));
    }

    // Issue 25: the minimal edit finds the publish and its -o through the command index's positions, so a publish split
    // over continuation lines (with a comment line between, which BuildKit drops) is edited in place, word for word.
    [TestCase("RUN dotnet restore && \\\n    dotnet publish \\\n    -c Release\n", "    dotnet publish -o /app/publish \\\n    -c Release\n", "/app/publish")]
    [TestCase("RUN dotnet publish -c Release \\\n# the output\n    -o \"$OUT\"\n", "# the output\n    -o /app/publish\n", "/app/publish")]
    [TestCase("RUN dotnet publish -c Release \\\n    --output=$OUT\n", "    --output=/app/publish\n", "/app/publish")]
    [TestCase("RUN dotnet publish -c Release \\\n    -o \"my out\"\n", "    -o /app/publish\n", "/app/publish")]
    public void MinimalEditEditsAPublishOverContinuationLines(string publish, string kept, string output)
    {
        var dockerfile = "FROM mcr.microsoft.com/dotnet/sdk:10.0\nARG OUT=out\nWORKDIR /src\nCOPY . .\n" + publish + "ENTRYPOINT [\"dotnet\", \"/app/App.dll\"]\n";
        var minimal = Fix(dockerfile, Web(), DockerfileFixKind.MinimalEdit).NewText;
        TestContext.Out.WriteLine(minimal);
        Assert.That(minimal, Does.Contain(kept));
        Assert.That(minimal, Does.Contain("COPY --from=build " + output + " ."));
    }

    // An exec-form publish is kept too: the edit adds the output folder to its JSON strings rather than regenerating.
    [TestCase("RUN [\"dotnet\", \"publish\", \"-c\", \"Release\"]", "RUN [\"dotnet\", \"publish\", \"-o\", \"/app/publish\", \"-c\", \"Release\"]", "/app/publish")]
    [TestCase("RUN [\"dotnet\", \"publish\", \"-c\", \"Release\", \"-o\", \"out\"]", "RUN [\"dotnet\", \"publish\", \"-c\", \"Release\", \"-o\", \"out\"]", "/src/out")]
    public void MinimalEditKeepsAnExecFormPublish(string publish, string kept, string output)
    {
        var dockerfile = "FROM mcr.microsoft.com/dotnet/sdk:10.0\nWORKDIR /src\nCOPY . .\n" + publish + "\nENTRYPOINT [\"dotnet\", \"/app/App.dll\"]\n";
        var minimal = Fix(dockerfile, Web(), DockerfileFixKind.MinimalEdit).NewText;
        Assert.That(minimal, Does.Contain(kept + "\n"));
        Assert.That(minimal, Does.Contain("COPY --from=build " + output + " ."));
    }

    [Test]
    public void EveryDroppedRunIsInTheLog()
    {
        var dockerfile = """
            FROM mcr.microsoft.com/dotnet/sdk:10.0
            WORKDIR /src
            COPY . .
            RUN dotnet restore && dotnet publish -c Release -o /app
            ENTRYPOINT ["dotnet", "/app/App.dll"]
            """ + "\n";
        var regenerated = Fix(dockerfile, Web(), DockerfileFixKind.Regenerate);
        Assert.That(regenerated.DroppedLines, Has.Some.StartsWith("line 4: RUN dotnet restore && dotnet publish -c Release -o /app (the builder's own"));
        Assert.That(regenerated.DroppedLines, Has.None.Contains("WORKDIR /src"), "the rewrite writes WORKDIR /src too: kept");
    }

    [Test]
    public void RegenerationKeepsToolRestoreWithItsComment()
    {
        var dockerfile = """
            FROM mcr.microsoft.com/dotnet/sdk:10.0
            WORKDIR /src
            RUN apt-get update && apt-get install -y --no-install-recommends libgdiplus
            COPY . .
            # The EF Core tools come from the tool manifest.
            RUN dotnet tool restore
            RUN dotnet publish -c Release -o /app
            ENTRYPOINT ["dotnet", "/app/App.dll"]
            """ + "\n";
        var regenerated = Fix(dockerfile, Web(), DockerfileFixKind.Regenerate);
        var builder = BuilderStages(regenerated.NewText);
        Assert.That(builder, Does.Contain("# The EF Core tools come from the tool manifest.\nRUN dotnet tool restore\n"));
        Assert.That(builder.IndexOf("RUN dotnet tool restore", StringComparison.Ordinal), Is.LessThan(builder.IndexOf("dotnet publish", StringComparison.Ordinal)), "in the user's order, before the publish");
    }

    [Test]
    public void RegenerationKeepsPackAndAddPackageInOrder()
    {
        var builder = BuilderStages(Fix(PackThenPublish + "\n", Web(), DockerfileFixKind.Regenerate).NewText);
        var pack = builder.IndexOf("RUN dotnet pack", StringComparison.Ordinal);
        var add = builder.IndexOf("RUN dotnet add", StringComparison.Ordinal);
        var publish = builder.IndexOf("dotnet publish", pack < 0 ? 0 : pack, StringComparison.Ordinal);
        Assert.That(pack, Is.GreaterThan(0));
        Assert.That(add, Is.GreaterThan(pack));
        Assert.That(publish, Is.GreaterThan(add));
        Assert.That(builder, Does.Not.Contain("--no-restore"), "dotnet add package changed the project after the restore layer");
    }

    [Test]
    public void RegenerationDropsAnOldBuildCommandCommentThatContradictsTheHeader()
    {
        var dockerfile = "# build from the repo root: docker build -f src/Api/Dockerfile .\n# Our API.\n" + GeneratedDockerfileTests.SingleStage("10.0", "App");
        var regenerated = Fix(dockerfile, Web(), DockerfileFixKind.Regenerate);
        Assert.That(regenerated.NewText, Does.Not.Contain("docker build -f src/Api/Dockerfile"));
        Assert.That(regenerated.NewText, Does.Contain("# Our API."), "other comments stay");
        Assert.That(regenerated.DroppedLines, Has.Some.Contains("docker build -f src/Api/Dockerfile"), "the log says what was not kept");
    }

    [Test]
    public void SourcesCopiedForDotnetRunNeverReachTheFinalStage()
    {
        var dockerfile = """
            FROM mcr.microsoft.com/dotnet/sdk:10.0
            WORKDIR /src
            COPY . .
            ENTRYPOINT ["dotnet", "run", "--project", "App.csproj"]
            """ + "\n";
        foreach (var fix in Fixes(dockerfile, Web()))
        {
            var final = FinalStage(fix.NewText);
            Assert.That(final, Does.Not.Contain("COPY . ."), $"{fix.Kind}: the sources stay in the builder");
            Assert.That(final, Does.Contain("COPY --from="));
        }
    }

    private const string HostPublished = """
        FROM mcr.microsoft.com/dotnet/sdk:8.0
        WORKDIR /app
        COPY Publish .
        EXPOSE 8080
        CMD ["dotnet", "App.dll"]
        """;

    [Test]
    public void HostPublishedOutputFirstSwapsTheImageAndKeepsTheWorkflow()
    {
        var fixes = Fixes(HostPublished + "\n", Web("net8.0"));
        Assert.That(fixes[0].Kind, Is.EqualTo(DockerfileFixKind.SwapImage), "the first action keeps the user's workflow");
        // The chiseled image's own ENTRYPOINT is /usr/bin/dotnet: the CMD that ran on the SDK becomes the ENTRYPOINT, or
        // the container would run "dotnet dotnet App.dll" (issue 24, CTR0036).
        var expected = HostPublished.Replace("sdk:8.0", "aspnet:8.0-noble-chiseled-extra", StringComparison.Ordinal).Replace("CMD [", "ENTRYPOINT [", StringComparison.Ordinal);
        Assert.That(fixes[0].NewText, Is.EqualTo(expected + "\n"));
    }

    [Test]
    public void HostPublishedOutputMovedIntoABuilderDropsTheHostCopy()
    {
        var regenerated = Fix(HostPublished + "\n", Web("net8.0"), DockerfileFixKind.Regenerate);
        Assert.That(FinalStage(regenerated.NewText), Does.Not.Contain("COPY Publish"), "the host output would override the fresh build");
        Assert.That(regenerated.DroppedLines, Has.Some.Contains("COPY Publish ."));
        Assert.That(regenerated.NewText, Does.Contain("EXPOSE 8080"));
    }

    [Test]
    public void RewriteThatKeepsASingleFilePublishStartsTheExecutable()
    {
        // Issue 24, case 5: the kept /p:PublishSingleFile=true writes no App.dll, so "dotnet App.dll" could never start.
        var dockerfile = "FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -c Release /p:PublishSingleFile=true -o out\nENTRYPOINT [\"./out/App\"]\n";
        var regenerated = Fix(dockerfile, Web("net8.0"), DockerfileFixKind.Regenerate);
        Assert.That(regenerated.NewText, Does.Contain("/p:PublishSingleFile=true"));
        Assert.That(regenerated.NewText, Does.Contain("ENTRYPOINT [\"./App\"]").And.Not.Contain("App.dll"));
    }

    [Test]
    public void TheAddedDockerIgnoreKeepsWhatTheDockerfileCopies()
    {
        // Issue 24, case 1: the companion .dockerignore excluded **/bin/ and **/publish/, and the host-published
        // output the Dockerfile copies with them; the build failed with "filtered out using .dockerignore".
        const string dockerfile = "FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled\nWORKDIR /app\nCOPY bin/Release/net10.0/publish/ .\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n";
        var ignore = ContainerAnalyzers.Syntax.DockerIgnore.Parse(DockerfileFixes.CreateDockerIgnore(dockerfile));
        Assert.That(ignore.ExcludedBy("bin/Release/net10.0/publish"), Is.Null);
        Assert.That(ignore.ExcludedBy("obj/project.assets.json"), Is.Not.Null, "near miss: what the Dockerfile does not copy stays out");
        Assert.That(ContainerAnalyzers.Syntax.DockerIgnore.Parse(DockerfileFixes.CreateDockerIgnore()).ExcludedBy("bin/Release"), Is.Not.Null, "without the Dockerfile, bin/ stays out");
    }

    [Test]
    public void SwapImageIsNotOfferedWhenTheStageBuilds_NearMiss()
        => Assert.That(Fixes(GeneratedDockerfileTests.SingleStage("8.0", "App"), Web("net8.0")).Select(f => f.Kind), Has.None.EqualTo(DockerfileFixKind.SwapImage));

    [TestCase(DockerfileFixKind.MinimalEdit)]
    [TestCase(DockerfileFixKind.Regenerate)]
    public void KnownAlpinePackagesMapToTheExtraImage(DockerfileFixKind kind)
    {
        var dockerfile = """
            FROM mcr.microsoft.com/dotnet/sdk:10.0-alpine
            RUN apk add --no-cache icu-libs tzdata
            WORKDIR /src
            COPY . .
            RUN dotnet publish -c Release -o /app
            ENTRYPOINT ["dotnet", "/app/App.dll"]
            """ + "\n";
        var fix = Fix(dockerfile, Web().With("InvariantGlobalization", "true"), kind);
        var final = FinalStage(fix.NewText);
        Assert.That(final, Does.Contain("FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra"), "ICU and time zones are what -extra provides");
        Assert.That(final, Does.Not.Contain("RUN apk add"));
        Assert.That(final, Does.Contain("The old file ran \"apk add --no-cache icu-libs tzdata\""), "a comment says where the packages went");
        if (kind == DockerfileFixKind.Regenerate)
        {
            Assert.That(fix.NewText, Does.Not.Contain("RUN apk add"), "the SDK image has ICU and time zones already");
            Assert.That(fix.DroppedLines, Has.Some.Contains("RUN apk add --no-cache icu-libs tzdata"), "the log says where the line went");
        }
    }

    [TestCase(DockerfileFixKind.MinimalEdit)]
    [TestCase(DockerfileFixKind.Regenerate)]
    public void UnknownAlpinePackageKeepsTheAlpineFamily(DockerfileFixKind kind)
    {
        var dockerfile = """
            FROM mcr.microsoft.com/dotnet/sdk:10.0-alpine
            WORKDIR /src
            COPY . .
            RUN dotnet publish -c Release -o /app
            RUN apk add --no-cache libgdiplus
            ENTRYPOINT ["dotnet", "/app/App.dll"]
            """ + "\n";
        var fix = Fix(dockerfile, Web(), kind);
        var final = FinalStage(fix.NewText);
        Assert.That(final, Does.Contain("FROM mcr.microsoft.com/dotnet/aspnet:10.0-alpine"), "apk needs an Alpine image");
        Assert.That(final, Does.Contain("RUN apk add --no-cache libgdiplus"));
        Assert.That(fix.NewText.Split('\n').Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)), Has.All.Contain("-alpine"), "the builder stays on Alpine too");
    }

    // Found on a real repository (the container suite): packages the old runtime stage installed with apk were also
    // written into the Debian-based builder, where apk does not exist.
    [Test]
    public void RuntimeStagePackagesStayOutOfTheBuilder()
    {
        var dockerfile = """
            FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
            WORKDIR /src
            COPY . .
            RUN dotnet publish -c Release -o /app
            FROM mcr.microsoft.com/dotnet/sdk:10.0-alpine AS final
            RUN apk add --no-cache libgdiplus
            COPY --from=build /app /app
            ENTRYPOINT ["dotnet", "/app/App.dll"]
            """ + "\n";
        var regenerated = Fix(dockerfile, Web(), DockerfileFixKind.Regenerate).NewText;
        Assert.That(BuilderStages(regenerated), Does.Not.Contain("apk add"));
        Assert.That(FinalStage(regenerated), Does.Contain("FROM mcr.microsoft.com/dotnet/aspnet:10.0-alpine").And.Contain("RUN apk add --no-cache libgdiplus"));
    }

    // The final stage builds on a stage of its own (FROM base AS final), as Visual Studio's template does: what that
    // stage set up for the running app (packages, ENV, EXPOSE) is the user's work too.
    [TestCase(DockerfileFixKind.MinimalEdit)]
    [TestCase(DockerfileFixKind.Regenerate)]
    public void WhatTheBaseStageSetUpReachesTheNewFinalStage(DockerfileFixKind kind)
    {
        var dockerfile = """
            FROM mcr.microsoft.com/dotnet/sdk:10.0 AS base
            RUN apt-get update && apt-get install -y --no-install-recommends libgdiplus
            ENV FEATURE_X=1
            EXPOSE 8080

            FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
            WORKDIR /src
            COPY . .
            RUN dotnet publish -c Release -o /app

            FROM base AS final
            WORKDIR /app
            COPY --from=build /app .
            ENTRYPOINT ["dotnet", "App.dll"]
            """ + "\n";
        var final = FinalStage(Fix(dockerfile, Web(), kind).NewText);
        Assert.That(final, Does.Contain("RUN apt-get update && apt-get install -y --no-install-recommends libgdiplus").And.Contain("ENV FEATURE_X=1").And.Contain("EXPOSE 8080"));
        Assert.That(final, Does.Contain("FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble AS final"), "apt-get needs a shell and apt");
    }

    // The app moves to /app/App.dll; a carried HEALTHCHECK that ran "dotnet out/App.dll" would fail for ever.
    [TestCase(DockerfileFixKind.MinimalEdit)]
    [TestCase(DockerfileFixKind.Regenerate)]
    public void ACarriedHealthcheckRunsTheAppWhereItNowIs(DockerfileFixKind kind)
    {
        var dockerfile = """
            FROM mcr.microsoft.com/dotnet/sdk:10.0
            WORKDIR /src
            COPY . .
            RUN dotnet publish -c Release -o out
            HEALTHCHECK CMD ["dotnet", "out/App.dll", "--health"]
            ENTRYPOINT ["dotnet", "out/App.dll"]
            """ + "\n";
        var fix = Fix(dockerfile, Web(), kind);
        Assert.That(FinalStage(fix.NewText), Does.Contain("HEALTHCHECK CMD [\"dotnet\", \"App.dll\", \"--health\"]"));
        Assert.That(fix.EditedLines, Has.Some.Contains("HEALTHCHECK").And.Contains("the app it runs is now App.dll"));
        Assert.That(fix.DroppedLines, Has.None.Contains("HEALTHCHECK"));
    }

    [Test]
    public void AHealthcheckOfAnotherProgramIsKeptAsItIs_NearMiss()
    {
        var dockerfile = "FROM mcr.microsoft.com/dotnet/sdk:10.0\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -c Release -o out\nHEALTHCHECK CMD [\"dotnet\", \"out/Probe.dll\"]\nENTRYPOINT [\"dotnet\", \"out/App.dll\"]\n";
        Assert.That(FinalStage(Fix(dockerfile, Web(), DockerfileFixKind.Regenerate).NewText), Does.Contain("HEALTHCHECK CMD [\"dotnet\", \"out/Probe.dll\"]"));
    }

    [Test]
    public void DebianPackagesOnANobleImageStayOnDebianFamily_NearMiss()
    {
        var dockerfile = """
            FROM mcr.microsoft.com/dotnet/sdk:10.0
            WORKDIR /src
            COPY . .
            RUN dotnet publish -c Release -o /app
            RUN apt-get update && apt-get install -y --no-install-recommends libgdiplus && rm -rf /var/lib/apt/lists/*
            ENTRYPOINT ["dotnet", "/app/App.dll"]
            """ + "\n";
        var final = FinalStage(Fix(dockerfile, Web(), DockerfileFixKind.MinimalEdit).NewText);
        Assert.That(final, Does.Contain("FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble").And.Contain("apt-get install -y --no-install-recommends libgdiplus"));
    }

    [TestCase(DockerfileFixKind.MinimalEdit)]
    [TestCase(DockerfileFixKind.Regenerate)]
    public void SystemPackagesAreInstalledBeforeTheAppIsCopied(DockerfileFixKind kind)
    {
        var dockerfile = """
            FROM mcr.microsoft.com/dotnet/sdk:10.0
            WORKDIR /src
            COPY . .
            RUN dotnet publish -c Release -o /app
            RUN apt-get update && apt-get install -y --no-install-recommends libgdiplus
            ENTRYPOINT ["dotnet", "/app/App.dll"]
            """ + "\n";
        var final = FinalStage(Fix(dockerfile, Web(), kind).NewText);
        Assert.That(final.IndexOf("apt-get install", StringComparison.Ordinal), Is.LessThan(final.IndexOf("COPY --from=", StringComparison.Ordinal)), final);
    }

    [TestCase("netcoreapp2.0")]
    [TestCase("netcoreapp2.2")]
    [TestCase("netcoreapp3.0")]
    [TestCase("netcoreapp1.1")]
    public void NoImageThatWasNeverPublished(string framework)
    {
        var facts = Facts(Web(framework));
        Assert.That(DockerfileFixes.GetFixes(GeneratedDockerfileTests.SingleStage("8.0", "App"), DockerfilePath, facts), Is.Empty);
        Assert.That(DockerfileFixes.CreateDockerfile(facts, DockerfilePath), Is.Null);
        Assert.That(DockerfileFixes.WhyNoPlan(facts), Does.StartWith(framework + " has no images under mcr.microsoft.com/dotnet"), "the log says why");
    }

    [TestCase("netcoreapp2.1", "mcr.microsoft.com/dotnet/aspnet:2.1")]
    [TestCase("netcoreapp3.1", "mcr.microsoft.com/dotnet/aspnet:3.1")]
    [TestCase("net5.0", "mcr.microsoft.com/dotnet/aspnet:5.0")]
    public void OldVersionsThatWerePublishedStillGetTheirImage_NearMiss(string framework, string image)
        => Assert.That(DockerfileFixes.CreateDockerfile(Facts(Web(framework)), DockerfilePath), Does.Contain("FROM " + image));
}

/// <summary>
/// The invariant every fix test applies (issue 16): the package's own rules report no warning on what a fix wrote.
/// A warning left there is one the fix could have avoided, so it is a bug in the fix.
/// </summary>
internal static class FixSelfCheck
{
    /// <param name="fixedText">What the fix wrote.</param>
    /// <param name="properties">The project's MSBuild properties.</param>
    /// <param name="what">The fix, for the message.</param>
    /// <param name="projectText">The project file, if the case has one.</param>
    /// <param name="causedByTheProject">Rules whose warning comes from the project's own settings, which the fix writes as given (a ContainerBaseImage without a tag).</param>
    public static void AssertClean(string fixedText, IReadOnlyDictionary<string, string> properties, string what, string? projectText = null, params string[] causedByTheProject)
    {
        Assert.That(DockerfileParser.Parse(fixedText).Diagnostics.Select(d => d.Message), Is.Empty, $"{what}: the output parses cleanly:\n{fixedText}");
        var warnings = EngineTest.ForProperties(properties).WithProject("/repo/src/App/App.csproj", projectText).Warnings(fixedText)
            .Where(w => !causedByTheProject.Any(id => w.StartsWith(id + ":", StringComparison.Ordinal)));
        Assert.That(warnings, Is.Empty, $"{what}: our own rules report nothing on the output:\n{fixedText}");
    }
}
