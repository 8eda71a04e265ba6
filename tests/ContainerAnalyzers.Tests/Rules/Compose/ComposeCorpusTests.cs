using ContainerAnalyzers.Benchmarks;
using ContainerAnalyzers.Compose;
using ContainerAnalyzers.Infrastructure;
using ContainerAnalyzers.Projects;
using ContainerAnalyzers.Rules;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules.Compose;

/// <summary>
/// The compose files of the real repositories (issue 19: they raise nothing), read as the package reads them: every
/// compose file from the Dockerfile's folder up to the repository's root, the project's appsettings, and its C# code as
/// a compilation. The one finding is the corpus's known mistake: demo-mvc maps 80:80 to a .NET 8 image.
/// </summary>
[TestFixture]
public sealed class ComposeCorpusTests
{
    private static readonly Dictionary<string, string[]> Expected = new(StringComparer.Ordinal)
    {
        ["real-repos/krmn-brc+demo-mvc/dockerfile"] = new[] { "docker-compose.yml CTR0060 (Warning) Container port 80 of service 'web' is not where the app listens: it listens on 8080 (ASPNETCORE_HTTP_PORTS of the image)" },
    };

    private static IReadOnlyList<CorpusPair> Pairs()
        => TestPaths.FindCorpus("real-repos") is { } realRepos
            ? CorpusPair.FromSharedCorpora(Path.GetDirectoryName(realRepos)!).Where(p => p.Name.StartsWith("real-repos/", StringComparison.Ordinal)).ToArray()
            : Array.Empty<CorpusPair>();

    [Test]
    public void RealRepositoryComposeFilesRaiseOnlyTheKnownMistake()
    {
        TestPaths.RequireCorpus("real-repos");
        var seen = new List<string>();
        foreach (var pair in Pairs())
        {
            var repository = Path.Combine(TestPaths.FindCorpus("real-repos")!, pair.Name.Split('/')[1]);
            var composeFiles = ComposeFilesAbove(Path.GetDirectoryName(pair.DockerfilePath)!, repository);
            if (composeFiles.Count == 0)
            {
                continue;
            }

            var properties = pair.Properties();
            var projectPath = pair.ProjectPath ?? Path.Combine(Path.GetDirectoryName(pair.DockerfilePath)!, "App.csproj");
            var facts = ProjectFacts.Create(p => properties.TryGetValue(p, out var v) ? v : null, projectPath, pair.ProjectText());
            var projectFolder = Path.GetDirectoryName(projectPath)!;
            var sources = Directory.Exists(projectFolder)
                ? Directory.EnumerateFiles(projectFolder, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/", StringComparison.Ordinal)).Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), path: f))
                : Enumerable.Empty<Microsoft.CodeAnalysis.SyntaxTree>();
            var compilation = CSharpCompilation.Create("corpus", sources);
            var appSettings = Directory.Exists(projectFolder)
                ? Directory.EnumerateFiles(projectFolder, "appsettings*.json").Select(f => AppSettingsReader.Read(Path.GetFileName(f), File.ReadAllText(f))!).ToList()
                : new List<AppSettingsFile>();
            var analysis = new DockerfileAnalysis(DockerfileModel.Create(DockerfileParser.Parse(File.ReadAllText(pair.DockerfilePath))), facts, CompilationSourceEvidence.For(compilation, CancellationToken.None)) { AppSettings = appSettings };
            var parsed = composeFiles.Select(f => ComposeFile.Parse(f, File.ReadAllText(f))).ToList();
            var found = new List<string>();
            foreach (var file in parsed)
            {
                var composeAnalysis = ComposeAnalysis.Create(file, parsed, new Dictionary<string, DockerfileAnalysis> { [pair.DockerfilePath] = analysis }, facts);
                seen.Add($"{pair.Name}: {Path.GetRelativePath(repository, file.Path)} ({composeAnalysis.Services.Count} service(s) of the project)");
                found.AddRange(ComposeRuleHost.Run(composeAnalysis, AllRules.ComposeRules, CancellationToken.None).Select(f => $"{Path.GetFileName(file.Path)} {f.Rule.Id} ({f.Severity}) {f.GetMessage()}"));
            }

            Assert.That(found, Is.EqualTo(Expected.TryGetValue(pair.Name, out var expected) ? expected : Array.Empty<string>()), pair.Name);
        }

        TestContext.Out.WriteLine(string.Join("\n", seen));
        Assert.That(seen, Has.Some.Contains("(1 service(s) of the project)"), "some compose file of the corpus builds its project's Dockerfile");
    }

    // What the package's MSBuild walk finds: each folder from the Dockerfile's up to the repository's root.
    private static List<string> ComposeFilesAbove(string folder, string repository)
    {
        var files = new List<string>();
        for (var current = folder; current is not null && current.StartsWith(repository, StringComparison.Ordinal); current = Path.GetDirectoryName(current))
        {
            files.AddRange(Directory.EnumerateFiles(current).Where(f => AdditionalFileKinds.ClassifyByName(f) == AdditionalFileKind.Compose).OrderBy(f => f, StringComparer.Ordinal));
        }

        return files;
    }
}
