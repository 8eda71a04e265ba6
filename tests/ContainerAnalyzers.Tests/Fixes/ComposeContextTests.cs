using ContainerAnalyzers.Compose;
using ContainerAnalyzers.Fixes;
using ContainerAnalyzers.Projects;
using ContainerAnalyzers.Rules;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Fixes;

/// <summary>
/// Issue 15, second piece of evidence: a compose file that builds the Dockerfile says which context the user's
/// `docker compose build` sends. The rewrite keeps it (every path relative to it), its header says so, and the compose
/// rules have nothing to say about the result.
/// </summary>
[TestFixture]
public sealed class ComposeContextTests
{
    // A Dockerfile whose COPY paths say nothing about the context (it copies everything).
    private const string CopiesEverything = "FROM mcr.microsoft.com/dotnet/sdk:10.0\nWORKDIR /app\nCOPY . .\nRUN dotnet publish -c Release -o out\nENTRYPOINT [\"dotnet\", \"out/Api.dll\"]\n";

    private static ProjectFacts Facts()
    {
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["MSBuildProjectName"] = "Api", ["MSBuildProjectFullPath"] = "/repo/src/Api/Api.csproj", ["TargetFramework"] = "net10.0",
            ["OutputType"] = "Exe", ["UsingMicrosoftNETSdkWeb"] = "true",
        };
        return ProjectFacts.Create(p => properties.TryGetValue(p, out var v) ? v : null, "/repo/src/Api/Api.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />");
    }

    private static string Regenerate(string dockerfile, params ComposeFile[] composeFiles)
    {
        var text = DockerfileFixes.GetFixes(dockerfile, "/repo/src/Api/Dockerfile", Facts(), inputs: new FixInputs { ComposeFiles = composeFiles }).Single(f => f.Kind == DockerfileFixKind.Regenerate).NewText;
        TestContext.Out.WriteLine(text);
        return text;
    }

    private static ComposeFile Compose(string path, string text) => ComposeFile.Parse(path, text);

    // Issue 24, case 6: the compose file's health check runs curl, which the SDK image has and a chiseled image does not.
    // Every fix would raise CTR0061 there, so none is offered, and each says what it would break.
    [Test]
    public void AFixThatWouldBreakTheComposeFileIsNotOffered()
    {
        var compose = Compose("/repo/src/Api/docker-compose.yml", "services:\n  api:\n    build: .\n    healthcheck:\n      test: [\"CMD\", \"curl\", \"-f\", \"http://localhost:8080/\"]\n");
        var fixes = DockerfileFixes.GetFixes(CopiesEverything, "/repo/src/Api/Dockerfile", Facts(), inputs: new FixInputs { ComposeFiles = new[] { compose } });
        Assert.That(fixes, Is.Not.Empty);
        Assert.That(fixes.Select(f => f.Breaks.FirstOrDefault()), Has.All.StartWith("CTR0061 in docker-compose.yml: "));
    }

    [Test]
    public void AHealthCheckTheRuntimeImageCanRun_NearMiss()
    {
        var compose = Compose("/repo/src/Api/docker-compose.yml", "services:\n  api:\n    build: .\n    healthcheck:\n      test: [\"NONE\"]\n");
        var fixes = DockerfileFixes.GetFixes(CopiesEverything, "/repo/src/Api/Dockerfile", Facts(), inputs: new FixInputs { ComposeFiles = new[] { compose } });
        Assert.That(fixes.SelectMany(f => f.Breaks), Is.Empty);
    }

    [Test]
    public void ComposeContextAtTheRoot_KeptWithItsCommand()
    {
        var compose = Compose("/repo/docker-compose.yml", "services:\n  api:\n    build:\n      context: .\n      dockerfile: src/Api/Dockerfile\n    ports:\n      - \"5000:8080\"\n");
        var text = Regenerate(CopiesEverything, compose);
        Assert.That(text, Does.Contain("# The build context is ../.. (repo/): docker-compose.yml builds this Dockerfile with it (docker compose build\n# works unchanged). From that folder:\n#   docker build -t api -f src/Api/Dockerfile ."));
        Assert.That(text, Does.Contain("COPY src/Api/Api.csproj src/Api/"));
        AssertComposeRulesQuiet(text, compose);
    }

    [Test]
    public void ComposeContextWinsOverCopyPathsThatDisagree_AndCTR0063IsGone()
    {
        // The old file was written for the project folder as context; compose sends the repository root.
        const string projectFolderPaths = "FROM mcr.microsoft.com/dotnet/sdk:10.0\nWORKDIR /app\nCOPY Api.csproj ./\nRUN dotnet restore\nCOPY . .\nRUN dotnet publish -c Release -o out\nENTRYPOINT [\"dotnet\", \"out/Api.dll\"]\n";
        var compose = Compose("/repo/compose.yaml", "services:\n  api:\n    build:\n      context: .\n      dockerfile: ./src/Api/Dockerfile\n");
        Assert.That(ComposeFindings(projectFolderPaths, compose), Does.Contain("CTR0063"), "the old file's paths do not fit the compose context");
        var text = Regenerate(projectFolderPaths, compose);
        Assert.That(text, Does.Contain("COPY src/Api/Api.csproj src/Api/"));
        AssertComposeRulesQuiet(text, compose);
    }

    [Test]
    public void ComposeContextWithoutTheProject_Ignored()
    {
        var compose = Compose("/repo/docker-compose.yml", "services:\n  api:\n    build:\n      context: ./src/Other\n      dockerfile: ../Api/Dockerfile\n");
        Assert.That(Regenerate(CopiesEverything, compose), Does.Not.Contain("docker-compose.yml builds this Dockerfile"));
    }

    [Test]
    public void ComposeFilesThatDisagree_Ignored()
    {
        var root = Compose("/repo/docker-compose.yml", "services:\n  api:\n    build:\n      context: .\n      dockerfile: src/Api/Dockerfile\n");
        var local = Compose("/repo/src/Api/compose.yaml", "services:\n  api:\n    build: .\n");
        Assert.That(Regenerate(CopiesEverything, root, local), Does.Not.Contain("builds this Dockerfile with it"));
    }

    [Test]
    public void ComposeOfAnotherDockerfile_Ignored()
    {
        var compose = Compose("/repo/docker-compose.yml", "services:\n  web:\n    build:\n      context: .\n      dockerfile: src/Web/Dockerfile\n");
        Assert.That(Regenerate(CopiesEverything, compose), Does.Not.Contain("docker-compose.yml"));
    }

    private static string[] ComposeFindings(string dockerfile, ComposeFile compose)
    {
        var facts = Facts();
        var analysis = new DockerfileAnalysis(DockerfileModel.Create(DockerfileParser.Parse(dockerfile)), facts, Infrastructure.CodeSource.None);
        return ComposeRuleHost.Run(ComposeAnalysis.Create(compose, new[] { compose }, new Dictionary<string, DockerfileAnalysis> { ["/repo/src/Api/Dockerfile"] = analysis }, facts), AllRules.ComposeRules, CancellationToken.None)
            .Select(f => f.Rule.Id).ToArray();
    }

    private static void AssertComposeRulesQuiet(string dockerfile, ComposeFile compose)
        => Assert.That(ComposeFindings(dockerfile, compose), Is.Empty, "the compose rules on the rewrite");
}
