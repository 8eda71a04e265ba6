using ContainerAnalyzers.Projects;
using ContainerAnalyzers.Rules;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Tests.Infrastructure;
using ContainerAnalyzers.Text;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Fixes;

/// <summary>
/// Every single-edit fix a rule offers, applied to a Dockerfile it was offered on: the finding it fixes is gone, and
/// no rule reports a warning that was not there before. A fix must never trade one problem for another.
/// </summary>
[TestFixture]
public sealed class RuleFixOutcomeTests
{
    private const string Builder = "FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nARG TARGETARCH\nWORKDIR /src\nCOPY App.csproj .\nRUN dotnet restore -a $TARGETARCH\nCOPY . .\nRUN dotnet publish -a $TARGETARCH --no-restore -o /app/publish\n\n";
    private const string Tail = "WORKDIR /app\nCOPY --from=build /app/publish .\nUSER $APP_UID\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n";

    public static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData("CTR0010", Builder + "FROM mcr.microsoft.com/dotnet/aspnet\n" + Tail).SetName("PinTag");
        yield return new TestCaseData("CTR0011", Builder + "FROM mcr.microsoft.com/dotnet/aspnet:8.0\n" + Tail).SetName("SwitchToChiseled");
        yield return new TestCaseData("CTR0012", Builder + "FROM mcr.microsoft.com/dotnet/core/aspnet:3.1\n" + Tail).SetName("CurrentRepository");
        yield return new TestCaseData("CTR0020", Builder + "FROM mcr.microsoft.com/dotnet/aspnet:6.0-bullseye-slim\n" + Tail).SetName("RetagRuntime");
        yield return new TestCaseData("CTR0021", Builder.Replace("sdk:8.0", "sdk:7.0", StringComparison.Ordinal) + "FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled-extra\n" + Tail).SetName("RetagSdk");
        yield return new TestCaseData("CTR0022", Builder + "FROM mcr.microsoft.com/dotnet/runtime:8.0-noble-chiseled-extra\n" + Tail).SetName("SwitchRepository");
        yield return new TestCaseData("CTR0023", Builder + "FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled-extra\n" + Tail.Replace("App.dll", "Old.dll", StringComparison.Ordinal)).SetName("CorrectEntrypoint");
        yield return new TestCaseData("CTR0024", Builder + "FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled\n" + Tail).SetName("SwitchToExtra");
        yield return new TestCaseData("CTR0030", Builder + "FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled-extra\n" + Tail.Replace("ENTRYPOINT [\"dotnet\", \"App.dll\"]", "ENTRYPOINT dotnet App.dll", StringComparison.Ordinal)).SetName("ExecForm");
        yield return new TestCaseData("CTR0033", Builder + "FROM mcr.microsoft.com/dotnet/aspnet:8.0\n" + Tail.Replace("USER $APP_UID\n", string.Empty, StringComparison.Ordinal)).SetName("AddUser");
        yield return new TestCaseData("CTR0033", Builder + "FROM mcr.microsoft.com/dotnet/aspnet:8.0\n" + Tail.Replace("USER $APP_UID", "USER root", StringComparison.Ordinal)).SetName("ReplaceRoot");
        yield return new TestCaseData("CTR0040", "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nCOPY . .\nRUN dotnet publish -o /app/publish\n\nFROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled-extra\n" + Tail).SetName("CacheMount");
        yield return new TestCaseData("CTR0043", Builder.Replace("--platform=$BUILDPLATFORM ", string.Empty, StringComparison.Ordinal) + "FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled-extra\n" + Tail).SetName("BuildPlatform");
    }

    [TestCaseSource(nameof(Cases))]
    public void FixResolvesItsFindingAndAddsNoWarning(string ruleId, string dockerfile)
    {
        var before = Analyze(dockerfile);
        var findings = before.Where(f => f.Rule.Id == ruleId).ToArray();
        Assert.That(findings, Is.Not.Empty, $"{ruleId} reports the input");
        var fixes = findings.SelectMany(f => f.Fixes).Where(f => f.Target == RuleFixTarget.Dockerfile).ToArray();
        Assert.That(fixes, Is.Not.Empty, $"{ruleId} offers a Dockerfile fix");

        foreach (var fix in fixes)
        {
            var fixedText = fix.ApplyTo(dockerfile) ?? throw new AssertionException($"'{fix.Title}' does not apply");
            var after = Analyze(fixedText);
            Assert.That(after.Count(f => f.Rule.Id == ruleId), Is.LessThan(findings.Length), $"'{fix.Title}' resolves its finding:\n{fixedText}");
            var newWarnings = after.Where(f => f.Severity >= RuleSeverity.Warning).Select(f => f.Rule.Id)
                .Except(before.Where(f => f.Severity >= RuleSeverity.Warning).Select(f => f.Rule.Id));
            Assert.That(newWarnings, Is.Empty, $"'{fix.Title}' adds no warning:\n{fixedText}");
        }
    }

    // An environment assignment before the command is shell syntax: ["A=1", "dotnet", …] would try to run "A=1".
    [TestCase("ENTRYPOINT ASPNETCORE_URLS=http://+:8080 dotnet App.dll", false)]
    [TestCase("ENTRYPOINT dotnet App.dll --urls=http://+:8080", true)]
    [TestCase("ENTRYPOINT [ -f App.dll ] && dotnet App.dll", false)]
    public void ExecFormFixOnlyForPlainWordLists(string entrypoint, bool offered)
    {
        var dockerfile = Builder + "FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled-extra\n" + Tail.Replace("ENTRYPOINT [\"dotnet\", \"App.dll\"]", entrypoint, StringComparison.Ordinal);
        var finding = Analyze(dockerfile).Single(f => f.Rule.Id == "CTR0030");
        Assert.That(finding.Fixes.Any(), Is.EqualTo(offered));
    }

    private static IReadOnlyList<RuleFinding> Analyze(string dockerfile)
    {
        var properties = GeneratedDockerfileTests.Web("net8.0");
        return EngineTest.ForProperties(properties)
            .WithProject("/repo/src/App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\">\n  <PropertyGroup>\n  </PropertyGroup>\n</Project>\n")
            .WithSource(new CultureUse())
            .WithDockerIgnore(true)
            .Analyze(dockerfile);
    }

    // The sources use CultureInfo, so CTR0024 is a warning and its fix is exercised.
    private sealed class CultureUse : SourceEvidence
    {
        public override bool? MentionsAny(IReadOnlyList<string> words) => true;
    }
}
