using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ContainerAnalyzers.Projects;

/// <summary>A value of a JSON settings file: an object, an array or a scalar.</summary>
internal abstract class SettingsJsonNode
{
}

internal sealed class SettingsJsonObject : SettingsJsonNode
{
    public List<KeyValuePair<string, SettingsJsonNode>> Members { get; } = new();

    /// <summary>The member of that name (configuration keys ignore case), or null.</summary>
    public SettingsJsonNode? this[string name]
    {
        get
        {
            foreach (var member in Members)
            {
                if (member.Key.Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    return member.Value;
                }
            }

            return null;
        }
    }
}

internal sealed class SettingsJsonArray : SettingsJsonNode
{
    public List<SettingsJsonNode> Items { get; } = new();
}

/// <summary>A string, number or literal, as the text configuration sees; <see cref="Value"/> is null for JSON's null.</summary>
internal sealed class SettingsJsonScalar : SettingsJsonNode
{
    public SettingsJsonScalar(string? value) => Value = value;

    public string? Value { get; }
}

/// <summary>
/// Reads an appsettings file as the configuration's JSON provider accepts it: JSON with comments and trailing commas,
/// at most 64 levels deep, no member named twice in an object (names ignore case). Anything else throws
/// <see cref="FormatException"/>, since the app would fail to start on it too. Issue 26: the package used to read these
/// files with YamlDotNet, whose parser's first document costs a fresh compiler 17–30 ms (a compiled regex in a static
/// constructor), paid by every web project whether or not it has a compose file.
/// </summary>
internal static class SettingsJson
{
    /// <summary>System.Text.Json's default depth, which the configuration's JSON provider keeps.</summary>
    public const int MaxDepth = 64;

    /// <summary>The document's value; null for a text with nothing but whitespace and comments.</summary>
    public static SettingsJsonNode? Parse(string text)
    {
        var reader = new Reader(text);
        reader.SkipTrivia();
        if (reader.AtEnd)
        {
            return null;
        }

        var value = reader.ReadValue(depth: 1);
        reader.SkipTrivia();
        return reader.AtEnd ? value : throw reader.Error("text after the document's value");
    }

    private sealed class Reader
    {
        private readonly string _text;
        private int _position;

        public Reader(string text) => _text = text;

        public bool AtEnd => _position >= _text.Length;

        public FormatException Error(string what) => new(what + " at offset " + _position.ToString(CultureInfo.InvariantCulture));

        public SettingsJsonNode ReadValue(int depth)
        {
            if (depth > MaxDepth)
            {
                throw Error("nesting deeper than " + MaxDepth.ToString(CultureInfo.InvariantCulture));
            }

            switch (AtEnd ? '\0' : _text[_position])
            {
                case '{':
                    return ReadObject(depth);
                case '[':
                    return ReadArray(depth);
                case '"':
                    return new SettingsJsonScalar(ReadString());
                default:
                    return ReadLiteral();
            }
        }

        private SettingsJsonObject ReadObject(int depth)
        {
            var result = new SettingsJsonObject();
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            _position++;
            while (true)
            {
                SkipTrivia();
                if (Peek() == '}')
                {
                    _position++;
                    return result;
                }

                if (Peek() != '"')
                {
                    throw Error("a member name expected");
                }

                var name = ReadString();
                if (!names.Add(name))
                {
                    throw Error($"the key '{name}' twice");
                }

                SkipTrivia();
                Expect(':');
                SkipTrivia();
                result.Members.Add(new KeyValuePair<string, SettingsJsonNode>(name, ReadValue(depth + 1)));
                if (!AfterItem('}'))
                {
                    return result;
                }
            }
        }

        private SettingsJsonArray ReadArray(int depth)
        {
            var result = new SettingsJsonArray();
            _position++;
            while (true)
            {
                SkipTrivia();
                if (Peek() == ']')
                {
                    _position++;
                    return result;
                }

                result.Items.Add(ReadValue(depth + 1));
                if (!AfterItem(']'))
                {
                    return result;
                }
            }
        }

