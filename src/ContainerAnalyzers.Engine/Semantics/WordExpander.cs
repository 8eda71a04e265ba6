using System;
using System.Text;

namespace ContainerAnalyzers.Semantics;

/// <summary>What a variable stands for when a word is expanded.</summary>
public readonly struct VariableValue
{
    private VariableValue(bool isKnown, string? value)
    {
        IsKnown = isKnown;
        Value = value;
    }

    /// <summary>Not declared: BuildKit expands it to nothing.</summary>
    public static VariableValue Unset => new(true, null);

    /// <summary>Declared but its value is not known here (no default, a build argument, a platform variable).</summary>
    public static VariableValue Unknown => new(false, null);

    public bool IsKnown { get; }

    /// <summary>The value, or null when unset.</summary>
    public string? Value { get; }

    public static VariableValue Of(string value) => new(true, value);
}

/// <summary>
/// Processes one Dockerfile word as BuildKit's shell lexer does for FROM and flags: removes quotes and escapes
/// and substitutes <c>$VAR</c>, <c>${VAR}</c>, <c>${VAR:-word}</c>, <c>${VAR-word}</c>, <c>${VAR:+word}</c> and
/// <c>${VAR+word}</c>. It returns null whenever the result depends on something it cannot know, so callers
/// never guess.
/// </summary>
public static class WordExpander
{
    private const int MaxNesting = 64;

    /// <summary>
    /// The longest expansion worked out, in characters. Each ARG may repeat the one before it (<c>ARG A1=${A0}${A0}…</c>),
    /// so a few hundred bytes of Dockerfile can stand for gigabytes; past this budget a word is unknown. No value a
    /// rule weighs (an image reference, a flag, a path) comes near it.
    /// </summary>
    public const int MaxExpandedLength = 64 * 1024;

    public static string? Expand(string word, char escape, Func<string, VariableValue> lookup)
    {
        var builder = new StringBuilder(word.Length);
        var position = 0;
        return ExpandInto(word, ref position, word.Length, escape, lookup, builder, stopAtBrace: false, depth: 0) ? builder.ToString() : null;
    }

    /// <summary>True when the word contains a variable reference at all.</summary>
    public static bool HasVariables(string word) => word.IndexOf('$') >= 0;

    private static bool ExpandInto(string word, ref int position, int end, char escape, Func<string, VariableValue> lookup, StringBuilder output, bool stopAtBrace, int depth)
    {
        var inDoubleQuotes = false;
        while (position < end)
        {
            var c = word[position];
            if (stopAtBrace && c == '}' && !inDoubleQuotes)
            {
                return true;
            }

            if (c == '\'' && !inDoubleQuotes)
            {
                var close = word.IndexOf('\'', position + 1);
                if (close < 0 || close >= end)
                {
                    return false;
                }

                output.Append(word, position + 1, close - position - 1);
                position = close + 1;
                continue;
            }

            if (c == '"')
            {
                inDoubleQuotes = !inDoubleQuotes;
                position++;
                continue;
            }

            if (c == escape)
            {
                if (position + 1 >= end)
                {
                    position++;
                    continue;
                }

                var next = word[position + 1];
                if (inDoubleQuotes && next != '"' && next != '$' && next != escape)
                {
                    output.Append(c);
                }

                output.Append(next);
                position += 2;
                continue;
            }

            if (c == '$')
            {
                if (!ExpandVariable(word, ref position, end, escape, lookup, output, depth))
                {
                    return false;
                }

                continue;
            }

            output.Append(c);
            position++;
        }

        return !inDoubleQuotes && !stopAtBrace;
    }

    private static bool ExpandVariable(string word, ref int position, int end, char escape, Func<string, VariableValue> lookup, StringBuilder output, int depth)
    {
        // ${A:-${B:-…}} nests by recursion; past this depth the value is unknown rather than a stack overflow.
        if (depth >= MaxNesting)
        {
            return false;
        }

        // position is at '$'.
        if (position + 1 >= end)
        {
            output.Append('$');
            position++;
            return true;
        }

        if (word[position + 1] != '{')
        {
            var nameStart = position + 1;
            var nameEnd = nameStart;
            while (nameEnd < end && IsNameCharacter(word[nameEnd]))
            {
                nameEnd++;
            }

            if (nameEnd == nameStart)
            {
                output.Append('$');
                position++;
                return true;
            }

            position = nameEnd;
            var value = lookup(word.Substring(nameStart, nameEnd - nameStart));
            if (!value.IsKnown)
            {
                return false;
            }

            return AppendWithinBudget(output, value.Value);
        }

        var start = position + 2;
        var cursor = start;
        while (cursor < end && IsNameCharacter(word[cursor]))
        {
            cursor++;
        }

        if (cursor == start || cursor >= end)
        {
            return false;
        }

        var name = word.Substring(start, cursor - start);
        var variable = lookup(name);
        if (word[cursor] == '}')
        {
            position = cursor + 1;
            if (!variable.IsKnown)
            {
                return false;
            }

            return AppendWithinBudget(output, variable.Value);
        }

        var colon = word[cursor] == ':';
        if (colon)
        {
            cursor++;
        }

        if (cursor >= end || (word[cursor] != '-' && word[cursor] != '+'))
        {
            // Pattern operators (#, %, /) and anything else: not worth guessing.
            return false;
        }

        var useDefault = word[cursor] == '-';
        cursor++;
        var alternative = new StringBuilder();
        if (!ExpandInto(word, ref cursor, end, escape, lookup, alternative, stopAtBrace: true, depth + 1) || cursor >= end || word[cursor] != '}')
        {
            return false;
        }

        position = cursor + 1;
        if (!variable.IsKnown)
        {
            return false;
        }

        var isSet = variable.Value is not null && (!colon || variable.Value.Length > 0);
        if (useDefault)
        {
            return AppendWithinBudget(output, isSet ? variable.Value : alternative.ToString());
        }

        return !isSet || AppendWithinBudget(output, alternative.ToString());
    }

    private static bool AppendWithinBudget(StringBuilder output, string? value)
    {
        if (value is not null && output.Length + value.Length > MaxExpandedLength)
        {
            return false;
        }

        output.Append(value);
        return true;
    }

    private static bool IsNameCharacter(char c) => c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
