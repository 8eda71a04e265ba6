using System;
using System.Collections.Generic;
using System.Text;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Syntax;

// Heredocs: <<EOF, <<-EOF, <<"EOF", 3<<EOF on RUN, COPY and ADD; the bodies follow the instruction's last line.
public static partial class DockerfileParser
{
    private sealed partial class Parser
    {
        // Heredocs: <<EOF, <<-EOF, <<"EOF", 3<<EOF; bodies follow the instruction's last line.
        private int ReadHeredocs(InstructionParts parts, string logicalLine, int lastLine)
        {
            foreach (var word in SplitShellWordsRaw(logicalLine))
            {
                var heredoc = TryReadHeredocWord(word);
                if (heredoc is null)
                {
                    continue;
                }

                var (name, chomp, expand, fileDescriptor) = heredoc.Value;
                var bodyStart = lastLine + 1 < _lines.Count ? _lines[lastLine + 1].Start : _text.Length;
                var content = new StringBuilder();
                var terminated = false;
                var terminatorSpan = new SourceSpan(_text.Length, 0);
                while (lastLine + 1 < _lines.Count)
                {
                    lastLine++;
                    if ((lastLine & 0xFF) == 0)
                    {
                        _cancellationToken.ThrowIfCancellationRequested();
                    }

                    var line = _lines[lastLine];
                    var candidateStart = line.Start;
                    if (chomp)
                    {
                        while (candidateStart < line.ContentEnd && _text[candidateStart] == '\t')
                        {
                            candidateStart++;
                        }
                    }

                    if (line.ContentEnd - candidateStart == name.Length && string.CompareOrdinal(_text, candidateStart, name, 0, name.Length) == 0)
                    {
                        terminated = true;
                        terminatorSpan = SourceSpan.FromBounds(line.Start, line.ContentEnd);
                        break;
                    }

                    content.Append(_text, line.Start, line.End - line.Start);
                }

                var bodyEnd = terminated ? terminatorSpan.Start : _text.Length;
                if (!terminated)
                {
                    _diagnostics.Add(new SyntaxDiagnostic(parts.Span, $"Unterminated heredoc: no line '{name}' closes it"));
                }

                parts.Heredocs.Add(new HeredocSyntax(name, chomp, expand, fileDescriptor, content.ToString(), SourceSpan.FromBounds(bodyStart, Math.Max(bodyStart, bodyEnd)), terminatorSpan, terminated));
                if (!terminated)
                {
                    break;
                }
            }

            return lastLine;
        }

        /// <summary>Splits on unquoted whitespace, keeping quotes and escapes (BuildKit's lexer with RawQuotes and RawEscapes).</summary>
        private static IEnumerable<string> SplitShellWordsRaw(string line)
        {
            var word = new StringBuilder();
            char quote = '\0';
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (quote == '\0' && char.IsWhiteSpace(c))
                {
                    if (word.Length > 0)
                    {
                        yield return word.ToString();
                        word.Clear();
                    }

                    continue;
                }

                if (c == '\\' && quote != '\'' && i + 1 < line.Length)
                {
                    word.Append(c).Append(line[++i]);
                    continue;
                }

                if (quote == '\0' && (c == '\'' || c == '"'))
                {
                    quote = c;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }

                word.Append(c);
            }

            if (word.Length > 0)
            {
                yield return word.ToString();
            }
        }

        // ^(\d*)<<(-?)([^<]*)$
        private static (string Name, bool Chomp, bool Expand, int FileDescriptor)? TryReadHeredocWord(string word)
        {
            var position = 0;
            while (position < word.Length && word[position] >= '0' && word[position] <= '9')
            {
                position++;
            }

            if (position + 1 >= word.Length || word[position] != '<' || word[position + 1] != '<')
            {
                return null;
            }

            var fileDescriptor = 0;
            if (position > 0 && !int.TryParse(word.Substring(0, position), out fileDescriptor))
            {
                fileDescriptor = 0;
            }

            position += 2;
            var chomp = position < word.Length && word[position] == '-';
            if (chomp)
            {
                position++;
            }

            var rest = word.Substring(position);
            if (rest.Length == 0 || rest.IndexOf('<') >= 0)
            {
                return null;
            }

            var name = new StringBuilder();
            var quoted = false;
            char quote = '\0';
            for (var i = 0; i < rest.Length; i++)
            {
                var c = rest[i];
                if (quote == '\0' && (c == '\'' || c == '"'))
                {
                    quote = c;
                    quoted = true;
                    continue;
                }

                if (c == quote)
                {
                    quote = '\0';
                    continue;
                }

                if (c == '\\' && quote != '\'' && i + 1 < rest.Length)
                {
                    quoted = true;
                    name.Append(rest[++i]);
                    continue;
                }

                name.Append(c);
            }

            if (name.Length == 0)
            {
                return null;
            }

            return (name.ToString(), chomp, !quoted, fileDescriptor);
        }
    }
}
