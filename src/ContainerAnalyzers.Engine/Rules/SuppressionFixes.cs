using System;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules;

/// <summary>The code fix every Dockerfile diagnostic has: a suppression comment for its instruction.</summary>
public static class SuppressionFixes
{
    /// <summary>
    /// The edit that suppresses a rule for the instruction at a span: a new <c># containeranalyzers ignore=</c> line
    /// above it, or the id added to such a line already there. Null when the span is in no instruction.
    /// </summary>
    public static RuleFix? CreateSuppressFix(DockerfileSyntaxTree tree, string ruleId, SourceSpan span)
    {
        var elements = tree.Elements;
        for (var i = 0; i < elements.Count; i++)
        {
            if (elements[i].Instruction is not { } instruction || span.Start < instruction.FullSpan.Start || span.Start >= Math.Max(instruction.FullSpan.End, instruction.FullSpan.Start + 1))
            {
                continue;
            }

            var title = $"Suppress {ruleId} for this instruction";
            for (var j = i - 1; j >= 0 && elements[j].Kind == SyntaxElementKind.Comment; j--)
            {
                var text = tree.GetText(elements[j].FullSpan);
                var match = Suppressions.MatchOurComment(text.Trim());
                if (match.Success && string.Equals(match.Groups["scope"].Value, "ignore", StringComparison.OrdinalIgnoreCase))
                {
                    var ids = match.Groups["ids"];
                    var leading = text.Length - text.TrimStart().Length;
                    var end = elements[j].FullSpan.Start + leading + ids.Index + ids.Value.TrimEnd().Length;
                    return new RuleFix(title, RuleFixTarget.Dockerfile, new SourceSpan(end, 0), string.Empty, "," + ruleId);
                }
            }

            var lineStart = instruction.FullSpan.Start;
            var indent = tree.Text.Substring(lineStart, instruction.Keyword.Span.Start - lineStart);
            var newLine = NewLines.Of(tree.Text);
            return new RuleFix(title, RuleFixTarget.Dockerfile, new SourceSpan(instruction.Keyword.Span.Start, 0), string.Empty, $"# {Suppressions.CommentPrefix} ignore={ruleId}{newLine}{indent}");
        }

        return null;
    }
}
