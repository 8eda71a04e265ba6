using System;
using System.Collections.Generic;
using System.Text;

namespace ContainerAnalyzers.Compose;

/// <summary>
/// What docker compose's YAML parser (go-yaml) accepts and YamlDotNet rejects, made acceptable to YamlDotNet without
/// changing any value, so a file compose runs is not reported as invalid and its other findings are not hidden
/// (issue 27). Today one case: the continuation lines of a quoted scalar that spans lines, indented no deeper than the
/// line it opened on (<c>command: ["sh", "-c", "…</c> closed by <c>"]</c> at the key's indentation). Leading blanks of
/// a quoted scalar's continuation lines are folded away, so indenting those lines changes no value.
/// </summary>
internal sealed class YamlLeniency
{
    // Insertion points in the repaired text, in order: where each run of added blanks starts, and how many there are.
    private readonly List<(int RepairedAt, int Count)> _insertions;

    // How many blanks were added before each insertion.
    private readonly int[] _shiftBefore;

    private YamlLeniency(string repaired, List<(int RepairedAt, int Count)> insertions)
    {
        Repaired = repaired;
        _insertions = insertions;
        _shiftBefore = new int[insertions.Count];
        for (var i = 1; i < insertions.Count; i++)
        {
            _shiftBefore[i] = _shiftBefore[i - 1] + insertions[i - 1].Count;
        }
    }

    /// <summary>The text YamlDotNet is given instead.</summary>
    public string Repaired { get; }

    /// <summary>The repair of <paramref name="text"/>, or null when it has nothing to repair.</summary>
    public static YamlLeniency? Repair(string text)
    {
        var output = new StringBuilder(text.Length + 64);
        var insertions = new List<(int, int)>();
        var quote = '\0';
        var openerIndent = 0;
        var lineIndent = 0;
        var lineStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (i == lineStart)
            {
                lineIndent = 0;
                while (i + lineIndent < text.Length && text[i + lineIndent] == ' ')
                {
                    lineIndent++;
                }

                var blankLine = i + lineIndent >= text.Length || text[i + lineIndent] is '\n' or '\r';
                if (quote != '\0' && !blankLine && lineIndent <= openerIndent)
                {
                    var count = openerIndent + 1 - lineIndent;
                    insertions.Add((output.Length, count));
                    output.Append(' ', count);
                }
            }

            var c = text[i];
            output.Append(c);
            if (c == '\n')
            {
                lineStart = i + 1;
                continue;
            }

            if (quote != '\0')
            {
                if (c == '\\' && quote == '"' && i + 1 < text.Length && text[i + 1] != '\n')
                {
                    output.Append(text[++i]);
                }
                else if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            if (c == '#' && (i == 0 || text[i - 1] is ' ' or '\t' or '\n' or '\r'))
            {
                var newline = text.IndexOf('\n', i);
                var end = newline < 0 ? text.Length : newline;
                output.Append(text, i + 1, end - i - 1);
                i = end - 1;
                continue;
            }

            if ((c == '"' || c == '\'') && YamlDepth.StartsScalar(text, i))
            {
                quote = c;
                openerIndent = lineIndent;
            }
        }

        return insertions.Count == 0 ? null : new YamlLeniency(output.ToString(), insertions);
    }

    /// <summary>The offset in the original text of an offset in the repaired one (inside added blanks: where they were added).</summary>
    public long ToOriginal(long repairedIndex)
    {
        // The last insertion at or before the index, by binary search: a file may have thousands of such lines.
        var low = 0;
        var high = _insertions.Count - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (_insertions[middle].RepairedAt <= repairedIndex)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        if (high < 0)
        {
            return repairedIndex;
        }

        var (at, count) = _insertions[high];
        var before = _shiftBefore[high];
        return repairedIndex < at + count ? at - before : repairedIndex - before - count;
    }
}