        // After a member or an item: true when a comma says more may follow (a trailing comma is allowed), false once
        // the closing bracket is read.
        private bool AfterItem(char close)
        {
            SkipTrivia();
            if (Peek() == ',')
            {
                _position++;
                return true;
            }

            Expect(close);
            return false;
        }

        private string ReadString()
        {
            _position++;
            var value = new StringBuilder();
            while (true)
            {
                if (AtEnd)
                {
                    throw Error("an unterminated string");
                }

                var c = _text[_position++];
                if (c == '"')
                {
                    return value.ToString();
                }

                if (c < ' ')
                {
                    throw Error("a control character in a string");
                }

                if (c != '\\')
                {
                    value.Append(c);
                    continue;
                }

                var escaped = AtEnd ? '\0' : _text[_position++];
                switch (escaped)
                {
                    case '"' or '\\' or '/':
                        value.Append(escaped);
                        break;
                    case 'b':
                        value.Append('\b');
                        break;
                    case 'f':
                        value.Append('\f');
                        break;
                    case 'n':
                        value.Append('\n');
                        break;
                    case 'r':
                        value.Append('\r');
                        break;
                    case 't':
                        value.Append('\t');
                        break;
                    case 'u' when _position + 4 <= _text.Length
                        && int.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                        value.Append((char)code);
                        _position += 4;
                        break;
                    default:
                        throw Error("an invalid escape");
                }
            }
        }

        // true, false, null or a number, kept as written (configuration reads them as their text).
        private SettingsJsonScalar ReadLiteral()
        {
            var start = _position;
            while (!AtEnd && (char.IsLetterOrDigit(_text[_position]) || _text[_position] is '+' or '-' or '.'))
            {
                _position++;
            }

            var literal = _text.Substring(start, _position - start);
            return literal switch
            {
                "null" => new SettingsJsonScalar(null),
                "true" or "false" => new SettingsJsonScalar(literal),
                _ when IsNumber(literal) => new SettingsJsonScalar(literal),
                _ => throw Error("a value expected"),
            };
        }

        // JSON's number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
        private static bool IsNumber(string literal)
        {
            var i = 0;
            if (i < literal.Length && literal[i] == '-')
            {
                i++;
            }

            if (i < literal.Length && literal[i] == '0')
            {
                i++;
            }
            else if (!Digits(literal, ref i))
            {
                return false;
            }

            if (i < literal.Length && literal[i] == '.')
            {
                i++;
                if (!Digits(literal, ref i))
                {
                    return false;
                }
            }

            if (i < literal.Length && literal[i] is 'e' or 'E')
            {
                i++;
                if (i < literal.Length && literal[i] is '+' or '-')
                {
                    i++;
                }

                if (!Digits(literal, ref i))
                {
                    return false;
                }
            }

            return i == literal.Length;
        }

        private static bool Digits(string text, ref int i)
        {
            var start = i;
            while (i < text.Length && text[i] is >= '0' and <= '9')
            {
                i++;
            }

            return i > start;
        }

        // Whitespace and comments, which the configuration's reader skips.
        public void SkipTrivia()
        {
            while (!AtEnd)
            {
                var c = _text[_position];
                if (c is ' ' or '\t' or '\r' or '\n')
                {
                    _position++;
                }
                else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '/')
                {
                    var end = _text.IndexOf('\n', _position);
                    _position = end < 0 ? _text.Length : end + 1;
                }
                else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '*')
                {
                    var end = _text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                    _position = end < 0 ? throw Error("an unterminated comment") : end + 2;
                }
                else
                {
                    return;
                }
            }
        }

        private char Peek() => AtEnd ? '\0' : _text[_position];

        private void Expect(char c)
        {
            if (Peek() != c)
            {
                throw Error($"'{c}' expected");
            }

            _position++;
        }
    }
}
