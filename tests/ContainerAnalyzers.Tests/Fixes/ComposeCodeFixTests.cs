using ContainerAnalyzers.CodeFixes;
using ContainerAnalyzers.Fixes;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Fixes;

/// <summary>The IDE road with a compose file: CTR0060's fix edits the compose document, and the Dockerfile rewrite keeps the compose context.</summary>
[TestFixture]
public sealed class ComposeCodeFixTests
{
    private const string Chiseled = "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nCOPY App.csproj ./\nRUN dotnet restore\nCOPY . .\nRUN dotnet publish -c Release -o /app/publish\n\nFROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled\nWORKDIR /app\nCOPY --from=build /app/publish .\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n";

    [Test]
    public async Task PortFixEditsTheComposeFile()
    {
        using var harness = new WorkspaceHarness(DockerfileCodeFixTests.Properties(), Chiseled)
            .WithAdditionalDocument("/src/docker-compose.yml", "services:\n  app:\n    build: ./App\n    ports:\n      - \"5000:80\"\n");
        var project = harness.Solution.GetProject(harness.ProjectId)!;
        var diagnostic = (await WorkspaceHarness.AnalyzeAsync(project)).Single(d => d.Id == "CTR0060");
        var compose = project.AdditionalDocuments.Single(d => d.Name == "docker-compose.yml");
        Assert.That(diagnostic.Location.GetLineSpan().Path, Is.EqualTo(compose.FilePath));

        var actions = await WorkspaceHarness.GetActionsAsync(new RuleFixCodeFixProvider(), compose, diagnostic);
        Assert.That(actions.Select(a => a.Title), Is.EqualTo(new[] { "Map to container port 8080" }));
        var fixedProject = (await WorkspaceHarness.ApplyAsync(actions[0])).GetProject(harness.ProjectId)!;
        Assert.That((await fixedProject.GetAdditionalDocument(compose.Id)!.GetTextAsync()).ToString(), Does.Contain("- \"5000:8080\"\n"));
        Assert.That((await WorkspaceHarness.AnalyzeAsync(fixedProject)).Where(d => d.Id.StartsWith("CTR006", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public async Task SuppressionGoesAboveTheLineAtItsIndentation()
    {
        using var harness = new WorkspaceHarness(DockerfileCodeFixTests.Properties(), Chiseled)
            .WithAdditionalDocument("/src/docker-compose.yml", "services:\n  app:\n    build: ./App\n    ports:\n      - \"5000:80\"\n");
        var project = harness.Solution.GetProject(harness.ProjectId)!;
        var diagnostic = (await WorkspaceHarness.AnalyzeAsync(project)).Single(d => d.Id == "CTR0060");
        var compose = project.AdditionalDocuments.Single(d => d.Name == "docker-compose.yml");

        var actions = await WorkspaceHarness.GetActionsAsync(new SuppressCodeFixProvider(), compose, diagnostic);
        var fixedProject = (await WorkspaceHarness.ApplyAsync(actions.Single())).GetProject(harness.ProjectId)!;
        var text = (await fixedProject.GetAdditionalDocument(compose.Id)!.GetTextAsync()).ToString();
        Assert.That(text, Is.EqualTo("services:\n  app:\n    build: ./App\n    ports:\n      # containeranalyzers ignore=CTR0060\n      - \"5000:80\"\n"));
        Assert.That((await WorkspaceHarness.AnalyzeAsync(fixedProject)).Where(d => d.Id is "CTR0060" or "CTR0091"), Is.Empty, "suppressed, and still valid YAML");
    }

    [Test]
    public async Task RewriteKeepsTheComposeContext()
    {
        const string singleStage = "FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /app\nCOPY . .\nRUN dotnet publish -c Release -o out\nENTRYPOINT [\"dotnet\", \"out/App.dll\"]\n";
        using var harness = new WorkspaceHarness(DockerfileCodeFixTests.Properties(), singleStage)
            .WithAdditionalDocument("/src/compose.yaml", "services:\n  app:\n    build:\n      context: .\n      dockerfile: App/Dockerfile\n");
        var project = harness.Solution.GetProject(harness.ProjectId)!;
        var diagnostic = (await WorkspaceHarness.AnalyzeAsync(project)).First(d => d.Id == "CTR0002");
        var dockerfile = project.AdditionalDocuments.Single(d => d.Name == "Dockerfile");

        var actions = await WorkspaceHarness.GetActionsAsync(new DockerfileCodeFixProvider(), dockerfile, diagnostic);
        var regenerate = actions.Single(a => a.Title == DockerfileFixes.RegenerateTitle);
        var fixedProject = (await WorkspaceHarness.ApplyAsync(regenerate)).GetProject(harness.ProjectId)!;
        var text = (await fixedProject.GetAdditionalDocument(dockerfile.Id)!.GetTextAsync()).ToString();
        Assert.That(text, Does.Contain("compose.yaml builds this Dockerfile with it"), text);
        Assert.That(text, Does.Contain("COPY App/App.csproj App/"), text);
        Assert.That((await WorkspaceHarness.AnalyzeAsync(fixedProject)).Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning), Is.Empty);
    }
}
