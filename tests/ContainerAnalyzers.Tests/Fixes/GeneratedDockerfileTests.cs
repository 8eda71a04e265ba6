using ContainerAnalyzers.Fixes;
using ContainerAnalyzers.Projects;
using ContainerAnalyzers.Rules;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Tests.Infrastructure;
using ContainerAnalyzers.Tests.Rules;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Fixes;

/// <summary>
/// Golden tests for the generator behind every fix. Each case is a project (MSBuild properties and project file)
/// and an old Dockerfile (or none); each offered fix's output is compared with a file under Fixes/Golden, must
/// parse without a syntax diagnostic, and must leave none of our rules with a warning to report.
/// Set CONTAINERANALYZERS_UPDATE_GOLDEN=1 to rewrite the golden files after an intended change, then review the diff.
/// </summary>
[TestFixture]
public sealed class GeneratedDockerfileTests
{
    private const string ProjectDirectory = "/repo/src/App";

    public static IEnumerable<TestCaseData> Cases()
    {
        yield return Case("web-net10", Web("net10.0"), SingleStage("10.0", "App"));
        yield return Case("web-net8-invariant", Web("net8.0").With("InvariantGlobalization", "true"), SingleStage("8.0", "App"));
        yield return Case("web-net9", Web("net9.0"), SingleStage("9.0", "App"));
        yield return Case("console-net8", Console("net8.0"), SingleStage("8.0", "App"));
        yield return Case("console-net10-self-contained", Console("net10.0").With("SelfContained", "true").With("InvariantGlobalization", "true"), SingleStage("10.0", "App"));
        yield return Case("console-net10-aot", Console("net10.0").With("PublishAot", "true").With("InvariantGlobalization", "true"), SingleStage("10.0", "App"));
        yield return Case("console-net9-aot", Console("net9.0").With("PublishAot", "true").With("InvariantGlobalization", "true"), SingleStage("9.0", "App"));
        yield return Case("worker-net9", Console("net9.0").With("UsingMicrosoftNETSdkWorker", "true"), SingleStage("9.0", "App"));
        yield return Case("web-net10-container-family", Web("net10.0").With("ContainerFamily", "noble-chiseled-composite"), SingleStage("10.0", "App"));
        yield return Case("web-net10-container-base-image", Web("net10.0").With("ContainerBaseImage", "mcr.microsoft.com/dotnet/aspnet:10.0-azurelinux3.0-distroless"), SingleStage("10.0", "App"));
        yield return Case("web-net6-old-ports", Web("net6.0"), SingleStage("6.0", "App"));
        yield return Case("web-net8-assembly-name", Web("net8.0").With("AssemblyName", "Contoso.Api"), SingleStage("8.0", "App"));
        yield return Case(
            "web-net8-solution-context",
            Web("net8.0").With(ProjectLayout.RestoreFilesProperty, "/repo/Directory.Build.props;/repo/global.json"),
            SingleStage("8.0", "App"),
            projectText: "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><ItemGroup><ProjectReference Include=\"..\\Lib\\Lib.csproj\" /></ItemGroup></Project>");
        yield return Case("web-net8-restore-files", Web("net8.0").With(ProjectLayout.RestoreFilesProperty, "/repo/src/App/Directory.Packages.props;/repo/src/App/NuGet.config"), SingleStage("8.0", "App"));
        yield return Case("web-net8-visual-studio-context", Web("net8.0").With("DockerfileContext", "../.."), SingleStage("8.0", "App"));
        yield return Case("web-net8-carry-over", Web("net8.0"), """
            # syntax=docker/dockerfile:1
            # Our API image.
            ARG BUILD_CONFIGURATION=Release
            FROM mcr.microsoft.com/dotnet/sdk:8.0
            ARG APP_VERSION=1.0.0
            RUN apt-get update && apt-get install -y libgdiplus
            WORKDIR /src
            COPY . .
            RUN dotnet restore
            RUN dotnet publish -c Release -o out
            # Labels for the registry.
            LABEL org.opencontainers.image.version=$APP_VERSION maintainer="team@contoso.com"
            ENV ASPNETCORE_URLS=http://+:5000 \
                DOTNET_EnableDiagnostics=0
            EXPOSE 5000
            VOLUME /data
            HEALTHCHECK --interval=30s CMD ["dotnet", "out/App.dll", "--health"]
            STOPSIGNAL SIGTERM
            USER 1000
            ENTRYPOINT ["dotnet", "out/App.dll"]
            CMD ["--verbose"]
            """);
        yield return Case("web-net8-relative-output", Web("net8.0"), """
            FROM mcr.microsoft.com/dotnet/sdk:8.0 AS final
            WORKDIR /source
            COPY . .
            RUN dotnet publish -c Release -o out \
                && echo done
            EXPOSE 80
            ENTRYPOINT dotnet out/App.dll
            """);
        yield return Case("web-net8-final-on-build-stage", Web("net8.0"), """
            FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build
            WORKDIR /src
            COPY . .
            RUN dotnet publish -c Release -o /out

            FROM build AS final
            WORKDIR /out
            ENV TZ=Europe/Paris
            ENTRYPOINT ["dotnet", "App.dll"]
            """);
        yield return Case("web-net8-final-copies-to-sdk", Web("net8.0"), """
            FROM node:20 AS frontend
            WORKDIR /web
            COPY web/ .
            RUN npm ci && npm run build

            FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build
            WORKDIR /src
            COPY . .
            COPY --from=frontend /web/dist wwwroot
            RUN dotnet publish -c Release -o /app

            FROM mcr.microsoft.com/dotnet/sdk:8.0
            WORKDIR /app
            COPY --from=build /app .
            RUN curl -sSL https://example.com/install.sh | sh
            ENTRYPOINT ["dotnet", "App.dll"]
            """);
        yield return Case("console-net8-crlf-shell-entrypoint", Console("net8.0"), "FROM mcr.microsoft.com/dotnet/sdk:8.0\r\nWORKDIR /app\r\nCOPY . .\r\nRUN dotnet publish -c Release\r\nENTRYPOINT ./entrypoint.sh --port 5000 && echo bye\r\n");
        yield return Case("console-net9-aot-backtick-escape", Console("net9.0").With("PublishAot", "true"), """
            # escape=`
            FROM mcr.microsoft.com/dotnet/sdk:9.0
            WORKDIR /src
            COPY . .
            RUN dotnet publish -c Release `
                -o /out
            ENV GREETING=hello `
                NAME=world
            ENTRYPOINT ["/out/App"]
            """);
        yield return Case("web-net8-env-continuation-at-end-of-file", Web("net8.0"), "FROM mcr.microsoft.com/dotnet/sdk:8.0\nCOPY . .\nRUN dotnet publish -o /out\nENV A=1 \\\n");
        yield return Case("console-multi-targeting", Console("net8.0").With("ContainerAnalyzersTargetFrameworks", "net8.0|net10.0"), SingleStage("8.0", "App"));
        yield return Case("web-net10-new", Web("net10.0"), null);
        yield return Case("console-net10-aot-new", Console("net10.0").With("PublishAot", "true").With("InvariantGlobalization", "true"), null);
    }

