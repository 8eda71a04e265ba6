using ContainerAnalyzers.Infrastructure;
using ContainerAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules;

/// <summary>Every exported analyzer has a help link to its docs page, the page exists, and the two descriptor sets agree.</summary>
[TestFixture]
public sealed class RuleRegistryTests
{
    public static IEnumerable<Type> AnalyzerTypes() => typeof(DockerfileRuleAnalyzer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
        .OrderBy(t => t.Name);

    [TestCaseSource(nameof(AnalyzerTypes))]
    public void AnalyzerHasDocumentedDescriptor(Type analyzerType)
    {
        var analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(analyzerType)!;
        foreach (var descriptor in analyzer.SupportedDiagnostics)
        {
            Assert.That(descriptor.HelpLinkUri, Is.EqualTo(RuleIds.GetHelpUri(descriptor.Id)));
            var page = Path.Combine(Infrastructure.TestPaths.RepositoryRoot, "docs", "rules", descriptor.Id + ".md");
            Assert.That(File.Exists(page), Is.True, $"{page} must exist");
            Assert.That(File.ReadAllText(page), Does.StartWith($"# {descriptor.Id}: {descriptor.Title}"));
            Assert.That(analyzerType.Name, Does.StartWith(descriptor.Id), "one analyzer class per rule, named after its id");
        }
    }

    [TestCaseSource(typeof(RuleDescriptors), nameof(RuleDescriptors.All))]
    public void RoslynDescriptorMatchesEngineDescriptor(RuleDescriptor rule)
    {
        var descriptor = DiagnosticDescriptors.For(rule);
        Assert.Multiple(() =>
        {
            Assert.That(descriptor.Id, Is.EqualTo(rule.Id));
            Assert.That(descriptor.Category, Is.EqualTo(rule.Category));
            Assert.That(descriptor.DefaultSeverity.ToString(), Is.EqualTo(rule.DefaultSeverity == RuleSeverity.Info ? "Info" : rule.DefaultSeverity.ToString()));
        });
    }

    [Test]
    public void EveryRuleIsListedInTheReadmeAndReleaseTracking()
    {
        var readme = File.ReadAllText(Path.Combine(Infrastructure.TestPaths.RepositoryRoot, "README.md"));
        var unshipped = File.ReadAllText(Path.Combine(Infrastructure.TestPaths.RepositoryRoot, "src", "ContainerAnalyzers", "AnalyzerReleases.Unshipped.md"));
        foreach (var rule in RuleDescriptors.All)
        {
            Assert.That(readme, Does.Contain($"[{rule.Id}](docs/rules/{rule.Id}.md)"));
            Assert.That(unshipped, Does.Contain(rule.Id));
        }
    }
}

[TestFixture]
public sealed class AllRulesTests
{
    [Test]
    public void AllRulesListsEveryDockerfileRule()
    {
        var expected = typeof(DockerfileRule).Assembly.GetTypes().Where(t => typeof(DockerfileRule).IsAssignableFrom(t) && !t.IsAbstract).Select(t => t.Name).OrderBy(n => n);
        Assert.That(AllRules.DockerfileRules.Select(r => r.GetType().Name).OrderBy(n => n), Is.EqualTo(expected));
    }

    [Test]
    public void BuildPropsExposeEveryVisibleProperty()
    {
        var props = File.ReadAllText(Path.Combine(ContainerAnalyzers.Tests.Infrastructure.TestPaths.RepositoryRoot, "build", "ContainerAnalyzers.props"));
        var targets = File.ReadAllText(Path.Combine(ContainerAnalyzers.Tests.Infrastructure.TestPaths.RepositoryRoot, "build", "ContainerAnalyzers.targets"));
        foreach (var property in ContainerAnalyzers.Projects.ProjectFacts.VisibleProperties)
        {
            Assert.That(props, Does.Contain($"<CompilerVisibleProperty Include=\"{property}\" />"), property);
            Assert.That(targets, Does.Contain($"<_ContainerAnalyzersFixProperty Include=\"{property}\" Value=\"$({property})\" />"), property + " reaches the FixDockerfile task");
        }
    }
}
