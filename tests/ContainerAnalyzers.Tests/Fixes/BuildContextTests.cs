using ContainerAnalyzers.Fixes;
using ContainerAnalyzers.Projects;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Fixes;

/// <summary>
/// The build context of the rewrite is evidence, never a guess (issue 15): DockerfileContext, then the old file's
/// COPY paths, then the Dockerfile's own folder when it holds the project and what restore reads, then the smallest
/// common folder. The header's command, pasted into the folder it names, builds.
/// </summary>
[TestFixture]
public sealed class BuildContextTests
{
    private static ProjectFacts Facts(string projectPath, string? projectText = null, params (string Name, string Value)[] extra)
    {
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["MSBuildProjectName"] = Path.GetFileNameWithoutExtension(projectPath),
            ["MSBuildProjectFullPath"] = projectPath,
            ["TargetFramework"] = "net10.0",
            ["OutputType"] = "Exe",
            ["UsingMicrosoftNETSdkWeb"] = "true",
        };
        foreach (var (name, value) in extra)
        {
            properties[name] = value;
        }

        return ProjectFacts.Create(p => properties.TryGetValue(p, out var v) ? v : null, projectPath, projectText ?? "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />");
    }

    private static string Regenerate(string dockerfile, string dockerfilePath, ProjectFacts facts)
    {
        var text = DockerfileFixes.GetFixes(dockerfile, dockerfilePath, facts).Single(f => f.Kind == DockerfileFixKind.Regenerate).NewText;
        TestContext.Out.WriteLine(text);
        return text;
    }

    private static string Header(string text) => string.Join("\n", text.Split('\n').TakeWhile(l => l.StartsWith('#')));

    [Test]
    public void RootDockerfileThatCopiesTheProjectFolderKeepsTheRootContext()
    {
        const string dockerfile = "FROM mcr.microsoft.com/dotnet/sdk:9.0\nWORKDIR /app\nCOPY worker ./\nRUN dotnet publish -c Release -o out\nENTRYPOINT [\"dotnet\", \"out/Q.Worker.dll\"]\n";
        var text = Regenerate(dockerfile, "/repo/worker.Dockerfile", Facts("/repo/worker/Q.Worker/Q.Worker.csproj"));
        Assert.That(Header(text), Does.Contain("# Build it from this folder:\n#   docker build -t q.worker -f worker.Dockerfile ."));
        Assert.That(text, Does.Contain("COPY worker/Q.Worker/Q.Worker.csproj worker/Q.Worker/"));
    }

    [Test]
    public void VisualStudioCopyPathsMeanTheSolutionRoot()
    {
        const string dockerfile = "FROM mcr.microsoft.com/dotnet/sdk:10.0\nWORKDIR /src\nCOPY [\"src/Api/Api.csproj\", \"src/Api/\"]\nRUN dotnet restore \"src/Api/Api.csproj\"\nCOPY . .\nRUN dotnet publish \"src/Api/Api.csproj\" -c Release -o /app\nENTRYPOINT [\"dotnet\", \"/app/Api.dll\"]\n";
        var text = Regenerate(dockerfile, "/repo/src/Api/Dockerfile", Facts("/repo/src/Api/Api.csproj"));
        Assert.That(Header(text), Does.Contain("The build context is ../.. (repo/): the old file's COPY paths are relative to it. From that folder:\n#   docker build -t api -f src/Api/Dockerfile ."));
        Assert.That(text, Does.Contain("COPY src/Api/Api.csproj src/Api/"));
    }

    [Test]
    public void RootDockerfileHoldingTheProjectAndItsReferencesIsItsOwnContext()
    {
        const string dockerfile = "FROM mcr.microsoft.com/dotnet/sdk:10.0\nWORKDIR /src\nCOPY . .\nRUN dotnet publish src/Api/Api.csproj -c Release -o /app\nENTRYPOINT [\"dotnet\", \"/app/Api.dll\"]\n";
        var facts = Facts("/repo/src/Api/Api.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><ItemGroup><ProjectReference Include=\"../Lib/Lib.csproj\" /></ItemGroup></Project>");
        var text = Regenerate(dockerfile, "/repo/Dockerfile", facts);
        Assert.That(Header(text), Does.Contain("# Build it from this folder:\n#   docker build -t api ."));
        Assert.That(text, Does.Contain("dotnet publish src/Api/Api.csproj"));
    }

    // Issue 15, failure 3: a solution-root Dockerfile with DockerfileFile=../../Dockerfile and DockerfileContext=../..
    // said "docker build -t api -f Dockerfile ../..", which fails from every folder.
    [Test]
    public void DeclaredContextAtTheDockerfileFolderBuildsWithADot()
    {
        var facts = Facts("/repo/src/Api/Api.csproj", null, ("DockerfileContext", "../.."), ("DockerfileFile", "../../Dockerfile"));
        var text = Regenerate(GeneratedDockerfileTests.SingleStage("10.0", "Api"), "/repo/Dockerfile", facts);
        Assert.That(Header(text), Does.Contain("# Build it from this folder:\n#   docker build -t api ."));
    }

    [Test]
    public void WildcardProjectCopyMeansTheProjectFolder()
    {
        const string dockerfile = "FROM mcr.microsoft.com/dotnet/sdk:10.0\nWORKDIR /src\nCOPY *.csproj ./\nRUN dotnet restore\nCOPY . .\nRUN dotnet publish -c Release -o /app\nENTRYPOINT [\"dotnet\", \"/app/Api.dll\"]\n";
        var facts = Facts("/repo/src/Api/Api.csproj", null, ("ContainerAnalyzersRestoreFileList", "/repo/Directory.Build.props"));
        var text = Regenerate(dockerfile, "/repo/src/Api/Dockerfile", facts);
        Assert.That(Header(text), Does.Contain("# Build it from this folder:\n#   docker build -t api ."), "the user's context is the project folder, whatever lies above it");
        Assert.That(text, Does.Not.Contain("Directory.Build.props"), "outside the user's context: not copied");
    }

    // Issue 15, failure 4: Directory.Build.props imports eng/Versions.props, which holds the package versions; a
    // restore layer that copies only Directory.Build.props fails with NU1015. The targets say the inputs import others.
    [Test]
    public void BuildFilesThatImportOthersAreRestoredFromTheWholeContext()
    {
        var facts = Facts("/repo/src/Api/Api.csproj", null, ("ContainerAnalyzersRestoreFileList", "/repo/Directory.Build.props"), ("ContainerAnalyzersRestoreFilesImport", "true"));
        var text = DockerfileFixes.CreateDockerfile(facts, "/repo/src/Api/Dockerfile")!;
        TestContext.Out.WriteLine(text);
        Assert.That(text, Does.Not.Contain("COPY Directory.Build.props"), "no restore layer that would miss the imported files");
        Assert.That(text, Does.Contain("The build files import others, so restore needs the whole tree"));
        Assert.That(text.IndexOf("COPY . .", StringComparison.Ordinal), Is.LessThan(text.IndexOf("dotnet publish", StringComparison.Ordinal)));
        Assert.That(text, Does.Not.Contain("--no-restore"));
    }

    [Test]
    public void BuildFilesWithoutImportsKeepTheRestoreLayer_NearMiss()
    {
        var facts = Facts("/repo/src/Api/Api.csproj", null, ("ContainerAnalyzersRestoreFileList", "/repo/Directory.Build.props"));
        Assert.That(DockerfileFixes.CreateDockerfile(facts, "/repo/src/Api/Dockerfile"), Does.Contain("COPY Directory.Build.props ./"));
    }

    // FixDockerfile's default mode leaves such a file alone; the reason it gives must be the real one.
    [Test]
    public void TheLogSaysWhyTheBuilderCannotBeKept()
    {
        var facts = Facts("/repo/src/Api/Api.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><ItemGroup><ProjectReference Include=\"../Lib/Lib.csproj\" /></ItemGroup></Project>");
        var single = GeneratedDockerfileTests.SingleStage("10.0", "Api");
        Assert.That(DockerfileFixes.GetFixes(single, "/repo/src/Api/Dockerfile", facts).Select(f => f.Kind), Is.EqualTo(new[] { DockerfileFixKind.Regenerate }));
        Assert.That(DockerfileFixes.WhyNoWorkflowFix(single, "/repo/src/Api/Dockerfile", facts), Does.Contain("the projects it references are missing"));
        Assert.That(DockerfileFixes.WhyNoWorkflowFix("FROM mcr.microsoft.com/dotnet/sdk:10.0\nCOPY . .\nENTRYPOINT [\"dotnet\", \"run\"]\n", "/repo/src/Api/Dockerfile", facts), Does.Contain("no dotnet publish"));
    }

    [Test]
    public void ConflictingCopyPathsFallBackToTheCommonFolder_NearMiss()
    {
        const string dockerfile = "FROM mcr.microsoft.com/dotnet/sdk:10.0\nCOPY src/Api/Api.csproj a/\nCOPY Api/Api.csproj b/\nCOPY . .\nRUN dotnet publish -c Release -o /app\nENTRYPOINT [\"dotnet\", \"/app/Api.dll\"]\n";
        Assert.That(ProjectLayout.Create(Facts("/repo/src/Api/Api.csproj"), "/repo/src/Api/Dockerfile", ContainerAnalyzers.Semantics.DockerfileModel.Create(ContainerAnalyzers.Syntax.DockerfileParser.Parse(dockerfile)))!.Evidence, Is.EqualTo(ContextEvidence.DockerfileFolder));
    }

    // Issue 24, case 3: a nuget.config at the repository root is no evidence that src/MyApi/Dockerfile (COPY . .) is built
    // from the root; the user's command builds from src/MyApi, where the rewrite and its .dockerignore must work.
    [Test]
    public void ARestoreFileAboveIsNoEvidenceForAnExistingDockerfile()
    {
        const string dockerfile = "FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -c Release -o out\nENTRYPOINT [\"dotnet\", \"out/MyApi.dll\"]\n";
        var facts = Facts("/repo/src/MyApi/MyApi.csproj", null, ("ContainerAnalyzersRestoreFileList", "/repo/nuget.config"));
        var layout = ProjectLayout.Create(facts, "/repo/src/MyApi/Dockerfile", ContainerAnalyzers.Semantics.DockerfileModel.Create(ContainerAnalyzers.Syntax.DockerfileParser.Parse(dockerfile)))!;
        Assert.That(layout.Evidence, Is.EqualTo(ContextEvidence.DockerfileFolder));
        Assert.That(layout.ContextDirectory.TrimEnd('/'), Is.EqualTo("/repo/src/MyApi"));
        Assert.That(DockerfileFixes.GetDockerIgnorePath(facts, "/repo/src/MyApi/Dockerfile", dockerfile), Is.EqualTo("/repo/src/MyApi/.dockerignore"));
    }

    [Test]
    public void ANewDockerfileStillTakesTheFolderThatHoldsWhatRestoreReads_NearMiss()
    {
        var facts = Facts("/repo/src/MyApi/MyApi.csproj", null, ("ContainerAnalyzersRestoreFileList", "/repo/nuget.config"));
        Assert.That(ProjectLayout.Create(facts, "/repo/src/MyApi/Dockerfile", null)!.Evidence, Is.EqualTo(ContextEvidence.CommonFolder));
    }

    [Test]
    public void BuildCommandsNameTheProjectFromTheContext()
    {
        const string dockerfile = "FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nCOPY . .\nRUN dotnet publish src/MyApi/MyApi.csproj -c Release -o /out\nENTRYPOINT [\"dotnet\", \"/out/MyApi.dll\"]\n";
        var layout = ProjectLayout.Create(Facts("/repo/src/MyApi/MyApi.csproj"), "/repo/docker/Dockerfile", ContainerAnalyzers.Semantics.DockerfileModel.Create(ContainerAnalyzers.Syntax.DockerfileParser.Parse(dockerfile)))!;
        Assert.That(layout.Evidence, Is.EqualTo(ContextEvidence.BuildCommands));
        Assert.That(layout.ContextDirectory.TrimEnd('/'), Is.EqualTo("/repo"));
    }
}