    [TestCaseSource(nameof(Cases))]
    public void GeneratedDockerfileMatchesGoldenAndIsClean(string name, Dictionary<string, string> properties, string? oldDockerfile, string projectText)
    {
        var facts = ProjectFacts.Create(p => properties.TryGetValue(p, out var v) ? v : null, ProjectDirectory + "/App.csproj", projectText);
        foreach (var (suffix, text) in Generate(facts, oldDockerfile))
        {
            var tree = DockerfileParser.Parse(text);
            Assert.That(tree.Diagnostics.Select(d => d.Message), Is.Empty, $"{suffix} output parses cleanly:\n{text}");
            Assert.That(EngineTest.ForProperties(properties).WithProject(ProjectDirectory + "/App.csproj", projectText).Warnings(text), Is.Empty, $"{suffix} output is clean:\n{text}");
            CheckGolden($"{name}.{suffix}.Dockerfile", text);
        }
    }

    // A golden file no case produces any more (a fix that stopped being offered) would otherwise linger unnoticed.
    [Test]
    public void EveryGoldenFileIsProducedByACase()
    {
        var produced = Cases().SelectMany(c =>
        {
            var (name, properties, oldDockerfile, projectText) = ((string)c.Arguments[0]!, (Dictionary<string, string>)c.Arguments[1]!, (string?)c.Arguments[2], (string)c.Arguments[3]!);
            var facts = ProjectFacts.Create(p => properties.TryGetValue(p, out var v) ? v : null, ProjectDirectory + "/App.csproj", projectText);
            return Generate(facts, oldDockerfile).Select(o => $"{name}.{o.Suffix}.Dockerfile");
        }).ToHashSet(StringComparer.Ordinal);
        var folder = Path.Combine(TestPaths.RepositoryRoot, "tests", "ContainerAnalyzers.Tests", "Fixes", "Golden");
        var orphans = Directory.GetFiles(folder, "*.Dockerfile").Select(Path.GetFileName).Where(f => !produced.Contains(f!)).ToArray();
        if (Environment.GetEnvironmentVariable("CONTAINERANALYZERS_UPDATE_GOLDEN") == "1")
        {
            foreach (var orphan in orphans)
            {
                File.Delete(Path.Combine(folder, orphan!));
            }

            return;
        }

        Assert.That(orphans, Is.Empty, "golden files no case produces (CONTAINERANALYZERS_UPDATE_GOLDEN=1 deletes them)");
    }

