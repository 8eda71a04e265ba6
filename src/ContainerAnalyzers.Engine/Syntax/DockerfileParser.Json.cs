using System.Collections.Generic;
using System.Text;

namespace ContainerAnalyzers.Syntax;

// The exec form: a strict JSON array reader (as Go's encoding/json) that keeps the position of each string.
public static partial class DockerfileParser
{
    private sealed partial class Parser
    {
        private enum JsonResult
        {
            NotJson,
            StringArray,
            NotStringArray,
        }

        private bool TryParseJson(LogicalLine line, int start, int end, InstructionParts parts)
        {
            var strings = _jsonStrings;
            strings.Clear();
            var result = ParseJsonArray(line, start, end, strings);
            if (result == JsonResult.StringArray)
            {
                parts.Arguments.AddRange(strings);
                parts.IsJsonForm = true;
                return true;
            }

            if (result == JsonResult.NotStringArray)
            {
                _diagnostics.Add(new SyntaxDiagnostic(line.SpanOf(start, end), "When using JSON array syntax, arrays must be comprised of strings only"));
                parts.Arguments.Add(line.Token(start, end));
                return true;
            }

            return false;
        }

        /// <summary>A strict JSON reader (as Go's encoding/json) that keeps the position of each top-level string.</summary>
        private static JsonResult ParseJsonArray(LogicalLine line, int start, int end, List<SyntaxToken> strings)
        {
            var text = line.Text;
            var position = start;
            if (position >= end || text[position] != '[')
            {
                return JsonResult.NotJson;
            }

            position++;
            var allStrings = true;
            SkipJsonWhitespace(text, ref position, end);
            if (position < end && text[position] == ']')
            {
                position++;
            }
            else
            {
                while (true)
                {
                    SkipJsonWhitespace(text, ref position, end);
                    if (position >= end)
                    {
                        return JsonResult.NotJson;
                    }

                    if (text[position] == '"')
                    {
                        var stringStart = position;
                        var value = ReadJsonString(text, ref position, end);
                        if (value is null)
                        {
                            return JsonResult.NotJson;
                        }

                        strings.Add(line.Token(stringStart, position, line.Word(value)));
                    }
                    else
                    {
                        allStrings = false;
                        if (!SkipJsonValue(text, ref position, end))
                        {
                            return JsonResult.NotJson;
                        }
                    }

                    SkipJsonWhitespace(text, ref position, end);
                    if (position >= end)
                    {
                        return JsonResult.NotJson;
                    }

                    if (text[position] == ',')
                    {
                        position++;
                        continue;
                    }

                    if (text[position] == ']')
                    {
                        position++;
                        break;
                    }

                    return JsonResult.NotJson;
                }
            }

            SkipJsonWhitespace(text, ref position, end);
            if (position != end)
            {
                return JsonResult.NotJson;
            }

            return allStrings ? JsonResult.StringArray : JsonResult.NotStringArray;
        }

        private static void SkipJsonWhitespace(string text, ref int position, int end)
        {
            while (position < end && text[position] is ' ' or '\t' or '\n' or '\r')
            {
                position++;
            }
        }

