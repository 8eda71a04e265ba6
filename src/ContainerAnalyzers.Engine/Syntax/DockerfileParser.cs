using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Syntax;

/// <summary>
/// Parses Dockerfiles the way BuildKit's parser does (frontend/dockerfile/parser): it joins physical lines
/// into logical lines, then hands each instruction's arguments to a small per-instruction splitter. Unlike
/// BuildKit it keeps every character's position, and it never stops at an error: problems become
/// <see cref="SyntaxDiagnostic"/>s and parsing continues with the next instruction.
/// This file holds the line joining and the per-instruction splitters; the exec-form JSON reader, the heredoc reader
/// and the instruction checks are in DockerfileParser.Json.cs, .Heredocs.cs and .Validation.cs.
/// </summary>
public static partial class DockerfileParser
{
    public static DockerfileSyntaxTree Parse(string text, CancellationToken cancellationToken = default)
        => new Parser(text ?? string.Empty, cancellationToken).Run();

    private struct PhysicalLine
    {
        public int Start;
        public int ContentEnd;
        public int End;
    }

    /// <summary>An instruction joined into one line, with the original offset of each of its characters.</summary>
    private sealed class LogicalLine
    {
        // For a joined line: where each physical line's kept text starts, in the joined text and in the file (one
        // pair per physical line rather than one offset per character, so a long RUN costs no map in proportion).
        private readonly int[]? _segmentStarts;
        private readonly int[]? _segmentOffsets;
        private readonly StringTable _strings;

        /// <summary>A line joined from several physical lines, with the start of each piece in both texts.</summary>
        public LogicalLine(string text, int[] segmentStarts, int[] segmentOffsets, int endOfInstruction, StringTable strings)
        {
            Text = text;
            End = text.Length;
            _segmentStarts = segmentStarts;
            _segmentOffsets = segmentOffsets;
            EndOfInstruction = endOfInstruction;
            _strings = strings;
        }

        /// <summary>
        /// A single physical line (most instructions): the line is read in place in the file's text, so its
        /// indexes are the file's offsets and nothing is copied.
        /// </summary>
        public LogicalLine(string fileText, int start, int end, int endOfInstruction, StringTable strings)
        {
            Text = fileText;
            Start = start;
            End = end;
            EndOfInstruction = endOfInstruction;
            _strings = strings;
        }

        /// <summary>For a joined line, where each piece starts in <see cref="Text"/>; null for a single line.</summary>
        public int[]? SegmentStarts => _segmentStarts;

        /// <summary>For a joined line, where each piece starts in the file; null for a single line.</summary>
        public int[]? SegmentOffsets => _segmentOffsets;

        /// <summary>The text the indexes refer to: the joined line, or the whole file for a single line.</summary>
        public string Text { get; }

        /// <summary>Where the line starts in <see cref="Text"/>.</summary>
        public int Start { get; }

        /// <summary>Where the line ends in <see cref="Text"/>.</summary>
        public int End { get; }

        public int EndOfInstruction { get; }

        /// <summary>The line as a string of its own (for the rare heredoc scan).</summary>
        public string ToLineString() => Start == 0 && End == Text.Length ? Text : Text.Substring(Start, End - Start);

        public SourceSpan SpanOf(int start, int end)
        {
            if (end <= start)
            {
                var at = start < End ? Original(start) : EndOfInstruction;
                return new SourceSpan(at, 0);
            }

            return SourceSpan.FromBounds(Original(start), Original(end - 1) + 1);
        }

        private int Original(int index) => LogicalOffsets.ToFile(_segmentStarts, _segmentOffsets, index);

        public SyntaxToken Token(int start, int end) => new(SpanOf(start, end), _strings.Get(Text, start, end - start));

        /// <summary>A token whose value the caller has already read (and shared, where it repeats).</summary>
        public SyntaxToken Token(int start, int end, string value) => new(SpanOf(start, end), value);

        /// <summary>The characters of the line from start to end, shared with equal words read before.</summary>
        public string Word(int start, int end) => _strings.Get(Text, start, end - start);

        /// <summary>A value the parser built, shared with an equal word read before.</summary>
        public string Word(string value) => _strings.Get(value);
    }

    private sealed partial class Parser
    {
        private const int MaxJsonDepth = 10000;

