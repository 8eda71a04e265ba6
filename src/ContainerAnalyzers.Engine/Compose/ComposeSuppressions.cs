using System;
using System.Collections.Generic;
using System.Linq;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Compose;

/// <summary>
/// The Dockerfile's suppression comments, in YAML: <c># containeranalyzers ignore=CTR0060</c> on the comment lines
/// directly above the line of the finding or above any key that encloses it (<c>ports:</c>, the service's name), or
/// at the end of the line itself; <c># containeranalyzers ignore-file=CTR0060</c> anywhere.
/// </summary>
public static class ComposeSuppressions
{
    public static bool IsSuppressed(string text, SourceSpan span, IReadOnlyList<string> keys)
    {
        if (text.IndexOf(Suppressions.CommentPrefix, StringComparison.OrdinalIgnoreCase) < 0)
        {
            return false;
        }

        var lines = text.Split('\n');
        foreach (var line in lines)
        {
            if (Covers(CommentOf(line), "ignore-file", keys))
            {
                return true;
            }
        }

        var lineIndex = LineMap.Create(text).GetLineNumber(span.Start);
        if (Covers(CommentOf(lines[lineIndex]), "ignore", keys))
        {
            return true;
        }

        var indent = int.MaxValue;
        for (var i = lineIndex; i >= 0; i--)
        {
            var line = lines[i].TrimEnd('\r');
            var trimmed = line.TrimStart();
            if (trimmed.Length == 0 || trimmed[0] == '#')
            {
                continue;
            }

            // The line of the finding, then each enclosing key (less indented): the comments directly above it count.
            var own = line.Length - trimmed.Length;
            if (i != lineIndex && own >= indent)
            {
                continue;
            }

            indent = own;
            for (var above = i - 1; above >= 0 && lines[above].TrimStart().StartsWith("#", StringComparison.Ordinal); above--)
            {
                if (Covers(lines[above].Trim(), "ignore", keys))
                {
                    return true;
                }
            }

            if (own == 0)
            {
                break;
            }
        }

        return false;
    }

    private static bool Covers(string? comment, string scope, IReadOnlyList<string> keys)
    {
        if (comment is null)
        {
            return false;
        }

        var match = Suppressions.MatchOurComment(comment);
        if (!match.Success || !string.Equals(match.Groups["scope"].Value, scope, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var ids = Suppressions.Ids(match.Groups["ids"].Value);
        return keys.Any(ids.Contains);
    }

    // The comment of a line: from a '#' that starts the line or follows a blank (YAML's rule), outside quotes.
    private static string? CommentOf(string line)
    {
        var quote = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
                continue;
            }

            if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1])))
            {
                return line.Substring(i).Trim();
            }
        }

        return null;
    }


    /// <summary>
    /// The suppression fix for a finding in a compose file: a <c># containeranalyzers ignore=</c> line above the
    /// finding's line, at its indentation (YAML accepts a comment on any line), or the id added to such a line there.
    /// </summary>
    public static RuleFix? CreateSuppressFix(string text, string ruleId, SourceSpan span)
    {
        if (span.Start < 0 || span.Start > text.Length)
        {
            return null;
        }

        var title = $"Suppress {ruleId} for this line";
        var lineStart = span.Start == 0 ? 0 : text.LastIndexOf('\n', span.Start - 1) + 1;
        var indentEnd = lineStart;
        while (indentEnd < text.Length && text[indentEnd] is ' ' or '\t')
        {
            indentEnd++;
        }

        // A "- " that starts a list item goes after the comment, which must not sit between "-" and its value.
        if (lineStart > 0)
        {
            var previousStart = text.LastIndexOf('\n', lineStart - 2) + 1;
            var previous = text.Substring(previousStart, lineStart - 1 - previousStart).TrimEnd('\r');
            var match = Suppressions.MatchOurComment(previous.Trim());
            if (match.Success && string.Equals(match.Groups["scope"].Value, "ignore", StringComparison.OrdinalIgnoreCase))
            {
                var ids = match.Groups["ids"];
                var end = previousStart + (previous.Length - previous.TrimStart().Length) + ids.Index + ids.Value.TrimEnd().Length;
                return new RuleFix(title, RuleFixTarget.ComposeFile, new SourceSpan(end, 0), string.Empty, "," + ruleId);
            }
        }

        var indent = text.Substring(lineStart, indentEnd - lineStart);
        return new RuleFix(title, RuleFixTarget.ComposeFile, new SourceSpan(lineStart, 0), string.Empty, $"{indent}# {Suppressions.CommentPrefix} ignore={ruleId}{NewLines.Of(text)}");
    }
}
