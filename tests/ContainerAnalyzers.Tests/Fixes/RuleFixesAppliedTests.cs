using ContainerAnalyzers.Compose;
using ContainerAnalyzers.Fixes;
using ContainerAnalyzers.Projects;
using ContainerAnalyzers.Rules;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Fixes;

/// <summary>
/// Issue 24, "the default mode fixes what it reports": FixDockerfile applies the rules' own fixes (the table's
/// <see cref="RuleFixKind.Edit"/>), each checked by every rule, and leaves the user's decisions (CTR0033) alone.
/// </summary>
[TestFixture]
public sealed class RuleFixesAppliedTests
{
    private const string Builder = "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -c Release -o /app/publish\n";

    private static ProjectFacts Facts(string framework = "net8.0")
    {
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["MSBuildProjectName"] = "App", ["MSBuildProjectFullPath"] = "/src/App/App.csproj", ["TargetFramework"] = framework,
            ["OutputType"] = "Exe", ["UsingMicrosoftNETSdkWeb"] = "true",
        };
        return ProjectFacts.Create(p => properties.TryGetValue(p, out var v) ? v : null, "/src/App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />");
    }

    private static RuleFixesApplied Apply(string dockerfile)
    {
        var result = DockerfileFixes.ApplyRuleFixes(dockerfile, "/src/App/Dockerfile", Facts());
        TestContext.Out.WriteLine(string.Join("\n", result.Applied) + "\n---\n" + result.Text);
        return result;
    }

    [Test]
    public void ARuntimeTooOldForTheAppIsRetagged()
    {
        // A net8.0 app on aspnet:6.0 cannot start (CTR0020); FixDockerfile used to answer "left as it is".
        var result = Apply(Builder + "FROM mcr.microsoft.com/dotnet/aspnet:6.0\nWORKDIR /app\nCOPY --from=build /app/publish .\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n");
        Assert.That(result.Applied, Has.Some.StartWith("line 5: CTR0020: "));
        Assert.That(result.Text, Does.Contain("FROM mcr.microsoft.com/dotnet/aspnet:8.0\n"));
        Assert.That(result.Text, Does.Not.Contain("USER"), "CTR0033's USER, which the retag reveals, stays the user's decision");
    }

    [Test]
    public void SeveralFixesApplyOneAfterAnother()
    {
        var result = Apply(Builder + "FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled\nWORKDIR /app\nCOPY --from=build /app/publish .\nCMD [\"dotnet\", \"Old.dll\"]\n");
        Assert.That(result.Applied.Select(a => a.Split(": ")[1]), Is.EquivalentTo(new[] { "CTR0023", "CTR0036" }));
        Assert.That(result.Text, Does.EndWith("ENTRYPOINT [\"dotnet\", \"App.dll\"]\n"));
        var left = RuleHost.Run(new DockerfileAnalysis(ContainerAnalyzers.Semantics.DockerfileModel.Create(ContainerAnalyzers.Syntax.DockerfileParser.Parse(result.Text)), Facts()), AllRules.DockerfileRules, CancellationToken.None)
            .Where(f => f.Severity >= RuleSeverity.Warning);
        Assert.That(left.Select(f => f.Rule.Id), Is.Empty);
    }

    [Test]
    public void AChoiceOfTheUserIsNotApplied_NearMiss()
    {
        // CTR0033 (root on an image with a non-root user) is a warning with a fix, which the table marks EditByChoice.
        var dockerfile = Builder + "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nWORKDIR /app\nCOPY --from=build /app/publish .\nUSER root\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n";
        var result = Apply(dockerfile);
        Assert.That(result.Applied, Is.Empty);
        Assert.That(result.Text, Is.EqualTo(dockerfile));
    }

    [Test]
    public void ACleanFileIsLeftAsItIs_NearMiss()
    {
        var dockerfile = Builder + "FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled\nWORKDIR /app\nCOPY --from=build /app/publish .\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n";
        Assert.That(Apply(dockerfile).Text, Is.EqualTo(dockerfile));
    }

    [Test]
    public void EveryRuleWithEditsInItsFindingsIsInTheTable()
    {
        // A rule whose findings carry edits but whose row says None would lose its IDE fix (the providers read the table).
        var source = Path.Combine(TestPaths.RepositoryRoot, "src", "ContainerAnalyzers.Engine", "Rules", "Definitions");
        foreach (var file in Directory.GetFiles(source, "CTR*.cs"))
        {
            var text = File.ReadAllText(file);
            var makesFixes = text.Contains("RuleFixTarget.", StringComparison.Ordinal) || text.Contains("ImageFixes.", StringComparison.Ordinal) || text.Contains("ProjectFileEdits.", StringComparison.Ordinal) || text.Contains("MirroredCopy(", StringComparison.Ordinal);
            var id = Path.GetFileName(file).Substring(0, 7);
            var row = AllRules.Descriptors.Single(d => d.Id == id);
            Assert.That(row.FixKind is RuleFixKind.Edit or RuleFixKind.EditByChoice, Is.EqualTo(makesFixes), $"{id}: FixKind {row.FixKind}");
        }
    }

    private const string Chiseled = "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -c Release -o /app/publish\nFROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled\nWORKDIR /app\nCOPY --from=build /app/publish .\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n";

    private const string Compose = "services:\n  app:\n    build: .\n    ports:\n      - \"5000:80\"\n";

    private static IReadOnlyList<(string Path, RuleFixesApplied Result)> FixCompose(FixInputs inputs)
    {
        var facts = ProjectFacts.Create(p => p switch { "MSBuildProjectName" => "App", "MSBuildProjectFullPath" => "/src/App/App.csproj", "TargetFramework" => "net10.0", "OutputType" => "Exe", "UsingMicrosoftNETSdkWeb" => "true", _ => null }, "/src/App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />");
        return DockerfileFixes.ApplyComposeFixes(Chiseled, "/src/App/Dockerfile", facts, inputs);
    }

    // The demo's compose file, written for the images of .NET 7: FixDockerfile maps it to where the app listens now.
    [Test]
    public void TheComposePortIsMappedWhereTheAppListens()
    {
        var changed = FixCompose(new FixInputs { Code = Semantics.CodeEndpoints.None, ComposeFiles = new[] { ComposeFile.Parse("/src/App/compose.yaml", Compose) } });
        Assert.That(changed.Single().Result.Text, Is.EqualTo(Compose.Replace("5000:80", "5000:8080", StringComparison.Ordinal)));
        Assert.That(changed.Single().Result.Applied.Single(), Does.StartWith("line 5: CTR0060: "));
    }

    [Test]
    public void AnAppThatListensOn80IsLeftAlone_NearMiss()
    {
        var settings = AppSettingsReader.Read("appsettings.json", "{ \"Kestrel\": { \"Endpoints\": { \"Http\": { \"Url\": \"http://+:80\" } } } }")!;
        var changed = FixCompose(new FixInputs { Code = Semantics.CodeEndpoints.None, AppSettings = new[] { settings }, ComposeFiles = new[] { ComposeFile.Parse("/src/App/compose.yaml", Compose) } });
        Assert.That(changed, Is.Empty);
    }

    [Test]
    public void CodeThatCannotBeReadLeavesTheComposeFileAlone_NearMiss()
    {
        var changed = FixCompose(new FixInputs { Code = Semantics.CodeEndpoints.Unknown, ComposeFiles = new[] { ComposeFile.Parse("/src/App/compose.yaml", Compose) } });
        Assert.That(changed, Is.Empty);
    }
}
