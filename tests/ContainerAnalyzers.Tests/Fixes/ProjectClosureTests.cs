using ContainerAnalyzers.Fixes;
using ContainerAnalyzers.Projects;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Fixes;

/// <summary>
/// Issue 15, restore inputs: when the package's targets know the closure of project references (restore's assets list
/// the transitive ones, each with the project's own build files), the restore layer copies exactly those project files,
/// each into its folder; when they do not, the builder copies the context before restoring.
/// </summary>
[TestFixture]
public sealed class ProjectClosureTests
{
    private const string SingleStage = "FROM mcr.microsoft.com/dotnet/sdk:10.0\nWORKDIR /app\nCOPY . .\nRUN dotnet publish src/Api/Api.csproj -c Release -o out\nENTRYPOINT [\"dotnet\", \"out/Api.dll\"]\n";
    private const string ApiProject = "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><ItemGroup><ProjectReference Include=\"../Lib/Lib.csproj\" /></ItemGroup></Project>";

    private static string Regenerate(string? closure, string? declaredContext = null)
    {
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["MSBuildProjectName"] = "Api", ["MSBuildProjectFullPath"] = "/repo/src/Api/Api.csproj", ["TargetFramework"] = "net10.0",
            ["OutputType"] = "Exe", ["UsingMicrosoftNETSdkWeb"] = "true",
        };
        if (closure is not null)
        {
            properties["ContainerAnalyzersProjectClosure"] = closure;
        }

        if (declaredContext is not null)
        {
            properties["DockerfileContext"] = declaredContext;
        }

        var facts = ProjectFacts.Create(p => properties.TryGetValue(p, out var v) ? v : null, "/repo/src/Api/Api.csproj", ApiProject);
        var text = DockerfileFixes.GetFixes(SingleStage, "/repo/Dockerfile", facts).Single(f => f.Kind == DockerfileFixKind.Regenerate).NewText;
        TestContext.Out.WriteLine(text);
        FixSelfCheck.AssertClean(text, properties, "closure " + closure);
        return text;
    }

    [Test]
    public void KnownClosure_RestoreLayerCopiesEveryProjectFile()
    {
        var text = Regenerate("/repo/src/Lib/Lib.csproj|/repo/libs/Core/Core.csproj");
        Assert.That(text, Does.Contain("COPY src/Lib/Lib.csproj src/Lib/\nCOPY libs/Core/Core.csproj libs/Core/\nCOPY src/Api/Api.csproj src/Api/\nRUN dotnet restore src/Api/Api.csproj"));
        Assert.That(text, Does.Not.Contain("--mount=type=cache"));
    }

    [Test]
    public void UnknownClosure_CopiesTheContextBeforeRestoring()
    {
        var text = Regenerate(null);
        Assert.That(text, Does.Contain("The project references other projects, so restore needs the whole tree"));
        Assert.That(text, Does.Not.Contain("RUN dotnet restore"));
    }

    [Test]
    public void ClosureWithoutADirectReference_IsNoEvidence()
        => Assert.That(Regenerate("/repo/libs/Core/Core.csproj"), Does.Contain("restore needs the whole tree"));

    [Test]
    public void ClosureOutsideTheDeclaredContext_CopiesTheContext()
    {
        // DockerfileContext is src/: libs/Core is outside it, so a restore layer could not copy it.
        var text = Regenerate("/repo/src/Lib/Lib.csproj|/repo/libs/Core/Core.csproj", declaredContext: "..");
        Assert.That(text, Does.Contain("restore needs the whole tree"));
        Assert.That(text, Does.Not.Contain("COPY Lib/Lib.csproj"));
    }
}
