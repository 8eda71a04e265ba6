using System.Collections.Generic;
using System.Globalization;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0098: a rule found more than <see cref="MaxFindingsPerRule"/> problems in one file; the hosts report the first of
/// them and this one summary instead of the rest. A generated or hostile file (a 50 MB Dockerfile that repeats one
/// stage name) would otherwise flood the build log with hundreds of thousands of warnings and keep the build busy
/// writing them; the first ones already say what is wrong.
/// </summary>
public static class CTR0098FindingsCappedRule
{
    /// <summary>How many findings of one rule one file reports before the rest are summed up.</summary>
    public const int MaxFindingsPerRule = 100;

    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0098",
        "A rule found more problems than are reported",
        "{0} found {1} more problems like the ones above in this file; only the first {2} are reported",
        RuleCategories.Syntax,
        RuleSeverity.Info,
        "One rule found more than 100 problems in one file. The first 100 are reported; this diagnostic counts the rest, so a generated or damaged file cannot flood the build.")
    {
        Inputs = RuleInputs.Dockerfile | RuleInputs.Compose,
    };

    /// <summary>
    /// Keeps each rule's first <see cref="MaxFindingsPerRule"/> findings, in order, and puts one CTR0098 finding for
    /// the rest at the first finding left out. Linear in the findings.
    /// </summary>
    public static void Cap(List<RuleFinding> findings)
    {
        if (findings.Count <= MaxFindingsPerRule)
        {
            return;
        }

        var counts = new Dictionary<string, int>(System.StringComparer.Ordinal);
        var firstLeftOut = new List<RuleFinding>();
        var kept = new List<RuleFinding>(findings.Count);
        foreach (var finding in findings)
        {
            counts.TryGetValue(finding.Rule.Id, out var count);
            counts[finding.Rule.Id] = count + 1;
            if (count < MaxFindingsPerRule)
            {
                kept.Add(finding);
            }
            else if (count == MaxFindingsPerRule)
            {
                firstLeftOut.Add(finding);
            }
        }

        if (firstLeftOut.Count == 0)
        {
            return;
        }

        foreach (var leftOut in firstLeftOut)
        {
            kept.Add(Report(leftOut.Span, leftOut.Rule.Id, (counts[leftOut.Rule.Id] - MaxFindingsPerRule).ToString("N0", CultureInfo.InvariantCulture), MaxFindingsPerRule.ToString(CultureInfo.InvariantCulture)));
        }

        findings.Clear();
        findings.AddRange(kept);
    }

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(SourceSpan span, string ruleId, string leftOut, string reported)
        => new(Definition, span, new[] { ruleId, leftOut, reported });
}
