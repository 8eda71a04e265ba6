using System;
using System.Collections.Generic;
using System.Globalization;
using ContainerAnalyzers.Rules;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Infrastructure;

/// <summary>
/// Carries the engine's fixes from the analyzer to the code fix provider in the diagnostic's properties (the only
/// channel between them): <c>fix.N.title</c>, <c>.target</c>, <c>.start</c>, <c>.old</c> and <c>.new</c>.
/// </summary>
internal static class FixProperties
{
    private const string Prefix = "fix.";

    public static IEnumerable<KeyValuePair<string, string?>> Write(IReadOnlyList<RuleFix> fixes)
    {
        for (var i = 0; i < fixes.Count; i++)
        {
            var key = Prefix + i.ToString(CultureInfo.InvariantCulture) + ".";
            var fix = fixes[i];
            yield return new(key + "title", fix.Title);
            yield return new(key + "target", fix.Target.ToString());
            yield return new(key + "start", fix.Span.Start.ToString(CultureInfo.InvariantCulture));
            yield return new(key + "old", fix.OldText);
            yield return new(key + "new", fix.NewText);
        }
    }

    public static IReadOnlyList<RuleFix> Read(IReadOnlyDictionary<string, string?> properties)
    {
        var fixes = new List<RuleFix>();
        for (var i = 0; ; i++)
        {
            var key = Prefix + i.ToString(CultureInfo.InvariantCulture) + ".";
            if (!properties.TryGetValue(key + "title", out var title) || title is null
                || !properties.TryGetValue(key + "target", out var target) || !Enum.TryParse<RuleFixTarget>(target, out var fixTarget)
                || !properties.TryGetValue(key + "start", out var start) || !int.TryParse(start, NumberStyles.None, CultureInfo.InvariantCulture, out var position)
                || !properties.TryGetValue(key + "old", out var oldText) || oldText is null
                || !properties.TryGetValue(key + "new", out var newText) || newText is null)
            {
                return fixes;
            }

            fixes.Add(new RuleFix(title, fixTarget, new SourceSpan(position, oldText.Length), oldText, newText));
        }
    }
}
