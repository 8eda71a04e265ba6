using ContainerAnalyzers.CodeFixes;
using ContainerAnalyzers.Tests.Infrastructure;
using ContainerAnalyzers.Tests.Rules.CrossFile;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Fixes;

/// <summary>
/// The IDE offers a rule's edit only when every rule, judging the result with what the analyzer knows (the code
/// among it), raises no new warning: CTR0033's USER before the entry point would lock an app that writes its SQLite
/// database out of its folder (CTR0039), so it is not offered to that app.
/// </summary>
[TestFixture]
public sealed class RuleFixSafetyTests
{
    private const string RootImage = "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -c Release -o /app/publish\n\n"
        + "FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble\nWORKDIR /app\nCOPY --from=build /app/publish .\nEXPOSE 8080\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n";

    private const string WritesItsDatabase = "public static class Program { public static void Main() { new Microsoft.Data.Sqlite.SqliteConnection(\"Data Source=app.db\").ExecuteNonQuery(); } }";

    [TestCase(true, 0)]
    [TestCase(false, 1)]
    public async Task RunAsTheAppUser_OfferedOnlyWhenTheAppCanStillWrite(bool writesADatabase, int offered)
    {
        using var harness = new WorkspaceHarness(DockerfileCodeFixTests.Properties(), RootImage, writesADatabase ? WritesItsDatabase : "public static class Program { public static void Main() { } }")
            .WithReference(CTR0039FromTheCompilationTests.MicrosoftDataSqlite());
        var project = harness.Solution.GetProject(harness.ProjectId)!;
        var diagnostic = (await WorkspaceHarness.AnalyzeAsync(project)).Single(d => d.Id == "CTR0033");
        var dockerfile = project.AdditionalDocuments.Single(d => d.Name == "Dockerfile");

        var actions = await WorkspaceHarness.GetActionsAsync(new RuleFixCodeFixProvider(), dockerfile, diagnostic);
        Assert.That(actions.Select(a => a.Title).ToList(), Has.Count.EqualTo(offered), string.Join(", ", actions.Select(a => a.Title)));
    }
}
