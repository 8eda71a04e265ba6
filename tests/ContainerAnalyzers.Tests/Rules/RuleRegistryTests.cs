using ContainerAnalyzers.Analyzers;
using ContainerAnalyzers.Generator;
using ContainerAnalyzers.Infrastructure;
using ContainerAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules;

/// <summary>
/// The rule table and everything derived from it: the generated files are up to date, every exported analyzer's
/// descriptors link to an existing page, and the Roslyn descriptors agree with the table.
/// </summary>
[TestFixture]
public sealed class RuleRegistryTests
{
    public static IEnumerable<Type> AnalyzerTypes() => typeof(DockerfileAnalyzer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
        .OrderBy(t => t.Name);

    public static IEnumerable<RuleDescriptor> Rules() => AllRules.Descriptors;

    [Test]
    public void GeneratedFilesAreUpToDate()
    {
        var stale = RuleTableFiles.Compute(Infrastructure.TestPaths.RepositoryRoot)
            .Where(f => !File.Exists(Path.Combine(Infrastructure.TestPaths.RepositoryRoot, f.Path))
                || File.ReadAllText(Path.Combine(Infrastructure.TestPaths.RepositoryRoot, f.Path)).Replace("\r\n", "\n", StringComparison.Ordinal) != f.Content)
            .Select(f => f.Path)
            .ToList();
        Assert.That(stale, Is.Empty, "stale files derived from the rule table: run 'dotnet run --project src/ContainerAnalyzers.Generator' and commit the result");
    }

    [Test]
    public void OneHostAndTheCodeAnalyzerDeclareEveryRuleOnce()
    {
        var declared = AnalyzerTypes().SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics).Select(d => d.Id).ToList();
        Assert.That(AnalyzerTypes().Select(t => t.Name), Is.EquivalentTo(new[] { nameof(DockerfileAnalyzer), nameof(CTR0009DockerfileFixAvailableAnalyzer) }));
        Assert.That(declared, Is.EquivalentTo(AllRules.Descriptors.Select(d => d.Id)));
    }

    [TestCaseSource(nameof(AnalyzerTypes))]
    public void AnalyzerHasDocumentedDescriptors(Type analyzerType)
    {
        var analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(analyzerType)!;
        foreach (var descriptor in analyzer.SupportedDiagnostics)
        {
            Assert.That(descriptor.HelpLinkUri, Is.EqualTo(RuleIds.GetHelpUri(descriptor.Id)));
            var page = Path.Combine(Infrastructure.TestPaths.RepositoryRoot, "docs", "rules", descriptor.Id + ".md");
            Assert.That(File.Exists(page), Is.True, $"{page} must exist");
            Assert.That(File.ReadAllText(page), Does.StartWith($"# {descriptor.Id}: {descriptor.Title}"));
        }
    }

    [TestCaseSource(nameof(Rules))]
    public void RuleRowIsConsistent(RuleDescriptor rule)
    {
        var descriptor = DiagnosticDescriptors.For(rule);
        var ruleClass = RuleTableFiles.Rows().Single(r => r.Descriptor == rule).RuleClass;
        Assert.Multiple(() =>
        {
            Assert.That(ruleClass.Name, Does.StartWith(rule.Id), "one rule class per rule, named after its id");
            Assert.That(descriptor.Id, Is.EqualTo(rule.Id));
            Assert.That(descriptor.Category, Is.EqualTo(rule.Category));
            Assert.That(descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(rule.MessageFormat));
            Assert.That(descriptor.DefaultSeverity.ToString(), Is.EqualTo(rule.DefaultSeverity == RuleSeverity.Info ? "Info" : rule.DefaultSeverity.ToString()));
            Assert.That(RuleCategories.Headings.Select(h => h.Category), Does.Contain(rule.Category), "the docs index has a heading for the category");
            Assert.That(rule.Inputs, Is.Not.EqualTo((RuleInputs)0));
        });
    }

    // Typed messages: each rule reports through its own Report(span, …) whose string parameters are the format's
    // arguments, in order, so an argument cannot be added to one without the other.
    [TestCaseSource(nameof(Rules))]
    public void ReportTakesExactlyTheFormatArguments(RuleDescriptor rule)
    {
        var ruleClass = RuleTableFiles.Rows().Single(r => r.Descriptor == rule).RuleClass;
        var report = ruleClass.GetMethod("Report", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static);
        if (rule.Inputs == RuleInputs.Code)
        {
            Assert.That(report, Is.Null, "CTR0009's diagnostic is created by its analyzer");
            return;
        }

        Assert.That(report, Is.Not.Null, $"{ruleClass.Name} reports through a private static Report method");
        var arguments = report!.GetParameters().Skip(1).ToList();
        var placeholders = System.Text.RegularExpressions.Regex.Matches(rule.MessageFormat, @"\{(\d+)\}").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct().OrderBy(n => n).ToList();
        Assert.That(arguments.Select(p => p.ParameterType), Is.All.EqualTo(typeof(string)));
        Assert.That(placeholders, Is.EqualTo(Enumerable.Range(0, arguments.Count).ToList()), $"the format of {rule.Id} takes {{0}}…{{{arguments.Count - 1}}}, one per Report argument");
    }

    [Test]
    public void RuleIdsAreUnique()
        => Assert.That(AllRules.Descriptors.Select(d => d.Id), Is.Unique);
}