    private static List<(string Suffix, string Text)> Generate(ProjectFacts facts, string? oldDockerfile)
    {
        var outputs = new List<(string Suffix, string Text)>();
        if (oldDockerfile is null)
        {
            outputs.Add(("new", DockerfileFixes.CreateDockerfile(facts, ProjectDirectory + "/Dockerfile") ?? throw new AssertionException("no Dockerfile generated")));
        }
        else
        {
            var fixes = DockerfileFixes.GetFixes(oldDockerfile, ProjectDirectory + "/Dockerfile", facts);
            Assert.That(fixes.Select(f => f.Kind), Does.Contain(DockerfileFixKind.Regenerate), "the full regeneration is always offered");
            outputs.AddRange(fixes.Select(f => (f.Kind == DockerfileFixKind.MinimalEdit ? "minimal" : "regenerated", f.NewText)));
        }

        return outputs;
    }

    [Test]
    public void MinimalEditIsOfferedFirstWhenThePublishCanBeFollowed()
    {
        var facts = ProjectFacts.Create(p => Web("net8.0").TryGetValue(p, out var v) ? v : null, ProjectDirectory + "/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />");
        var fixes = DockerfileFixes.GetFixes(SingleStage("8.0", "App"), ProjectDirectory + "/Dockerfile", facts);
        Assert.That(fixes.Select(f => f.Kind), Is.EqualTo(new[] { DockerfileFixKind.MinimalEdit, DockerfileFixKind.Regenerate }));
    }

    // With a ProjectReference outside the project's folder, a kept builder that publishes "the project here" was written
    // for the project folder, where the reference is missing: only the rewrite is offered. A builder that names the
    // project by its path was written for the wider context, and is kept.
    [TestCase("RUN dotnet publish -c Release -o out", false)]
    [TestCase("RUN dotnet publish ./App.csproj -c Release -o out", false)]
    [TestCase("RUN dotnet publish src/App/App.csproj -c Release -o out", true)]
    public void MinimalEditWithProjectReferencesOnlyWhenTheBuilderNamesTheProjectPath(string publish, bool minimalOffered)
    {
        var facts = ProjectFacts.Create(p => Web("net8.0").TryGetValue(p, out var v) ? v : null, ProjectDirectory + "/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><ItemGroup><ProjectReference Include=\"../Lib/Lib.csproj\" /></ItemGroup></Project>");
        var dockerfile = SingleStage("8.0", "App").Replace("RUN dotnet publish -c Release -o out", publish, StringComparison.Ordinal);

        var fixes = DockerfileFixes.GetFixes(dockerfile, ProjectDirectory + "/Dockerfile", facts);

        Assert.That(fixes.Any(f => f.Kind == DockerfileFixKind.MinimalEdit), Is.EqualTo(minimalOffered), string.Join("\n---\n", fixes.Select(f => f.NewText)));
    }

    [Test]
    public void NoFixWithoutATargetFramework()
    {
        var facts = ProjectFacts.Create(_ => null, ProjectDirectory + "/App.csproj", null);
        Assert.That(DockerfileFixes.GetFixes(SingleStage("8.0", "App"), ProjectDirectory + "/Dockerfile", facts), Is.Empty);
        Assert.That(DockerfileFixes.CreateDockerfile(facts, ProjectDirectory + "/Dockerfile"), Is.Null);
    }