        private static string? ReadJsonString(string text, ref int position, int end)
        {
            // position is at the opening quote.
            position++;
            var builder = new StringBuilder();
            while (position < end)
            {
                var c = text[position];
                if (c == '"')
                {
                    position++;
                    return builder.ToString();
                }

                if (c < 0x20)
                {
                    return null;
                }

                if (c != '\\')
                {
                    builder.Append(c);
                    position++;
                    continue;
                }

                if (position + 1 >= end)
                {
                    return null;
                }

                var escaped = text[position + 1];
                position += 2;
                switch (escaped)
                {
                    case '"': builder.Append('"'); break;
                    case '\\': builder.Append('\\'); break;
                    case '/': builder.Append('/'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u':
                        if (position + 4 > end || !TryParseHex(text, position, out var code))
                        {
                            return null;
                        }

                        builder.Append((char)code);
                        position += 4;
                        break;
                    default:
                        return null;
                }
            }

            return null;
        }

        private static bool TryParseHex(string text, int position, out int value)
        {
            value = 0;
            for (var i = 0; i < 4; i++)
            {
                var c = text[position + i];
                int digit;
                if (c >= '0' && c <= '9')
                {
                    digit = c - '0';
                }
                else if (c >= 'a' && c <= 'f')
                {
                    digit = c - 'a' + 10;
                }
                else if (c >= 'A' && c <= 'F')
                {
                    digit = c - 'A' + 10;
                }
                else
                {
                    return false;
                }

                value = (value * 16) + digit;
            }

            return true;
        }

        /// <summary>Skips any JSON value without recursion, so deeply nested input cannot exhaust the stack.</summary>
        private static bool SkipJsonValue(string text, ref int position, int end)
        {
            var containers = new Stack<char>();
            var expectValue = true;
            while (true)
            {
                SkipJsonWhitespace(text, ref position, end);
                if (position >= end)
                {
                    return false;
                }

                var c = text[position];
                if (expectValue)
                {
                    if (c == '[' || c == '{')
                    {
                        if (containers.Count >= MaxJsonDepth)
                        {
                            return false;
                        }

                        containers.Push(c == '[' ? ']' : '}');
                        position++;
                        SkipJsonWhitespace(text, ref position, end);
                        if (position < end && text[position] == containers.Peek())
                        {
                            position++;
                            containers.Pop();
                            expectValue = false;
                        }
                        else if (c == '{')
                        {
                            if (!ReadObjectKey(text, ref position, end))
                            {
                                return false;
                            }
                        }

                        if (containers.Count == 0)
                        {
                            return true;
                        }

                        continue;
                    }

                    if (c == '"')
                    {
                        if (ReadJsonString(text, ref position, end) is null)
                        {
                            return false;
                        }
                    }
                    else if (!SkipJsonScalar(text, ref position, end))
                    {
                        return false;
                    }

                    expectValue = false;
                    if (containers.Count == 0)
                    {
                        return true;
                    }

                    continue;
                }

                // After a value inside a container: ',' or the closing bracket.
                if (c == ',')
                {
                    position++;
                    expectValue = true;
                    if (containers.Peek() == '}' && !ReadObjectKey(text, ref position, end))
                    {
                        return false;
                    }

                    continue;
                }

                if (c != containers.Peek())
                {
                    return false;
                }

                position++;
                containers.Pop();
                if (containers.Count == 0)
                {
                    return true;
                }
            }
        }

        private static bool ReadObjectKey(string text, ref int position, int end)
        {
            SkipJsonWhitespace(text, ref position, end);
            if (position >= end || text[position] != '"' || ReadJsonString(text, ref position, end) is null)
            {
                return false;
            }

            SkipJsonWhitespace(text, ref position, end);
            if (position >= end || text[position] != ':')
            {
                return false;
            }

            position++;
            return true;
        }

        private static bool SkipJsonScalar(string text, ref int position, int end)
        {
            foreach (var literal in new[] { "true", "false", "null" })
            {
                if (string.CompareOrdinal(text, position, literal, 0, literal.Length) == 0 && position + literal.Length <= end)
                {
                    position += literal.Length;
                    return true;
                }
            }

            // -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?
            var p = position;
            if (p < end && text[p] == '-')
            {
                p++;
            }

            if (p >= end || !char.IsDigit(text[p]))
            {
                return false;
            }

            if (text[p] == '0')
            {
                p++;
            }
            else
            {
                while (p < end && text[p] >= '0' && text[p] <= '9')
                {
                    p++;
                }
            }

            if (p < end && text[p] == '.')
            {
                p++;
                var digits = p;
                while (p < end && text[p] >= '0' && text[p] <= '9')
                {
                    p++;
                }

                if (p == digits)
                {
                    return false;
                }
            }

            if (p < end && (text[p] == 'e' || text[p] == 'E'))
            {
                p++;
                if (p < end && (text[p] == '+' || text[p] == '-'))
                {
                    p++;
                }

                var digits = p;
                while (p < end && text[p] >= '0' && text[p] <= '9')
                {
                    p++;
                }

                if (p == digits)
                {
                    return false;
                }
            }

            position = p;
            return true;
        }
    }
}
