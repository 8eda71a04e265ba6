using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
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
    /// <summary>
    /// The file's suppression comments, read once: null when it has none (the usual case), so the caller skips the
    /// lookup. Each later lookup walks only the finding's enclosing keys, never the file.
    /// </summary>
    public static SuppressionIndex? Index(string text, CancellationToken cancellationToken)
        => text.IndexOf(Suppressions.CommentPrefix, StringComparison.OrdinalIgnoreCase) < 0 ? null : new SuppressionIndex(text, cancellationToken);

    /// <summary>A compose file's suppression comments by line, with each content line's enclosing key.</summary>
    public sealed class SuppressionIndex
    {
        private readonly LineMap _lines;
        private readonly string?[] _ownComment;
        private readonly string[]?[] _commentsAbove;
        private readonly int[] _enclosing;
        private readonly int[] _indent;
        private readonly bool[] _isContent;
        private readonly List<string> _fileComments = new();

        internal SuppressionIndex(string text, CancellationToken cancellationToken)
        {
            _lines = LineMap.Create(text);
            var lines = text.Split('\n');
            _ownComment = new string?[lines.Length];
            _commentsAbove = new string[]?[lines.Length];
            _enclosing = new int[lines.Length];
            _indent = new int[lines.Length];
            _isContent = new bool[lines.Length];

            // One pass: the open keys form a stack by indentation, so each content line's enclosing key (the nearest
            // content line above it with less indentation) is found without scanning back. An array, not a Stack<int>,
            // whose framework code a fresh compiler process would JIT-compile.
            var open = new int[lines.Length];
            var openCount = 0;
            var above = new List<string>();
            for (var i = 0; i < lines.Length; i++)
            {
                if ((i & 0xFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var line = lines[i].TrimEnd('\r');
                var trimmed = line.TrimStart();
                _ownComment[i] = CommentOf(line);
                if (_ownComment[i] is { } comment && IsOurs(comment, "ignore-file"))
                {
                    _fileComments.Add(comment);
                }

                _enclosing[i] = -1;
                if (trimmed.Length > 0 && trimmed[0] == '#')
                {
                    above.Add(trimmed.Trim());
                    continue;
                }

                if (trimmed.Length == 0)
                {
                    // A blank line ends the comments "directly above".
                    above.Clear();
                    continue;
                }

                _isContent[i] = true;
                _indent[i] = line.Length - trimmed.Length;
                _commentsAbove[i] = above.Count > 0 ? above.ToArray() : null;
                above.Clear();
                while (openCount > 0 && _indent[open[openCount - 1]] >= _indent[i])
                {
                    openCount--;
                }

                _enclosing[i] = openCount > 0 ? open[openCount - 1] : -1;
                open[openCount++] = i;
            }
        }

        public bool IsSuppressed(SourceSpan span, IReadOnlyList<string> keys)
        {
            if (_fileComments.Exists(comment => Covers(comment, "ignore-file", keys)))
            {
                return true;
            }

            var lineIndex = Math.Min(_lines.GetLineNumber(span.Start), _ownComment.Length - 1);
            if (lineIndex < 0 || Covers(_ownComment[lineIndex], "ignore", keys))
            {
                return lineIndex >= 0;
            }

            // The finding's line (or the content line above a blank or comment one), then each enclosing key.
            var i = lineIndex;
            while (i >= 0 && !_isContent[i])
            {
                i--;
            }

            for (; i >= 0; i = _enclosing[i])
            {
                if (_commentsAbove[i] is { } comments && Array.Exists(comments, comment => Covers(comment, "ignore", keys)))
                {
                    return true;
                }
            }

            return false;
        }
    }

    private static bool IsOurs(string comment, string scope)
    {
        var match = Suppressions.MatchOurComment(comment);
        return match.Success && string.Equals(match.Groups["scope"].Value, scope, StringComparison.OrdinalIgnoreCase);
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
