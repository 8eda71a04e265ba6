using System.Collections.Immutable;
using ContainerAnalyzers.Analyzers;
using ContainerAnalyzers.Projects;
using ContainerAnalyzers.Rules;
using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Infrastructure;

/// <summary>
/// The one pass: a rule that throws loses only its own findings, suppression comments apply by id and by
/// equivalent after all rules ran, and the analyzer host does not run rules the compilation turned off (the
/// verifier tests turn every other rule off through a real .globalconfig, so that path runs in every rule test).
/// </summary>
[TestFixture]
public sealed class RuleHostTests
{
    /// <summary>A single-stage SDK Dockerfile (CTR0001 and CTR0002), shared with CTR0099's tests.</summary>
    internal const string SingleStage = "FROM mcr.microsoft.com/dotnet/sdk:8.0\nCOPY . .\nRUN dotnet publish -o /app\nENTRYPOINT [\"dotnet\", \"/app/App.dll\"]\n";

    /// <summary>The analysis of a Dockerfile for a net8.0 executable App.</summary>
    internal static DockerfileAnalysis Analysis(string dockerfile) => new(
        DockerfileModel.Create(DockerfileParser.Parse(dockerfile)),
        ProjectFacts.Create(name => name switch { "TargetFramework" => "net8.0", "OutputType" => "Exe", _ => null }, "/src/App/App.csproj", null));

    [Test]
    public void AFailingRuleDoesNotSilenceTheOthers()
    {
        var failed = new List<string>();
        var findings = RuleHost.Run(Analysis(SingleStage), new DockerfileRule[] { new ThrowingRule(), new CTR0001NoBuilderStageRule() }, CancellationToken.None, (rule, _) => failed.Add(rule.Descriptor.Id));
        Assert.That(failed, Is.EqualTo(new[] { "CTR0001" }), "the throwing rule is reported to the callback");
        Assert.That(findings.Select(f => f.Rule.Id), Is.EqualTo(new[] { "CTR0001" }), "its partial findings are dropped, the next rule still reports");
    }

    [Test]
    public void WithoutACallbackARuleFailurePropagates()
        => Assert.Throws<InvalidOperationException>(() => RuleHost.Run(Analysis(SingleStage), new DockerfileRule[] { new ThrowingRule() }, CancellationToken.None));

    [TestCase("# containeranalyzers ignore=CTR0005\n")]
    [TestCase("# hadolint ignore=DL3024\n")]
    [TestCase("# check=skip=DuplicateStageName\n", true)]
    [TestCase("# check=skip=all\n", true)]
    public void SuppressionPassHonoursIdsAndEquivalents(string comment, bool directive = false)
    {
        var text = directive
            ? comment + "FROM alpine:3.20 AS a\nFROM alpine:3.20 AS a\n"
            : "FROM alpine:3.20 AS a\n" + comment + "FROM alpine:3.20 AS a\n";
        Assert.That(RuleHost.Run(Analysis(text), new[] { new CTR0005DuplicateStageNameRule() }, CancellationToken.None), Is.Empty);
        Assert.That(RuleHost.Run(Analysis("FROM alpine:3.20 AS a\nFROM alpine:3.20 AS a\n"), new[] { new CTR0005DuplicateStageNameRule() }, CancellationToken.None), Has.Count.EqualTo(1), "near miss: without the comment it reports");
    }

