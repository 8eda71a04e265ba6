using ContainerAnalyzers.Rules;
using ContainerAnalyzers.Tests.Infrastructure;
using ContainerAnalyzers.Text;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Rules.CrossFile;

/// <summary>Runs one engine rule and applies its fixes, to check what the code fix will write.</summary>
internal static class RuleFixAssert
{
    public static Dictionary<string, string> Properties(string targetFramework = "net8.0", bool web = true) => EngineTest.AppProperties(targetFramework, web);

    public static IReadOnlyList<RuleFinding> Analyze(DockerfileRule rule, string dockerfile, IReadOnlyDictionary<string, string> properties, string? projectText = null)
        => EngineTest.ForProperties(properties).WithProject("/src/App/App.csproj", projectText).Analyze(dockerfile, rule);

    /// <summary>Applies the fix with the given title and checks the rule is satisfied afterwards.</summary>
    public static string ApplyFix(DockerfileRule rule, string dockerfile, IReadOnlyDictionary<string, string> properties, string title, string? projectText = null)
    {
        var finding = Analyze(rule, dockerfile, properties, projectText).Single();
        var fix = finding.Fixes.SingleOrDefault(f => f.Title == title) ?? throw new AssertionException($"no fix '{title}'; offered: {string.Join(", ", finding.Fixes.Select(f => f.Title))}");
        if (fix.Target == RuleFixTarget.ProjectFile)
        {
            return fix.ApplyTo(projectText!) ?? throw new AssertionException("the project fix does not apply");
        }

        var fixedText = fix.ApplyTo(dockerfile) ?? throw new AssertionException("the fix does not apply");
        Assert.That(Analyze(rule, fixedText, properties, projectText), Is.Empty, "the rule is satisfied after the fix:\n" + fixedText);
        return fixedText;
    }
}
