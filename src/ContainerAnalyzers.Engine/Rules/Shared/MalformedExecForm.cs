using System.Collections.Generic;
using System.Text;

namespace ContainerAnalyzers.Rules.Shared;

/// <summary>
/// A shell-form command that was meant as the exec form: <c>[</c>, then quoted strings separated by commas, then what
/// makes it invalid JSON (single quotes, a comma before <c>]</c>, no closing <c>]</c>, text after it, a backslash).
/// Docker then runs the whole text through <c>/bin/sh -c</c>. A shell command that happens to start with <c>[</c> (the
/// <c>test</c> builtin: <c>[ -f x ] &amp;&amp; …</c>, <c>[ "$A" = b ]</c>) does not read as such a list, and is left alone.
/// </summary>
internal sealed class MalformedExecForm
{
    private MalformedExecForm(IReadOnlyList<string> words, string problem, bool canRepair)
    {
        Words = words;
        Problem = problem;
        CanRepair = canRepair;
    }

    /// <summary>The strings of the intended array, as the author wrote them.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>What makes it invalid, for the message.</summary>
    public string Problem { get; }

    /// <summary>Whether the intended array is unambiguous: no text after <c>]</c> and no backslash in a string.</summary>
    public bool CanRepair { get; }

    /// <summary>The valid exec form of the intended array.</summary>
    public string Repaired()
    {
        var text = new StringBuilder("[");
        for (var i = 0; i < Words.Count; i++)
        {
            text.Append(i == 0 ? "\"" : ", \"").Append(Words[i].Replace("\"", "\\\"")).Append('"');
        }

        return text.Append(']').ToString();
    }

    /// <summary>The intended array of a shell-form command, or null when the text does not read as one.</summary>
    public static MalformedExecForm? TryRead(string command)
    {
        var text = command.Trim();
        if (text.Length == 0 || text[0] != '[')
        {
            return null;
        }

        var words = new List<string>();
        var singleQuotes = false;
        var backslash = false;
        var trailingComma = false;
        var position = 1;
        while (true)
        {
            position = SkipWhitespace(text, position);
            if (position >= text.Length)
            {
                // "[" then items and no "]".
                return words.Count > 0 ? new MalformedExecForm(words, "there is no closing ]", canRepair: !backslash) : null;
            }

            if (text[position] == ']')
            {
                trailingComma &= words.Count > 0;
                break;
            }

            var quote = text[position];
            if (quote is not ('"' or '\''))
            {
                return null;
            }

            var end = position + 1;
            while (end < text.Length && text[end] != quote)
            {
                if (text[end] == '\\' && quote == '"')
                {
                    backslash = true;
                    end++;
                }

                end++;
            }

            if (end >= text.Length)
            {
                return null;
            }

            singleQuotes |= quote == '\'';
            words.Add(text.Substring(position + 1, end - position - 1));
            position = SkipWhitespace(text, end + 1);
            trailingComma = false;
            if (position < text.Length && text[position] == ',')
            {
                trailingComma = true;
                position++;
                continue;
            }

            if (position < text.Length && text[position] != ']')
            {
                return null;
            }
        }

        var after = text.Substring(position + 1).Trim();
        var problem = after.Length > 0 ? $"there is text after the closing ]: '{after}'"
            : singleQuotes ? "JSON strings take double quotes, not single quotes"
            : trailingComma ? "there is a comma before the closing ]"
            : backslash ? "a backslash in a JSON string must be escaped as \\\\"
            : null;
        return problem is null || words.Count == 0 ? null : new MalformedExecForm(words, problem, canRepair: after.Length == 0 && !backslash);
    }

    private static int SkipWhitespace(string text, int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }

        return position;
    }
}