    [Test]
    public void DockerIgnoreKeepsBuildOutputAndSecretsOut()
    {
        var ignore = DockerfileFixes.CreateDockerIgnore();
        Assert.That(ignore, Does.Contain("**/bin/").And.Contain("**/obj/").And.Contain("**/.git").And.Contain("**/.env"));
    }

    internal static string SingleStage(string version, string assembly) => $"""
        FROM mcr.microsoft.com/dotnet/sdk:{version}
        WORKDIR /app
        COPY . .
        RUN dotnet restore
        RUN dotnet publish -c Release -o out
        ENTRYPOINT ["dotnet", "out/{assembly}.dll"]
        """ + "\n";

    internal static Dictionary<string, string> Web(string framework) => new(StringComparer.OrdinalIgnoreCase)
    {
        ["MSBuildProjectName"] = "App",
        ["MSBuildProjectFullPath"] = ProjectDirectory + "/App.csproj",
        ["TargetFramework"] = framework,
        ["OutputType"] = "Exe",
        ["UsingMicrosoftNETSdkWeb"] = "true",
    };

    internal static Dictionary<string, string> Console(string framework) => new(StringComparer.OrdinalIgnoreCase)
    {
        ["MSBuildProjectName"] = "App",
        ["MSBuildProjectFullPath"] = ProjectDirectory + "/App.csproj",
        ["TargetFramework"] = framework,
        ["OutputType"] = "Exe",
    };

    private static TestCaseData Case(string name, Dictionary<string, string> properties, string? oldDockerfile, string? projectText = null)
        => new TestCaseData(name, properties, oldDockerfile is null ? null : oldDockerfile.TrimEnd() + (oldDockerfile.Contains("\r\n") ? "\r\n" : "\n"), projectText ?? "<Project Sdk=\"Microsoft.NET.Sdk\" />") { TestName = name };

    private static void CheckGolden(string fileName, string actual)
    {
        var path = Path.Combine(TestPaths.RepositoryRoot, "tests", "ContainerAnalyzers.Tests", "Fixes", "Golden", fileName);
        if (Environment.GetEnvironmentVariable("CONTAINERANALYZERS_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.That(File.Exists(path), Is.True, $"golden file {fileName} is missing; run with CONTAINERANALYZERS_UPDATE_GOLDEN=1 and review it. Output:\n{actual}");
        Assert.That(actual, Is.EqualTo(File.ReadAllText(path)), $"{fileName} differs from the golden file");
    }
}

internal static class PropertyExtensions
{
    public static Dictionary<string, string> With(this Dictionary<string, string> properties, string name, string value)
        => new(properties, StringComparer.OrdinalIgnoreCase) { [name] = value };
}

/// <summary>
/// The generator on every Dockerfile of the shared corpora (BuildKit's parser cases, Microsoft's samples): it never
/// throws, and what it writes parses with no more syntax errors than the input had.
/// </summary>
[TestFixture]
public sealed class GeneratorCorpusTests
{
    public static IEnumerable<string> Corpora() => new[] { "buildkit-parser", "dotnet-docker-samples" };

    [TestCaseSource(nameof(Corpora))]
    public void FixesNeverThrowAndOutputParses(string corpus)
    {
        var root = TestPaths.RequireCorpus(corpus);
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f).StartsWith("Dockerfile", StringComparison.Ordinal))
            .ToArray();
        Assert.That(files, Is.Not.Empty);
        var facts = ProjectFacts.Create(p => GeneratedDockerfileTests.Web("net8.0").TryGetValue(p, out var v) ? v : null, "/repo/src/App/App.csproj", null);
        var rewritten = 0;
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var before = DockerfileParser.Parse(text).Diagnostics.Count;
            foreach (var fix in DockerfileFixes.GetFixes(text, "/repo/src/App/Dockerfile", facts))
            {
                rewritten++;
                var after = DockerfileParser.Parse(fix.NewText).Diagnostics;
                Assert.That(after.Count, Is.LessThanOrEqualTo(before), $"{file} ({fix.Kind}):\n{fix.NewText}\n{string.Join("\n", after.Select(d => d.Message))}");
            }
        }

        TestContext.Out.WriteLine($"{corpus}: {files.Length} Dockerfiles, {rewritten} fixes computed");
    }
}
