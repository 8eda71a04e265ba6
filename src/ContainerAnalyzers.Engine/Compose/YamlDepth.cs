namespace ContainerAnalyzers.Compose;

/// <summary>
/// A conservative bound on how deeply a YAML (or JSON) text nests, checked before YamlDotNet loads it: its
/// representation model recurses once per level, and a hostile text (a million '[' or "- - - …") would exhaust the
/// stack, which no catch can recover from. Real compose and appsettings files nest a handful of levels.
/// </summary>
internal static class YamlDepth
{
    private const int MaxFlowDepth = 64;
    private const int MaxIndent = 256;
    private const int MaxCompactEntries = 32;

    public static bool IsTooDeep(string text)
    {
        var flow = 0;
        var quote = '\0';
        var lineStart = true;
        var indent = 0;
        var compact = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                lineStart = true;
                indent = 0;
                compact = 0;
                quote = quote == '"' ? quote : '\0';
                continue;
            }

            if (lineStart)
            {
                if (c == ' ' || c == '\t')
                {
                    if (++indent > MaxIndent)
                    {
                        return true;
                    }

                    continue;
                }

                // "- - - x": each '-' or '?' followed by a blank opens a level on the same line.
                if ((c == '-' || c == '?' || c == ':') && i + 1 < text.Length && (text[i + 1] == ' ' || text[i + 1] == '\t'))
                {
                    if (++compact > MaxCompactEntries)
                    {
                        return true;
                    }

                    i++;
                    continue;
                }

                lineStart = false;
            }

            if (quote != '\0')
            {
                // A double-quoted scalar has escapes (\" does not close it; JSON's strings the same); a single-quoted one
                // doubles its quote, which closes and reopens it here, to the same effect.
                if (c == '\\' && quote == '"')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            // A comment runs to the end of its line, and its quotes and brackets count for nothing.
            if (c == '#' && (i == 0 || text[i - 1] is ' ' or '\t' or '\n' or '\r'))
            {
                var newline = text.IndexOf('\n', i);
                i = (newline < 0 ? text.Length : newline) - 1;
                continue;
            }

            // A quote opens a quoted scalar only where a scalar starts (after "key: ", "- ", '[', '{' or ','): inside a
            // plain scalar (command: echo "hi) it is a character, and must not hide the rest of the file from the count.
            if ((c == '"' || c == '\'') && !StartsScalar(text, i))
            {
                continue;
            }

            switch (c)
            {
                case '"' or '\'':
                    quote = c;
                    break;
                case '[' or '{':
                    if (++flow > MaxFlowDepth)
                    {
                        return true;
                    }

                    break;
                case ']' or '}':
                    flow = flow > 0 ? flow - 1 : 0;
                    break;
            }
        }

        return false;
    }

    // What precedes a scalar's first character: the line's indentation, or an indicator and blanks.
    internal static bool StartsScalar(string text, int index)
    {
        var i = index - 1;
        while (i >= 0 && (text[i] == ' ' || text[i] == '\t'))
        {
            i--;
        }

        return i < 0 || text[i] is '\n' or '\r' or ':' or '-' or '?' or '[' or '{' or ',';
    }
}
