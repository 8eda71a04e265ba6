using ContainerAnalyzers.Fixes;
using ContainerAnalyzers.Projects;
using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Hostile;

/// <summary>
/// The hostile-input suite (issue 29): every text row of the table through the package's analyzers on the
/// compiler's path, and the Dockerfile fixes on its Dockerfile. No exception, no rule failure, no flood, bounded
/// results. A hang guard, not a timing assertion: time and memory per input are the benchmark's (<c>--hostile</c>).
/// </summary>
[TestFixture]
public sealed class HostileInputTests
{
    private const string ProjectDirectory = HostileInputs.ProjectDirectory;

    public static IEnumerable<HostileInputs.Case> Cases() => HostileInputs.TextCases();

    [TestCaseSource(nameof(Cases))]
    [CancelAfter(120_000)]
    public async Task NoExceptionNoFloodBoundedResults(HostileInputs.Case input, CancellationToken cancellationToken)
    {
        var (diagnostics, exceptions) = await HostileInputs.AnalyzeAsync(input, WorkspaceHarness.AllAnalyzers, cancellationToken);

        Assert.That(exceptions, Is.Empty, "an analyzer exception is AD0001, which fails every warnings-as-errors build");
        Assert.That(diagnostics.Where(d => d.Id is "AD0001" or "CTR0099").Select(d => d.ToString()), Is.Empty);
        foreach (var perRuleAndFile in diagnostics.GroupBy(d => (d.Id, d.Location.GetLineSpan().Path)))
        {
            Assert.That(perRuleAndFile.Count(), Is.LessThanOrEqualTo(CTR0098FindingsCappedRule.MaxFindingsPerRule), $"{perRuleAndFile.Key} floods the build");
        }

        foreach (var diagnostic in diagnostics)
        {
            Assert.That(diagnostic.GetMessage().Length, Is.LessThan(4096), () => $"{diagnostic.Id}'s message carries an expansion: {diagnostic.GetMessage().Substring(0, 300)}…");
        }

        if (input.Files.TryGetValue("Dockerfile", out var dockerfile) && dockerfile.Length < 100_000)
        {
            foreach (var fix in DockerfileFixes.GetFixes(dockerfile, ProjectDirectory + "/Dockerfile", Facts, cancellationToken))
            {
                Assert.That(fix.NewText.Length, Is.LessThan(dockerfile.Length + 64 * 1024), $"{fix.Title} grows the file by an expansion");
            }
        }
    }

    [Test]
    public void TheRowsAreTheSizesTheyClaim()
    {
        var cases = HostileInputs.TextCases().ToDictionary(c => c.Name, c => c.Files);
        Assert.That(HostileInputs.ArgExpansionBomb(8), Has.Length.LessThan(700), "a few hundred bytes that once stood for gigabytes");
        Assert.That(HostileInputs.ComposeAliasBomb(), Has.Length.InRange(90_000, 100_000));
        Assert.That(cases["compose of 26,500 ports and one suppression comment (500 KB)"]["compose.yaml"], Has.Length.InRange(500_000, Compose.ComposeFile.MaxLength));
        Assert.That(cases["compose mapping of 50k keys"]["compose.yaml"], Has.Length.LessThan(Compose.ComposeFile.MaxLength), "read, not skipped for its size");
        Assert.That(cases["appsettings mapping of 50k keys"]["appsettings.json"], Has.Length.LessThan(Compose.ComposeFile.MaxLength), "read, not skipped for its size");
        Assert.That(cases["compose file over 512 KB"]["compose.yaml"], Has.Length.GreaterThan(Compose.ComposeFile.MaxLength));
    }

    [Test]
    public void PastTheExpansionBudgetAValueIsUnknown_NotAGuess()
    {
        // A3 is 10 KB of x, A4 100 KB: past the 64 KB budget it is unknown, and so is every ARG built from it.
        var model = ContainerAnalyzers.Semantics.DockerfileModel.Create(ContainerAnalyzers.Syntax.DockerfileParser.Parse(HostileInputs.ArgExpansionBomb(levels: 8)));
        Assert.That(model.ExpandWithGlobalArguments("${A3}"), Has.Length.EqualTo(10_000));
        Assert.That(model.ExpandWithGlobalArguments("${A4}"), Is.Null);
        Assert.That(model.ExpandWithGlobalArguments("${A8}"), Is.Null);
        Assert.That(model.ExpandWithGlobalArguments("${A3}${A3}${A3}${A3}${A3}${A3}${A3}"), Is.Null, "the budget is the word's, not each variable's");
    }

    private static ProjectFacts Facts { get; } = ProjectFacts.Create(
        name => name switch { "TargetFramework" => "net8.0", "OutputType" => "Exe", "UsingMicrosoftNETSdkWeb" => "true", "AssemblyName" => "App", _ => null },
        ProjectDirectory + "/App.csproj",
        "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />");
}