        private readonly string _text;
        private readonly CancellationToken _cancellationToken;
        private readonly ValueList<PhysicalLine> _lines;
        private readonly List<ParserDirectiveSyntax> _directives = new();
        private readonly List<InstructionSyntax> _instructions = new();
        private readonly ValueList<SyntaxElement> _elements = new();
        private readonly List<SyntaxDiagnostic> _diagnostics = new();
        private readonly HashSet<string> _seenDirectives = new(StringComparer.Ordinal);

        // Scratch space reused from one instruction to the next: what the tree keeps is copied out of it.
        private readonly StringTable _strings;
        private readonly InstructionParts _parts = new();
        private readonly InstructionParts _triggerParts = new();
        private readonly StringBuilder _word = new();
        private readonly List<(int Start, int End, string Value)> _words = new();
        private readonly List<SyntaxToken> _jsonStrings = new();
        private char _escape = '\\';
        private bool _directivesDone;

        public Parser(string text, CancellationToken cancellationToken)
        {
            _text = text;
            _cancellationToken = cancellationToken;
            _strings = new StringTable(text.Length);

            // Sized once: growing a list of a few hundred thousand lines copies it on the large object heap.
            var lineCount = 1;
            for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1))
            {
                lineCount++;
            }

            _lines = new ValueList<PhysicalLine>(lineCount);
        }

        public DockerfileSyntaxTree Run()
        {
            SplitLines();
            var byteOrderMark = _text.Length > 0 && _text[0] == '\uFEFF' ? 1 : 0;
            var index = 0;
            while (index < _lines.Count)
            {
                if ((index & 0xFF) == 0)
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                }

                var line = _lines[index];
                var contentStart = index == 0 ? line.Start + byteOrderMark : line.Start;
                var trimmedStart = SkipWhitespace(contentStart, line.ContentEnd);

                if (!_directivesDone && TryParseDirective(trimmedStart, line))
                {
                    _elements.Add(new SyntaxElement(SyntaxElementKind.ParserDirective, FullSpanOf(index, index), null));
                    index++;
                    continue;
                }

                _directivesDone = true;
                if (trimmedStart < line.ContentEnd && _text[trimmedStart] == '#')
                {
                    _elements.Add(new SyntaxElement(SyntaxElementKind.Comment, FullSpanOf(index, index), null));
                    index++;
                    continue;
                }

                var keepEnd = TrimContinuation(trimmedStart, line.ContentEnd, out var continues);
                if (!continues && keepEnd == trimmedStart)
                {
                    _elements.Add(new SyntaxElement(SyntaxElementKind.BlankLine, FullSpanOf(index, index), null));
                    index++;
                    continue;
                }

                index = ParseInstruction(index, trimmedStart, keepEnd, continues);
            }

            if (_instructions.Count == 0)
            {
                _diagnostics.Add(new SyntaxDiagnostic(new SourceSpan(0, 0), "The Dockerfile has no instructions; a build needs at least a FROM"));
            }

            return new DockerfileSyntaxTree(_text, _escape, _directives, _instructions, _elements, _diagnostics);
        }

        private void SplitLines()
        {
            var start = 0;
            for (var i = 0; i < _text.Length; i++)
            {
                if (_text[i] == '\n')
                {
                    _lines.Add(new PhysicalLine { Start = start, ContentEnd = TrimLineBreak(start, i), End = i + 1 });
                    start = i + 1;
                }
            }

            if (start < _text.Length)
            {
                _lines.Add(new PhysicalLine { Start = start, ContentEnd = TrimLineBreak(start, _text.Length), End = _text.Length });
            }
        }

        private int TrimLineBreak(int start, int end)
        {
            while (end > start && (_text[end - 1] == '\r' || _text[end - 1] == '\n'))
            {
                end--;
            }

            return end;
        }

        private SourceSpan FullSpanOf(int firstLine, int lastLine) => SourceSpan.FromBounds(_lines[firstLine].Start, _lines[lastLine].End);

        private int SkipWhitespace(int start, int end)
        {
            while (start < end && char.IsWhiteSpace(_text[start]))
            {
                start++;
            }

            return start;
        }

        private bool IsCommentLine(PhysicalLine line)
        {
            var start = SkipWhitespace(line.Start, line.ContentEnd);
            return start < line.ContentEnd && _text[start] == '#';
        }

        private bool IsBlankLine(PhysicalLine line) => SkipWhitespace(line.Start, line.ContentEnd) == line.ContentEnd;

        /// <summary>
        /// BuildKit's rule: the escape character is a line continuation when it is the last non-blank character
        /// and not itself escaped. Returns where the kept text ends.
        /// </summary>
        private int TrimContinuation(int start, int end, out bool continues)
        {
            var last = end - 1;
            while (last >= start && (_text[last] == ' ' || _text[last] == '\t'))
            {
                last--;
            }

            if (last >= start && _text[last] == _escape && (last == start || _text[last - 1] != _escape))
            {
                continues = true;
                return last;
            }

            continues = false;
            return end;
        }

        // ^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$ on the left-trimmed line, as BuildKit matches directives.
        private bool TryParseDirective(int start, PhysicalLine line)
        {
            var end = line.ContentEnd;
            if (start >= end || _text[start] != '#')
            {
                return false;
            }

            var position = SkipWhitespace(start + 1, end);
            var nameStart = position;
            if (position >= end || !IsAsciiLetter(_text[position]))
            {
                return false;
            }

            while (position < end && (IsAsciiLetter(_text[position]) || (_text[position] >= '0' && _text[position] <= '9')))
            {
                position++;
            }

            var name = _text.Substring(nameStart, position - nameStart).ToLowerInvariant();
            position = SkipWhitespace(position, end);
            if (position >= end || _text[position] != '=')
            {
                return false;
            }

            var valueStart = SkipWhitespace(position + 1, end);
            var valueEnd = end;
            while (valueEnd > valueStart && char.IsWhiteSpace(_text[valueEnd - 1]))
            {
                valueEnd--;
            }

            if (valueEnd <= valueStart || (name != "syntax" && name != "escape" && name != "check"))
            {
                return false;
            }

            var value = _text.Substring(valueStart, valueEnd - valueStart);
            var span = SourceSpan.FromBounds(start, end);
            if (!_seenDirectives.Add(name))
            {
                _diagnostics.Add(new SyntaxDiagnostic(span, $"Only one '{name}' parser directive can be used"));
            }
            else if (name == "escape")
            {
                if (value == "\\" || value == "`")
                {
                    _escape = value[0];
                }
                else
                {
                    _diagnostics.Add(new SyntaxDiagnostic(span, $"Invalid escape character '{value}': it must be ` or \\"));
                }
            }

            _directives.Add(new ParserDirectiveSyntax(span, name, value));
            return true;
        }

        private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

        private int ParseInstruction(int firstLine, int firstStart, int firstKeepEnd, bool continues)
        {
            var lastLine = firstLine;
            var lastContentLine = firstLine;
            if (!continues)
            {
                return FinishInstruction(new LogicalLine(_text, firstStart, firstKeepEnd, _lines[firstLine].ContentEnd, _strings), firstLine, lastLine);
            }

            var builder = new StringBuilder(firstKeepEnd - firstStart + 16);
            var segmentStarts = new List<int>();
            var segmentOffsets = new List<int>();
            Append(builder, segmentStarts, segmentOffsets, firstStart, firstKeepEnd);
            while (continues && lastLine + 1 < _lines.Count)
            {
                lastLine++;
                var line = _lines[lastLine];
                if (IsCommentLine(line) || IsBlankLine(line))
                {
                    // BuildKit drops comment lines and empty lines inside a continued instruction.
                    continue;
                }

                lastContentLine = lastLine;
                var keepEnd = TrimContinuation(line.Start, line.ContentEnd, out continues);
                Append(builder, segmentStarts, segmentOffsets, line.Start, keepEnd);
            }

            var instructionEnd = _lines[lastContentLine].ContentEnd;
            return FinishInstruction(new LogicalLine(builder.ToString(), segmentStarts.ToArray(), segmentOffsets.ToArray(), instructionEnd, _strings), firstLine, lastLine);
        }

        private int FinishInstruction(LogicalLine logical, int firstLine, int lastLine)
        {
            var instructionEnd = logical.EndOfInstruction;
            var parts = ParseLogicalLine(logical, logical.Start, logical.End, allowTrigger: true);
            parts.Span = SourceSpan.FromBounds(parts.KeywordSpan.Start, Math.Max(parts.KeywordSpan.End, instructionEnd));

            if (CanContainHeredoc(parts) && logical.Text.IndexOf("<<", logical.Start, logical.End - logical.Start, StringComparison.Ordinal) >= 0)
            {
                lastLine = ReadHeredocs(parts, logical.ToLineString(), lastLine);
            }

            parts.FullSpan = FullSpanOf(firstLine, lastLine);
            var instruction = parts.Build();
            instruction.Index = _instructions.Count;
            Validate(instruction);
            _instructions.Add(instruction);
            _elements.Add(new SyntaxElement(SyntaxElementKind.Instruction, parts.FullSpan, instruction));
            return lastLine + 1;
        }

        private void Append(StringBuilder builder, List<int> segmentStarts, List<int> segmentOffsets, int start, int end)
        {
            segmentStarts.Add(builder.Length);
            segmentOffsets.Add(start);
            builder.Append(_text, start, end - start);
        }

        private static bool CanContainHeredoc(InstructionParts parts)
        {
            var subject = parts.Kind == InstructionKind.Onbuild && parts.Trigger is { } trigger ? (trigger.Kind, trigger.IsJsonForm) : (parts.Kind, parts.IsJsonForm);
            return !subject.IsJsonForm && subject.Kind is InstructionKind.Run or InstructionKind.Copy or InstructionKind.Add;
        }

        // splitCommand + extractBuilderFlags + the dispatch table of BuildKit's parser.
        private InstructionParts ParseLogicalLine(LogicalLine line, int start, int end, bool allowTrigger)
        {
            var text = line.Text;
            while (start < end && char.IsWhiteSpace(text[start]))
            {
                start++;
            }

            while (end > start && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }

            var keywordEnd = start;
            while (keywordEnd < end && !IsSplitWhitespace(text[keywordEnd]))
            {
                keywordEnd++;
            }

            // ONBUILD's trigger is parsed while its ONBUILD is, so it needs scratch parts of its own.
            var parts = allowTrigger ? _parts : _triggerParts;
            parts.Reset();
            parts.LogicalSource = text;
            parts.LogicalStart = start;
            parts.LogicalLength = end - start;
            parts.SegmentStarts = line.SegmentStarts;
            parts.SegmentOffsets = line.SegmentOffsets;
            parts.KeywordSpan = line.SpanOf(start, keywordEnd);
            parts.KeywordText = line.Word(start, keywordEnd);
            parts.Kind = InstructionKinds.FromKeywordIgnoreCase(parts.KeywordText);

            var argumentsStart = keywordEnd;
            while (argumentsStart < end && IsSplitWhitespace(text[argumentsStart]))
            {
                argumentsStart++;
            }

            argumentsStart = ExtractFlags(line, argumentsStart, end, parts.Flags);
            while (argumentsStart < end && char.IsWhiteSpace(text[argumentsStart]))
            {
                argumentsStart++;
            }

            parts.ArgumentsSpan = line.SpanOf(argumentsStart, end);
            ParseArguments(line, argumentsStart, end, parts, allowTrigger);
            return parts;
        }

        private static bool IsSplitWhitespace(char c) => c is ' ' or '\t' or '\v' or '\f' or '\r';

        /// <summary>Reads leading <c>--flag[=value]</c> words; returns where the arguments begin.</summary>
        private int ExtractFlags(LogicalLine line, int start, int end, List<FlagSyntax> flags)
        {
            var text = line.Text;
            var position = start;
            while (true)
            {
                while (position < end && char.IsWhiteSpace(text[position]))
                {
                    position++;
                }

                if (position + 1 >= end || text[position] != '-' || text[position + 1] != '-')
                {
                    return position;
                }

                var wordStart = position;
                var word = _word.Clear();
                var equalsAt = -1;
                var verbatim = true;
                char quote = '\0';
                while (position < end)
                {
                    var c = text[position];
                    if (quote == '\0')
                    {
                        if (char.IsWhiteSpace(c))
                        {
                            break;
                        }

                        if (c == '\'' || c == '"')
                        {
                            quote = c;
                            verbatim = false;
                            position++;
                            continue;
                        }
                    }
                    else if (c == quote)
                    {
                        quote = '\0';
                        position++;
                        continue;
                    }

                    if (c == '\\')
                    {
                        verbatim = false;
                        if (position + 1 == end)
                        {
                            position++;
                            continue;
                        }

                        position++;
                        c = text[position];
                    }

                    if (c == '=' && equalsAt < 0)
                    {
                        equalsAt = position;
                    }

                    word.Append(c);
                    position++;
                }

                if (word.Length == 2)
                {
                    // A bare "--" ends the flags.
                    return position;
                }

                var valueSpan = equalsAt < 0 ? line.SpanOf(position, position) : line.SpanOf(equalsAt + 1, position);
                var span = line.SpanOf(wordStart, position);
                if (verbatim)
                {
                    // The common case: the flag is its own text, so its parts are read in place and shared.
                    var nameEnd = equalsAt < 0 ? position : equalsAt;
                    flags.Add(new FlagSyntax(span, line.Word(wordStart, position), line.Word(wordStart + 2, nameEnd), equalsAt < 0 ? null : line.Word(equalsAt + 1, position), valueSpan));
                }
                else
                {
                    flags.Add(new FlagSyntax(span, word.ToString(), valueSpan));
                }
            }
        }

        private void ParseArguments(LogicalLine line, int start, int end, InstructionParts parts, bool allowTrigger)
        {
            switch (parts.Kind)
            {
                case InstructionKind.Add:
                case InstructionKind.Copy:
                case InstructionKind.Volume:
                    if (!TryParseJson(line, start, end, parts))
                    {
                        SplitOnWhitespace(line, start, end, parts.Arguments);
                    }

                    break;
                case InstructionKind.Cmd:
                case InstructionKind.Entrypoint:
                case InstructionKind.Run:
                case InstructionKind.Shell:
                    ParseMaybeJson(line, start, end, parts);
                    break;
                case InstructionKind.Arg:
                    foreach (var (wordStart, wordEnd, value) in SplitWords(line.Text, start, end))
                    {
                        parts.Arguments.Add(line.Token(wordStart, wordEnd, value));
                    }

                    break;
                case InstructionKind.Env:
                case InstructionKind.Label:
                    ParseKeyValues(line, start, end, parts);
                    break;
                case InstructionKind.Expose:
                case InstructionKind.From:
                    SplitOnWhitespace(line, start, end, parts.Arguments);
                    break;
                case InstructionKind.Healthcheck:
                    ParseHealthcheck(line, start, end, parts);
                    break;
                case InstructionKind.Onbuild:
                    if (start < end && allowTrigger)
                    {
                        var trigger = ParseLogicalLine(line, start, end, allowTrigger: false);
                        trigger.Span = trigger.KeywordSpan.IsEmpty ? line.SpanOf(start, end) : SourceSpan.FromBounds(trigger.KeywordSpan.Start, line.SpanOf(start, end).End);
                        trigger.FullSpan = trigger.Span;
                        parts.Trigger = trigger.Build();
                    }

                    break;
                case InstructionKind.Maintainer:
                case InstructionKind.StopSignal:
                case InstructionKind.User:
                case InstructionKind.Workdir:
                    if (start < end)
                    {
                        parts.Arguments.Add(line.Token(start, end));
                    }

                    break;
                default:
                    // BuildKit ignores the arguments of instructions it does not know; Validate reports the name.
                    break;
            }
        }

        private void ParseMaybeJson(LogicalLine line, int start, int end, InstructionParts parts)
        {
            if (start >= end)
            {
                return;
            }

            if (!TryParseJson(line, start, end, parts))
            {
                parts.Arguments.Add(line.Token(start, end));
            }
        }

        private void ParseHealthcheck(LogicalLine line, int start, int end, InstructionParts parts)
        {
            var separator = start;
            while (separator < end && !char.IsWhiteSpace(line.Text[separator]))
            {
                separator++;
            }

            if (separator == start)
            {
                return;
            }

            parts.Arguments.Add(line.Token(start, separator));
            var next = separator;
            while (next < end && char.IsWhiteSpace(line.Text[next]))
            {
                next++;
            }

            ParseMaybeJson(line, next, end, parts);
        }

        private void ParseKeyValues(LogicalLine line, int start, int end, InstructionParts parts)
        {
            var words = SplitWords(line.Text, start, end);
            if (words.Count == 0)
            {
                return;
            }

            var keyword = parts.KeywordText;
            if (words[0].Value.IndexOf('=') < 0)
            {
                // Legacy form: KEY value, where the value is the rest of the line as written.
                var keyEnd = start;
                while (keyEnd < end && !IsSplitWhitespace(line.Text[keyEnd]))
                {
                    keyEnd++;
                }

                var valueStart = keyEnd;
                while (valueStart < end && IsSplitWhitespace(line.Text[valueStart]))
                {
                    valueStart++;
                }

                if (keyEnd >= end)
                {
                    _diagnostics.Add(new SyntaxDiagnostic(line.SpanOf(start, end), $"{keyword.ToUpperInvariant()} must have two arguments: a name and a value (or name=value)"));
                    return;
                }

                parts.Arguments.Add(line.Token(start, keyEnd));
                parts.Arguments.Add(line.Token(valueStart, end));
                parts.Arguments.Add(line.Token(end, end, string.Empty));
                return;
            }

            foreach (var (wordStart, wordEnd, value) in words)
            {
                var equals = value.IndexOf('=');
                if (equals < 0)
                {
                    _diagnostics.Add(new SyntaxDiagnostic(line.SpanOf(wordStart, wordEnd), $"Syntax error: can't find = in \"{value}\"; {keyword.ToUpperInvariant()} must be of the form name=value"));
                    continue;
                }

                parts.Arguments.Add(line.Token(wordStart, wordStart + equals, _strings.Get(value, 0, equals)));
                parts.Arguments.Add(line.Token(wordStart + equals + 1, Math.Max(wordStart + equals + 1, wordEnd), _strings.Get(value, equals + 1, value.Length - equals - 1)));
                parts.Arguments.Add(line.Token(wordEnd, wordEnd, "="));
            }
        }

        private static void SplitOnWhitespace(LogicalLine line, int start, int end, List<SyntaxToken> tokens)
        {
            var position = start;
            while (position < end)
            {
                var wordStart = position;
                while (position < end && !IsSplitWhitespace(line.Text[position]))
                {
                    position++;
                }

                tokens.Add(line.Token(wordStart, position));
                while (position < end && IsSplitWhitespace(line.Text[position]))
                {
                    position++;
                }
            }
        }

        /// <summary>
        /// BuildKit's parseWords: splits on unquoted whitespace, keeps quotes and escapes in the words
        /// (they are processed later, with variable expansion), and drops an escape character at the very end.
        /// </summary>
        private List<(int Start, int End, string Value)> SplitWords(string text, int start, int end)
        {
            // The list is scratch space: callers read it before the next call.
            var words = _words;
            words.Clear();
            var word = _word;
            var position = start;
            while (position < end)
            {
                while (position < end && char.IsWhiteSpace(text[position]))
                {
                    position++;
                }

                if (position >= end)
                {
                    break;
                }

                var wordStart = position;
                var blankOk = false;
                char quote = '\0';
                word.Clear();
                while (position < end)
                {
                    var c = text[position];
                    if (quote == '\0')
                    {
                        if (char.IsWhiteSpace(c))
                        {
                            break;
                        }

                        if (c == '\'' || c == '"')
                        {
                            quote = c;
                            blankOk = true;
                        }
                        else if (c == _escape)
                        {
                            if (position + 1 == end)
                            {
                                position++;
                                continue;
                            }

                            word.Append(c);
                            position++;
                            c = text[position];
                        }
                    }
                    else
                    {
                        if (c == quote)
                        {
                            quote = '\0';
                        }
                        else if (c == _escape && quote != '\'')
                        {
                            if (position + 1 == end)
                            {
                                position++;
                                quote = '\0';
                                continue;
                            }

                            word.Append(c);
                            position++;
                            c = text[position];
                        }
                    }

                    word.Append(c);
                    position++;
                }

                if (blankOk || word.Length > 0)
                {
                    // A word without quotes or escapes is its own text: share it rather than build it.
                    var verbatim = word.Length == position - wordStart;
                    words.Add((wordStart, position, verbatim ? _strings.Get(text, wordStart, word.Length) : _strings.Get(word.ToString())));
                }
            }

            return words;
        }
    }
}
