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
                quote = c == quote ? '\0' : quote;
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
}
