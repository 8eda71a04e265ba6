using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;
using static ContainerAnalyzers.Tests.Rules.Compose.ComposeTexts;

namespace ContainerAnalyzers.Tests.Rules.Compose;

/// <summary>CTR0066 (issue 27): a compose build target that names no stage of the Dockerfile fails `docker compose build`.</summary>
[TestFixture]
public sealed class CTR0066ComposeTargetNotAStageTests
{
    private const string TwoStages = "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nRUN dotnet publish -o /app\n\nFROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled AS runtime\nCOPY --from=build /app /app\nENTRYPOINT [\"dotnet\", \"/app/App.dll\"]\n";

    private static List<ContainerAnalyzers.Rules.RuleFinding> Findings(string dockerfile, string compose)
        => EngineTest.ForApp("net10.0").AnalyzeCompose(dockerfile, compose).Where(f => f.Rule.Id == "CTR0066").ToList();

    [Test]
    public void TargetThatNamesNoStage_ReportedAtTheTarget()
    {
        var compose = "services:\n  web:\n    build:\n      context: .\n      target: final\n";
        var finding = Findings(TwoStages, compose).Single();
        Assert.That(compose.Substring(finding.Span.Start, finding.Span.Length), Is.EqualTo("final"));
        Assert.That(finding.GetMessage(), Is.EqualTo("Service 'web' builds the target 'final', but the Dockerfile has no stage of that name (its named stages: 'build', 'runtime'); 'docker compose build' fails"));
    }

    [TestCase("target: runtime")]
    [TestCase("target: RUNTIME")]
    [TestCase("target: build")]
    [TestCase("target: ${TARGET:-final}")]
    [TestCase("target: $TARGET")]
    public void TargetThatIsAStageOrUnknown_NotReported(string target)
        => Assert.That(Findings(TwoStages, "services:\n  web:\n    build:\n      context: .\n      " + target + "\n"), Is.Empty);

    [Test]
    public void NoTarget_NotReported() => Assert.That(Findings(TwoStages, Service("ports:\n  - \"8080:8080\"")), Is.Empty);

    [Test]
    public void DockerfileWithASyntaxError_NotReported()
        => Assert.That(Findings(TwoStages + "RUNN x\n", "services:\n  web:\n    build:\n      context: .\n      target: final\n"), Is.Empty);
}
