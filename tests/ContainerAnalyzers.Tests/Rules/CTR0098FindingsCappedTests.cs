using ContainerAnalyzers.Rules;
using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules;

/// <summary>
/// CTR0098 (issue 29): one rule reports at most 100 findings per file, and one summary counts the rest, so a generated
/// or damaged file cannot flood the build log.
/// </summary>
[TestFixture]
public sealed class CTR0098FindingsCappedTests
{
    private const int Cap = CTR0098FindingsCappedRule.MaxFindingsPerRule;

    // n + 1 stages all named "a": CTR0005 reports each stage after the first.
    private static string DuplicateStages(int duplicates, string image = "alpine:3.20")
        => string.Concat(Enumerable.Range(0, duplicates + 1).Select(i => $"FROM {image} AS a\n"));

    private static List<RuleFinding> Run(string dockerfile, params DockerfileRule[] rules)
        => RuleHost.Run(RuleHostTests.Analysis(dockerfile), rules, CancellationToken.None);

    [Test]
    public void PastTheCapTheRestBecomesOneSummaryAtTheFirstLeftOut()
    {
        var dockerfile = DuplicateStages(Cap + 50);
        var findings = Run(dockerfile, new CTR0005DuplicateStageNameRule());

        Assert.That(findings.Count(f => f.Rule.Id == "CTR0005"), Is.EqualTo(Cap));
        var summary = findings.Single(f => f.Rule.Id == "CTR0098");
        Assert.That(summary.GetMessage(), Is.EqualTo("CTR0005 found 50 more problems like the ones above in this file; only the first 100 are reported"));
        Assert.That(summary.Severity, Is.EqualTo(RuleSeverity.Info), "the flood is already reported; the count must not fail a build of its own");
        var firstLeftOutLine = Cap + 2;
        Assert.That(dockerfile.Take(summary.Span.Start).Count(c => c == '\n') + 1, Is.EqualTo(firstLeftOutLine));
    }

    [Test]
    public void AtTheCap_NoSummary()
    {
        var findings = Run(DuplicateStages(Cap), new CTR0005DuplicateStageNameRule());
        Assert.That(findings.Select(f => f.Rule.Id).Distinct(), Is.EqualTo(new[] { "CTR0005" }));
        Assert.That(findings, Has.Count.EqualTo(Cap));
    }

    [Test]
    public void EachRuleIsCappedOnItsOwn()
    {
        // 150 duplicate stages on an unpinned image: CTR0005 and CTR0010 both flood; neither hides the other.
        var findings = Run(DuplicateStages(150, image: "alpine"), new CTR0005DuplicateStageNameRule(), new CTR0010BaseImageNotPinnedRule());
        Assert.That(findings.Count(f => f.Rule.Id == "CTR0005"), Is.EqualTo(Cap));
        Assert.That(findings.Count(f => f.Rule.Id == "CTR0010"), Is.EqualTo(Cap));
        Assert.That(findings.Where(f => f.Rule.Id == "CTR0098").Select(f => f.GetMessage()), Is.EquivalentTo(new[]
        {
            "CTR0005 found 50 more problems like the ones above in this file; only the first 100 are reported",
            "CTR0010 found 51 more problems like the ones above in this file; only the first 100 are reported",
        }));
    }

    [Test]
    public void SuppressedFindingsDoNotCount()
    {
        var dockerfile = "# containeranalyzers ignore-file=CTR0005\n" + DuplicateStages(Cap + 50);
        Assert.That(Run(dockerfile, new CTR0005DuplicateStageNameRule()), Is.Empty);
    }

    [Test]
    public void ComposeFindingsAreCappedPerFileToo()
    {
        // 150 published ports that the app does not listen on (CTR0060), in the compose file that builds the Dockerfile.
        var ports = string.Concat(Enumerable.Range(0, 150).Select(i => $"      - \"{10000 + i}:80\"\n"));
        var compose = "services:\n  app:\n    build: .\n    ports:\n" + ports;
        var findings = EngineTest.ForApp().AnalyzeCompose(Compose.ComposeTexts.Chiseled8, compose, "/src/App/docker-compose.yml");
        Assert.That(findings.Count(f => f.Rule.Id == "CTR0060"), Is.EqualTo(Cap));
        Assert.That(findings.Single(f => f.Rule.Id == "CTR0098").GetMessage(), Does.StartWith("CTR0060 found 50 more problems"));
    }
}
