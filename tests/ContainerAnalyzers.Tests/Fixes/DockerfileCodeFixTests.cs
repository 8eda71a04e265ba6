using ContainerAnalyzers.CodeFixes;
using ContainerAnalyzers.Fixes;
using ContainerAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Fixes;

/// <summary>Road 1: the code fix on the Dockerfile (an additional document) itself, through the workspace harness.</summary>
[TestFixture]
public sealed class DockerfileCodeFixTests
{
    [TestCase(0, DockerfileFixes.MinimalEditTitle)]
    [TestCase(1, DockerfileFixes.RegenerateTitle)]
    public async Task FixOnTheDockerfileRewritesItAndLeavesNoWarning(int index, string title)
    {
        using var harness = new WorkspaceHarness(Properties(), GeneratedDockerfileTests.SingleStage("8.0", "App"));
        var project = harness.Solution.GetProject(harness.ProjectId)!;
        var diagnostics = await WorkspaceHarness.AnalyzeAsync(project);
        var dockerfile = project.AdditionalDocuments.Single(d => d.Name == "Dockerfile");
        var builderStage = diagnostics.Single(d => d.Id == "CTR0001");
        Assert.That(builderStage.Location.GetLineSpan().Path, Is.EqualTo(dockerfile.FilePath));

        var actions = await WorkspaceHarness.GetActionsAsync(new DockerfileCodeFixProvider(), dockerfile, builderStage);
        Assert.That(actions.Select(a => a.Title), Is.EqualTo(new[] { DockerfileFixes.MinimalEditTitle, DockerfileFixes.RegenerateTitle, DockerfileFixes.DockerIgnoreTitle }));
        Assert.That(actions[index].Title, Is.EqualTo(title));

        var fixedSolution = await WorkspaceHarness.ApplyAsync(actions[index]);
        var fixedProject = fixedSolution.GetProject(harness.ProjectId)!;
        var text = (await fixedProject.GetAdditionalDocument(dockerfile.Id)!.GetTextAsync()).ToString();
        Assert.That(text, Does.Contain("FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled-extra AS final"));
        var after = await WorkspaceHarness.AnalyzeAsync(fixedProject);
        Assert.That(after.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()), Is.Empty);
        Assert.That(after.Where(d => d.Id == "CTR0009"), Is.Empty, "the C# mirror disappears with the Dockerfile diagnostics");
    }

    // An app published on the host and copied into the SDK image: the first action keeps that workflow and swaps the
    // image; the rewrite into a builder stage is the second (issue 16).
    [Test]
    public async Task HostPublishedAppIsFirstOfferedTheImageSwap()
    {
        const string hostPublished = "FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /app\nCOPY Publish .\nCMD [\"dotnet\", \"App.dll\"]\n";
        using var harness = new WorkspaceHarness(Properties(), hostPublished);
        var project = harness.Solution.GetProject(harness.ProjectId)!;
        var dockerfile = project.AdditionalDocuments.Single(d => d.Name == "Dockerfile");
        var diagnostic = (await WorkspaceHarness.AnalyzeAsync(project)).First(d => d.Id == "CTR0002");

        var actions = await WorkspaceHarness.GetActionsAsync(new DockerfileCodeFixProvider(), dockerfile, diagnostic);
        Assert.That(actions.Select(a => a.Title).Take(2), Is.EqualTo(new[] { DockerfileFixes.SwapImageTitle, DockerfileFixes.RegenerateTitle }));

        var fixedProject = (await WorkspaceHarness.ApplyAsync(actions[0])).GetProject(harness.ProjectId)!;
        var text = (await fixedProject.GetAdditionalDocument(dockerfile.Id)!.GetTextAsync()).ToString();
        // The chiseled image starts /usr/bin/dotnet itself, so the CMD becomes the ENTRYPOINT (CTR0036).
        Assert.That(text, Is.EqualTo(hostPublished.Replace("sdk:8.0", "aspnet:8.0-noble-chiseled-extra", StringComparison.Ordinal).Replace("CMD [", "ENTRYPOINT [", StringComparison.Ordinal)));
        var after = await WorkspaceHarness.AnalyzeAsync(fixedProject);
        Assert.That(after.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()), Is.Empty);
    }

    [Test]
    public async Task CompanionFixAddsDockerIgnoreInTheBuildContext()
    {
        using var harness = new WorkspaceHarness(Properties(), GeneratedDockerfileTests.SingleStage("8.0", "App"));
        var project = harness.Solution.GetProject(harness.ProjectId)!;
        var dockerfile = project.AdditionalDocuments.Single(d => d.Name == "Dockerfile");
        var diagnostic = (await WorkspaceHarness.AnalyzeAsync(project)).First(d => d.Id == "CTR0002");
        var actions = await WorkspaceHarness.GetActionsAsync(new DockerfileCodeFixProvider(), dockerfile, diagnostic);

        var fixedSolution = await WorkspaceHarness.ApplyAsync(actions.Single(a => a.Title == DockerfileFixes.DockerIgnoreTitle));
        var ignore = fixedSolution.GetProject(harness.ProjectId)!.AdditionalDocuments.Single(d => d.Name == ".dockerignore");
        Assert.That(ignore.FilePath, Is.EqualTo("/src/App/.dockerignore"));
        Assert.That((await ignore.GetTextAsync()).ToString(), Does.Contain("**/obj/"));
        Assert.That((await ignore.GetTextAsync()).Encoding?.GetPreamble(), Is.Empty, "a new file is written without a byte order mark");
    }

    [Test]
    public async Task ProjectWithoutDockerfileGetsOneFromTheProjectFileDiagnostic()
    {
        using var harness = new WorkspaceHarness(Properties(), dockerfile: null);
        var project = harness.Solution.GetProject(harness.ProjectId)!;
        var diagnostic = (await WorkspaceHarness.AnalyzeAsync(project)).Single(d => d.Id == "CTR0003");
        var projectFile = project.AdditionalDocuments.Single(d => d.Name == "App.csproj");

        var actions = await WorkspaceHarness.GetActionsAsync(new DockerfileCodeFixProvider(), projectFile, diagnostic);
        Assert.That(actions.Select(a => a.Title), Is.EqualTo(new[] { DockerfileFixes.CreateTitle, DockerfileFixes.DockerIgnoreTitle }));
        var fixedProject = (await WorkspaceHarness.ApplyAsync(actions[0])).GetProject(harness.ProjectId)!;
        var added = fixedProject.AdditionalDocuments.Single(d => d.Name == "Dockerfile");
        Assert.That(added.FilePath, Is.EqualTo("/src/App/Dockerfile"));
        Assert.That((await added.GetTextAsync()).Encoding?.GetPreamble(), Is.Empty, "a new file is written without a byte order mark");
        var after = await WorkspaceHarness.AnalyzeAsync(fixedProject);
        Assert.That(after.Where(d => d.Severity >= DiagnosticSeverity.Warning || d.Id == "CTR0003").Select(d => d.ToString()), Is.Empty);
    }

    [Test]
    public async Task FixAllAcrossTheSolutionFixesEveryProjectThatNeedsIt()
    {
        using var harness = new WorkspaceHarness(Properties(), GeneratedDockerfileTests.SingleStage("8.0", "App"));
        var project = harness.Solution.GetProject(harness.ProjectId)!;
        var diagnostic = (await WorkspaceHarness.AnalyzeAsync(project)).Single(d => d.Id == "CTR0001");
        var provider = new DockerfileCodeFixProvider();
        var dockerfile = project.AdditionalDocuments.Single(d => d.Name == "Dockerfile");
        var action = (await WorkspaceHarness.GetActionsAsync(provider, dockerfile, diagnostic))[1];

        var fixAll = provider.GetFixAllProvider()!;
        Assert.That(fixAll.GetSupportedFixAllScopes(), Does.Contain(Microsoft.CodeAnalysis.CodeFixes.FixAllScope.Solution));
        var context = new Microsoft.CodeAnalysis.CodeFixes.FixAllContext(
            project, provider, Microsoft.CodeAnalysis.CodeFixes.FixAllScope.Solution, action.EquivalenceKey, new[] { "CTR0001" }, new EmptyDiagnosticProvider(), CancellationToken.None);
        var fixAllAction = await fixAll.GetFixAsync(context);
        var fixedProject = (await WorkspaceHarness.ApplyAsync(fixAllAction!)).GetProject(harness.ProjectId)!;
        var after = await WorkspaceHarness.AnalyzeAsync(fixedProject);
        Assert.That(after.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()), Is.Empty);
    }

    [Test]
    public async Task RuleFixRetagsTheImageInTheDockerfile()
    {
        const string dockerfile = "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nRUN dotnet publish -o /app\nFROM mcr.microsoft.com/dotnet/aspnet:6.0\nCOPY --from=build /app .\nUSER $APP_UID\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n";
        using var harness = new WorkspaceHarness(Properties(), dockerfile);
        var project = harness.Solution.GetProject(harness.ProjectId)!;
        var diagnostic = (await WorkspaceHarness.AnalyzeAsync(project)).Single(d => d.Id == "CTR0020");
        var document = project.AdditionalDocuments.Single(d => d.Name == "Dockerfile");

        var actions = await WorkspaceHarness.GetActionsAsync(new RuleFixCodeFixProvider(), document, diagnostic);
        var fixedProject = (await WorkspaceHarness.ApplyAsync(actions.Single())).GetProject(harness.ProjectId)!;
        var text = (await fixedProject.GetAdditionalDocument(document.Id)!.GetTextAsync()).ToString();
        Assert.That(text, Does.Contain("FROM mcr.microsoft.com/dotnet/aspnet:8.0\n"));
        Assert.That((await WorkspaceHarness.AnalyzeAsync(fixedProject)).Where(d => d.Id == "CTR0020"), Is.Empty);
    }

    [Test]
    public async Task RuleFixCanEditTheProjectFile()
    {
        const string dockerfile = "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nRUN dotnet publish -o /app\nFROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled\nCOPY --from=build /app .\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n";
        const string projectText = "<Project Sdk=\"Microsoft.NET.Sdk.Web\">\n  <PropertyGroup>\n    <TargetFramework>net8.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n";
        // Code that needs no culture data: declaring invariant mode is safe, and is offered (issue 28: never to code
        // that creates a culture, where it would throw CultureNotFoundException).
        using var harness = new WorkspaceHarness(Properties(), dockerfile, "System.Console.WriteLine(\"hello\");\n", projectText);
        var project = harness.Solution.GetProject(harness.ProjectId)!;
        var diagnostic = (await WorkspaceHarness.AnalyzeAsync(project)).Single(d => d.Id == "CTR0024");
        Assert.That(diagnostic.Severity, Is.EqualTo(DiagnosticSeverity.Info), "the sources use no culture");
        var document = project.AdditionalDocuments.Single(d => d.Name == "Dockerfile");

        var actions = await WorkspaceHarness.GetActionsAsync(new RuleFixCodeFixProvider(), document, diagnostic);
        Assert.That(actions.Select(a => a.Title), Is.EqualTo(new[] { "Use the -extra image, which has ICU", "Declare InvariantGlobalization in the project" }));
        var fixedProject = (await WorkspaceHarness.ApplyAsync(actions[1])).GetProject(harness.ProjectId)!;
        var projectFile = fixedProject.AdditionalDocuments.Single(d => d.Name == "App.csproj");
        Assert.That((await projectFile.GetTextAsync()).ToString(), Does.Contain("<InvariantGlobalization>true</InvariantGlobalization>"));
    }

    // The sample's own bad Dockerfile, fixed on roads 1 and 2 (road 3 is the end-to-end FixDockerfile test and the README
    // demo): every offered fix leaves the sample without a warning.
    [Test]
    public async Task SampleHelloWebIsFixedOnRoadsOneAndTwo()
    {
        var dockerfile = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "samples", "HelloWeb", "Dockerfile"));
        var properties = Properties();
        properties["TargetFramework"] = "net10.0";
        properties["MSBuildProjectName"] = "HelloWeb";
        properties["AssemblyName"] = "HelloWeb";

        using var harness = new WorkspaceHarness(properties, dockerfile, "var app = 1;\nSystem.Console.WriteLine(app);\n");
        var project = harness.Solution.GetProject(harness.ProjectId)!;
        var diagnostics = await WorkspaceHarness.AnalyzeAsync(project);
        var document = project.AdditionalDocuments.Single(d => d.Name == "Dockerfile");

        // Road 1: on the Dockerfile diagnostic.
        var road1 = await WorkspaceHarness.GetActionsAsync(new DockerfileCodeFixProvider(), document, diagnostics.First(d => d.Id == "CTR0002"));
        // Road 2: on the hidden mirror at the first top-level statement of Program.cs.
        var mirror = diagnostics.Single(d => d.Id == "CTR0009");
        var road2 = new List<Microsoft.CodeAnalysis.CodeActions.CodeAction>();
        await new CTR0009DockerfileFixFromCodeCodeFixProvider().RegisterCodeFixesAsync(new Microsoft.CodeAnalysis.CodeFixes.CodeFixContext(
            project.Documents.Single(), mirror, (action, _) => road2.Add(action), CancellationToken.None));

        foreach (var action in road1.Concat(road2).Where(a => a.Title != DockerfileFixes.DockerIgnoreTitle))
        {
            var fixedProject = (await WorkspaceHarness.ApplyAsync(action)).GetProject(harness.ProjectId)!;
            var after = await WorkspaceHarness.AnalyzeAsync(fixedProject);
            var text = (await fixedProject.GetAdditionalDocument(document.Id)!.GetTextAsync()).ToString();
            Assert.That(after.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()), Is.Empty, action.Title + "\n" + text);
        }

        Assert.That(road1.Select(a => a.Title), Does.Contain(DockerfileFixes.MinimalEditTitle).And.Contain(DockerfileFixes.RegenerateTitle));
        Assert.That(road2.Select(a => a.Title), Is.EqualTo(road1.Select(a => a.Title)));
    }

    internal static Dictionary<string, string> Properties() => new()
    {
        ["MSBuildProjectFullPath"] = "/src/App/App.csproj",
        ["MSBuildProjectName"] = "App",
        ["TargetFramework"] = "net8.0",
        ["OutputType"] = "Exe",
        ["UsingMicrosoftNETSdkWeb"] = "true",
    };

    private sealed class EmptyDiagnosticProvider : Microsoft.CodeAnalysis.CodeFixes.FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) => Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult(Enumerable.Empty<Diagnostic>());
    }
}