    [Test]
    public void RulesTurnedOffAreNotRun()
    {
        var noWarn = AllRules.Descriptors.Where(d => d.Id != "CTR0001" && d.Id != "CTR0002").ToDictionary(d => d.Id, _ => ReportDiagnostic.Suppress);
        Assert.That(Enabled(noWarn, new Dictionary<string, ReportDiagnostic>()), Is.EqualTo(new[] { "CTR0001", "CTR0002" }), "NoWarn");

        var globalConfig = AllRules.Descriptors.Where(d => d.Id != "CTR0010").ToDictionary(d => d.Id, _ => ReportDiagnostic.Suppress);
        Assert.That(Enabled(new Dictionary<string, ReportDiagnostic>(), globalConfig), Is.EqualTo(new[] { "CTR0010" }), "dotnet_diagnostic.ID.severity = none");

        var raised = new Dictionary<string, ReportDiagnostic> { ["CTR0010"] = ReportDiagnostic.Error };
        Assert.That(Enabled(raised, AllRules.Descriptors.ToDictionary(d => d.Id, _ => ReportDiagnostic.Suppress)), Is.EqualTo(new[] { "CTR0010" }), "WarningsAsErrors wins over a preset's none");

        Assert.That(Enabled(new Dictionary<string, ReportDiagnostic>(), new Dictionary<string, ReportDiagnostic>(), ("dotnet_analyzer_diagnostic.category-Container.Security.severity", "none")), Does.Not.Contain("CTR0050").And.Contain("CTR0001"), "a category's bulk severity");
        Assert.That(Enabled(new Dictionary<string, ReportDiagnostic>(), new Dictionary<string, ReportDiagnostic>()), Has.Count.EqualTo(AllRules.DockerfileRules.Count), "near miss: nothing configured, everything runs");

        // The SDK's own NoWarn and another analyzer's severities name none of the package's rules: everything runs.
        var sdkNoWarn = new[] { "CS1701", "CS1702", "CS8002" }.ToDictionary(id => id, _ => ReportDiagnostic.Suppress);
        var otherAnalyzer = new Dictionary<string, ReportDiagnostic> { ["CA1822"] = ReportDiagnostic.Suppress };
        Assert.That(Enabled(sdkNoWarn, otherAnalyzer), Has.Count.EqualTo(AllRules.DockerfileRules.Count), "near miss: other ids turned off");
        Assert.That(Enabled(sdkNoWarn.Append(new KeyValuePair<string, ReportDiagnostic>("CTR0010", ReportDiagnostic.Suppress)).ToDictionary(p => p.Key, p => p.Value), otherAnalyzer), Does.Not.Contain("CTR0010").And.Contain("CTR0001"), "one of the package's ids among the SDK's");
    }

    private static List<string> Enabled(Dictionary<string, ReportDiagnostic> specific, Dictionary<string, ReportDiagnostic> global, params (string Key, string Value)[] bulk)
    {
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new GlobalOptionsProvider(bulk));
        var compilation = CSharpCompilation.Create("App", Array.Empty<SyntaxTree>(), NetReferenceAssemblies.Net80, new CSharpCompilationOptions(OutputKind.ConsoleApplication)
            .WithSpecificDiagnosticOptions(specific)
            .WithSyntaxTreeOptionsProvider(new GlobalSeverities(global)));
        return ContainerAnalyzers.Infrastructure.EnabledRules.Read(compilation, options, CancellationToken.None)!.DockerfileRules.Select(r => r.Descriptor.Id).ToList();
    }

    private sealed class GlobalSeverities : SyntaxTreeOptionsProvider
    {
        private readonly Dictionary<string, ReportDiagnostic> _severities;

        public GlobalSeverities(Dictionary<string, ReportDiagnostic> severities) => _severities = severities;

        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.NotGenerated;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = default;
            return false;
        }

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
            => _severities.TryGetValue(diagnosticId, out severity);
    }

    [Test]
    public void TheEngineBuilderCatchesAFindingOutsideTheFile()
        => Assert.Throws<AssertionException>(() => EngineTest.ForApp().Analyze("FROM alpine:3.20\n", new OutOfBoundsRule()));

    [Test]
    public void TheEngineBuilderCatchesAFixThatAddsAWarning()
        => Assert.Throws<AssertionException>(() => EngineTest.ForApp().Analyze("FROM alpine:3.20 AS a\n", new BadFixRule(), new CTR0005DuplicateStageNameRule()));

    private sealed class OutOfBoundsRule : DockerfileRule
    {
        public override RuleDescriptor Descriptor => CTR0006FinalStageHasNoBuildOutputRule.Definition;

        protected internal override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
            => findings.Add(new RuleFinding(Descriptor, new Text.SourceSpan(analysis.Model.Syntax.Text.Length, 5), new[] { "stage" }));
    }

    // Its "fix" duplicates the stage: CTR0005 then warns where it did not.
    private sealed class BadFixRule : DockerfileRule
    {
        public override RuleDescriptor Descriptor => CTR0006FinalStageHasNoBuildOutputRule.Definition;

        protected internal override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
        {
            var text = analysis.Model.Syntax.Text;
            if (text.Split('\n').Length < 3)
            {
                var fix = new RuleFix("duplicate", RuleFixTarget.Dockerfile, new Text.SourceSpan(text.Length, 0), string.Empty, text);
                findings.Add(new RuleFinding(Descriptor, new Text.SourceSpan(0, 4), new[] { "a" }) { Fixes = new[] { fix } });
            }
        }
    }
}

/// <summary>A rule with a bug: it reports CTR0001 on the first character, then throws.</summary>
internal sealed class ThrowingRule : DockerfileRule
{
    public override RuleDescriptor Descriptor => CTR0001NoBuilderStageRule.Definition;

    protected internal override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        findings.Add(new RuleFinding(Descriptor, new Text.SourceSpan(0, 1), new[] { "stage", "dotnet build" }));
        throw new InvalidOperationException("a rule's bug");
    }
}
