using ContainerAnalyzers.Analyzers;
using ContainerAnalyzers.Rules;
using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules;

/// <summary>
/// CTR0099 (issue 25): in a build, a rule that throws loses its findings and is reported once, naming it; the other
/// rules still run, and the verifier sees the failure, so a throwing rule cannot pass its own tests.
/// </summary>
[TestFixture]
public sealed class CTR0099RuleFailedTests
{
    private const string SingleStage = RuleHostTests.SingleStage;

    private static DockerfileAnalysis Analysis(string dockerfile) => RuleHostTests.Analysis(dockerfile);

    [Test]
    public void InABuildAFailingRuleBecomesOneVisibleFinding()
    {
        var findings = RuleHost.RunContained(Analysis(SingleStage), new DockerfileRule[] { new ThrowingRule(), new CTR0002FinalStageOnSdkImageRule() }, CancellationToken.None);
        Assert.That(findings.Select(f => f.Rule.Id), Is.EqualTo(new[] { "CTR0002", "CTR0099" }), "the other rules still report, and the failure is not silent");
        var failure = findings.Single(f => f.Rule.Id == "CTR0099");
        Assert.That(failure.Severity, Is.EqualTo(RuleSeverity.Info), "a bug of ours never fails a warnings-as-errors build");
        Assert.That(failure.GetMessage(), Does.StartWith("CTR0001 failed on this file with System.InvalidOperationException").And.Contain("a rule's bug"));
    }

    [Test]
    public void EveryRuleShapeHasTheSameNet()
    {
        // The project rules (CTR0003) run through the same contained host as the Dockerfile and compose rules.
        var project = Projects.ProjectFacts.Create(p => p switch { "OutputType" => "Exe", "TargetFramework" => "net8.0", _ => null }, "/src/App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        var findings = RuleHost.RunContained(project, new ProjectRule[] { new ThrowingProjectRule(), new CTR0003ProjectHasNoDockerfileRule() }, CancellationToken.None);
        Assert.That(findings.Select(f => f.Rule.Id), Is.EqualTo(new[] { "CTR0003", "CTR0099" }));
        Assert.Throws<InvalidOperationException>(() => new ThrowingProjectRule().Analyze(project), "outside a build, a rule's bug reaches its test");
    }

    private sealed class ThrowingProjectRule : ProjectRule
    {
        public override RuleDescriptor Descriptor => CTR0003ProjectHasNoDockerfileRule.Definition;

        protected internal override void Analyze(Projects.ProjectFacts project, List<RuleFinding> findings, CancellationToken cancellationToken)
            => throw new InvalidOperationException("a rule's bug");
    }

    [Test]
    public async Task AThrowingRuleFailsItsOwnVerifierTest()
    {
        // The analyzer reports the failure as CTR0099 located in the Dockerfile...
        var reported = new ThrowingRuleTest(SingleStage);
        reported.ExpectedDiagnostics.Add(new Microsoft.CodeAnalysis.Testing.DiagnosticResult("CTR0099", DiagnosticSeverity.Info)
            .WithSpan("/src/App/Dockerfile", 1, 1, 1, 1).WithArguments("CTR0001", "System.InvalidOperationException", "a rule's bug"));
        await reported.RunAsync();

        // ...so a rule test that expects nothing (every _NoDiagnostic test) cannot pass while its rule throws.
        var silent = new ThrowingRuleTest(SingleStage);
        Assert.ThrowsAsync(Is.InstanceOf<Exception>(), () => silent.RunAsync());
    }

    private sealed class ThrowingRuleTest : Microsoft.CodeAnalysis.CSharp.Testing.CSharpAnalyzerTest<DockerfileAnalyzer, Microsoft.CodeAnalysis.Testing.DefaultVerifier>
    {
        public ThrowingRuleTest(string dockerfile)
        {
            TestState.Sources.Add("public static class Program { public static void Main() { } }");
            ReferenceAssemblies = NetReferenceAssemblies.None;
            TestState.AdditionalReferences.AddRange(NetReferenceAssemblies.Net80);
            TestState.AdditionalFiles.Add(("/src/App/Dockerfile", dockerfile));
            var config = "is_global = true\nbuild_property.TargetFramework = net8.0\nbuild_property.OutputType = Exe\nbuild_property.MSBuildProjectFullPath = /src/App/App.csproj\n"
                + string.Concat(AllRules.Descriptors.Where(d => d.Id != "CTR0099").Select(d => $"dotnet_diagnostic.{d.Id}.severity = none\n"));
            TestState.AnalyzerConfigFiles.Add(("/.globalconfig", config));
        }

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => new[] { new DockerfileAnalyzer(new ThrowingRule()) };
    }
}
