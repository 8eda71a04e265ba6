using ContainerAnalyzers.CodeFixes;
using ContainerAnalyzers.Projects;
using ContainerAnalyzers.Rules;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Tests.Fixes;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Suppression;

/// <summary>The suppression comments, hadolint's and BuildKit's equivalents, and the code fix that writes ours.</summary>
[TestFixture]
public sealed class SuppressionTests
{
    private const string Unpinned = "FROM ubuntu\nFROM mcr.microsoft.com/dotnet/aspnet\nUSER root\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n";

    [Test]
    public void NothingSuppressedWithoutComments()
        => Assert.That(Ids(Unpinned), Is.EqualTo(new[] { "CTR0010", "CTR0010", "CTR0033" }));

    [Test]
    public void CommentAboveAnInstructionSuppressesThatInstructionOnly()
        => Assert.That(Ids("# containeranalyzers ignore=CTR0010\nFROM ubuntu\nFROM mcr.microsoft.com/dotnet/aspnet\nUSER root\n"), Is.EqualTo(new[] { "CTR0010", "CTR0033" }));

    [Test]
    public void SeveralIdsAndCommentLinesInBetween()
        => Assert.That(Ids("# containeranalyzers ignore=CTR0033, CTR0010\n# why: legacy base\nFROM ubuntu\nFROM mcr.microsoft.com/dotnet/aspnet\nUSER root\n"), Is.EqualTo(new[] { "CTR0010", "CTR0033" }));

    [Test]
    public void BlankLineDetachesTheComment()
        => Assert.That(Ids("# containeranalyzers ignore=CTR0010\n\nFROM ubuntu\n"), Is.EqualTo(new[] { "CTR0010" }));

    [Test]
    public void StageComment()
        => Assert.That(Ids("FROM ubuntu\n# containeranalyzers ignore-stage=CTR0010,CTR0033\nFROM mcr.microsoft.com/dotnet/aspnet\nUSER root\n"), Is.EqualTo(new[] { "CTR0010" }));

    [Test]
    public void FileComment()
        => Assert.That(Ids("# containeranalyzers ignore-file=CTR0010\n\nFROM ubuntu\nFROM mcr.microsoft.com/dotnet/aspnet\nUSER root\n"), Is.EqualTo(new[] { "CTR0033" }));

    [Test]
    public void HadolintIgnoreMapsToTheSameCheck()
        => Assert.That(Ids("# hadolint ignore=DL3006\nFROM ubuntu\nFROM mcr.microsoft.com/dotnet/aspnet\n# hadolint ignore=DL3002\nUSER root\n"), Is.EqualTo(new[] { "CTR0010" }));

    [Test]
    public void HadolintGlobalIgnore()
        => Assert.That(Ids("# hadolint global ignore=DL3006,DL3007\nFROM ubuntu\nFROM mcr.microsoft.com/dotnet/aspnet:latest\n"), Is.Empty);

    [Test]
    public void BuildKitCheckSkipDirective()
        => Assert.That(Ids("# check=skip=SecretsUsedInArgOrEnv;error=true\nARG NUGET_TOKEN\nFROM mcr.microsoft.com/dotnet/sdk:10.0\nENV API_KEY=x\n"), Is.Empty);

    [Test]
    public void UnrelatedHadolintCodeSuppressesNothing()
        => Assert.That(Ids("# hadolint ignore=DL3008\nFROM ubuntu\n"), Is.EqualTo(new[] { "CTR0010" }));

    [Test]
    public void SuppressFixWritesTheComment()
    {
        var text = "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\n  FROM ubuntu\n";
        var tree = DockerfileParser.Parse(text);
        var fix = SuppressionFixes.CreateSuppressFix(tree, "CTR0010", tree.Instructions[1].Arguments[0].Span)!;
        var fixedText = fix.ApplyTo(text)!;
        Assert.That(fixedText, Is.EqualTo("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\n  # containeranalyzers ignore=CTR0010\n  FROM ubuntu\n"));
        Assert.That(Ids(fixedText), Is.Empty);
    }

    [Test]
    public void SuppressFixExtendsAnExistingComment()
    {
        var text = "FROM mcr.microsoft.com/dotnet/aspnet:8.0\n# containeranalyzers ignore=CTR0010\nUSER root\n";
        var tree = DockerfileParser.Parse(text);
        var fixedText = SuppressionFixes.CreateSuppressFix(tree, "CTR0033", tree.Instructions[1].Span)!.ApplyTo(text)!;
        Assert.That(fixedText, Is.EqualTo("FROM mcr.microsoft.com/dotnet/aspnet:8.0\n# containeranalyzers ignore=CTR0010,CTR0033\nUSER root\n"));
    }

    [Test]
    public async Task SuppressCodeFixOnTheDockerfileDiagnostic()
    {
        using var harness = new WorkspaceHarness(DockerfileCodeFixTests.Properties(), "FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled\nUSER root\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n");
        var project = harness.Solution.GetProject(harness.ProjectId)!;
        var diagnostic = (await WorkspaceHarness.AnalyzeAsync(project)).Single(d => d.Id == "CTR0033");
        var document = project.AdditionalDocuments.Single(d => d.Name == "Dockerfile");

        var action = (await WorkspaceHarness.GetActionsAsync(new SuppressCodeFixProvider(), document, diagnostic)).Single();
        Assert.That(action.Title, Is.EqualTo("Suppress CTR0033 for this instruction"));
        var fixedProject = (await WorkspaceHarness.ApplyAsync(action)).GetProject(harness.ProjectId)!;
        Assert.That((await WorkspaceHarness.AnalyzeAsync(fixedProject)).Where(d => d.Id == "CTR0033"), Is.Empty);
    }

    private static string[] Ids(string dockerfile)
    {
        var properties = GeneratedDockerfileTests.Web("net8.0");
        return EngineTest.ForProperties(properties).WithProject("/repo/src/App/App.csproj", null).Analyze(dockerfile).Where(f => f.Rule.Id is "CTR0010" or "CTR0033" or "CTR0050")
            .OrderBy(f => f.Span.Start).Select(f => f.Rule.Id).ToArray();
    }
}
