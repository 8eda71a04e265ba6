using System;
using System.Collections.Generic;
using System.Threading;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Syntax;

/// <summary>
/// One Dockerfile instruction with every part's position in the original text.
/// <see cref="Arguments"/> has the exact shape of BuildKit's parse tree, which the conformance tests compare
/// against; the typed subclasses give the same words names.
/// </summary>
public class InstructionSyntax
{
    private static readonly FlagSyntax[] NoFlags = Array.Empty<FlagSyntax>();
    private static readonly SyntaxToken[] NoArguments = Array.Empty<SyntaxToken>();
    private static readonly HeredocSyntax[] NoHeredocs = Array.Empty<HeredocSyntax>();

    // The logical line is kept as a range of a string rather than as a string of its own: for the single-line
    // instructions that make up most files that string is the file itself, so the tree holds no copy of each line.
    private readonly string _logicalSource;
    private readonly int _logicalStart;
    private readonly int _logicalLength;

    // For a joined line: where each physical line's piece starts in the logical source and in the file (null when the
    // logical source is the file itself), so a position in the joined line maps back to the file.
    private readonly int[]? _segmentStarts;
    private readonly int[]? _segmentOffsets;

    // The keyword token is made when first asked for (rules seldom need it): one object fewer per instruction.
    private readonly SourceSpan _keywordSpan;
    private readonly string _keywordText;
    private SyntaxToken? _keyword;

    internal InstructionSyntax(InstructionParts parts)
    {
        Kind = parts.Kind;
        _keywordSpan = parts.KeywordSpan;
        _keywordText = parts.KeywordText;

        // Exact-size arrays: the parser's lists are reused from one instruction to the next.
        Flags = parts.Flags.Count == 0 ? NoFlags : parts.Flags.ToArray();
        Arguments = parts.Arguments.Count == 0 ? NoArguments : parts.Arguments.ToArray();
        IsJsonForm = parts.IsJsonForm;
        Heredocs = parts.Heredocs.Count == 0 ? NoHeredocs : parts.Heredocs.ToArray();
        Span = parts.Span;
        FullSpan = parts.FullSpan;
        ArgumentsSpan = parts.ArgumentsSpan;
        _logicalSource = parts.LogicalSource;
        _logicalStart = parts.LogicalStart;
        _logicalLength = parts.LogicalLength;
        _segmentStarts = parts.SegmentStarts;
        _segmentOffsets = parts.SegmentOffsets;
    }

    public InstructionKind Kind { get; }

    /// <summary>The instruction name as written, for example <c>FROM</c> or <c>from</c>.</summary>
    public SyntaxToken Keyword
    {
        get
        {
            var keyword = _keyword;
            if (keyword is null)
            {
                // The tree is shared between threads: the first token made is the one every caller sees.
                var created = new SyntaxToken(_keywordSpan, _keywordText);
                keyword = Interlocked.CompareExchange(ref _keyword, created, null) ?? created;
            }

            return keyword;
        }
    }

    public IReadOnlyList<FlagSyntax> Flags { get; }

    /// <summary>The arguments as BuildKit's parser splits them for this instruction.</summary>
    public IReadOnlyList<SyntaxToken> Arguments { get; }

    /// <summary>True when the arguments were a JSON array of strings (exec form).</summary>
    public bool IsJsonForm { get; }

    public IReadOnlyList<HeredocSyntax> Heredocs { get; }

    /// <summary>From the keyword to the end of the instruction's last line, without heredoc bodies or the line break.</summary>
    public SourceSpan Span { get; }

    /// <summary>Every character the instruction owns: its lines, embedded comments, heredoc bodies and the final line break.</summary>
    public SourceSpan FullSpan { get; }

    /// <summary>Where the text after the keyword and flags lies.</summary>
    public SourceSpan ArgumentsSpan { get; }

    /// <summary>The instruction joined into one line the way BuildKit joins it (continuations and comment lines removed).</summary>
    public string LogicalLine => _logicalStart == 0 && _logicalLength == _logicalSource.Length ? _logicalSource : _logicalSource.Substring(_logicalStart, _logicalLength);

    /// <summary>
    /// Where the characters <c>[start, end)</c> of <see cref="LogicalLine"/> lie in the file: the continuations and
    /// comment lines the join removed are stepped back over, so an edit there changes the user's own text.
    /// </summary>
    public SourceSpan SpanOfLogical(int start, int end)
        => end <= start ? new SourceSpan(FileOffsetOf(start), 0) : SourceSpan.FromBounds(FileOffsetOf(start), FileOffsetOf(end - 1) + 1);

    /// <summary>
    /// Where a file offset lies in <see cref="LogicalLine"/> (the inverse of <see cref="SpanOfLogical"/>); -1 when the
    /// offset is not in text the join kept.
    /// </summary>
    public int LogicalIndexOf(int fileOffset)
    {
        if (_segmentStarts is null || _segmentOffsets is null)
        {
            var single = fileOffset - _logicalStart;
            return single >= 0 && single <= _logicalLength ? single : -1;
        }

        for (var segment = _segmentOffsets.Length - 1; segment >= 0; segment--)
        {
            var next = segment + 1 < _segmentStarts.Length ? _segmentStarts[segment + 1] : _logicalSource.Length;
            if (fileOffset >= _segmentOffsets[segment] && fileOffset - _segmentOffsets[segment] <= next - _segmentStarts[segment])
            {
                return _segmentStarts[segment] + (fileOffset - _segmentOffsets[segment]) - _logicalStart;
            }
        }

        return -1;
    }

    private int FileOffsetOf(int logicalIndex)
        => LogicalOffsets.ToFile(_segmentStarts, _segmentOffsets, _logicalStart + Math.Min(Math.Max(logicalIndex, 0), _logicalLength));

    /// <summary>The stage this instruction belongs to is assigned by the semantic model; the syntax only knows order.</summary>
    public int Index { get; internal set; }

    public FlagSyntax? GetFlag(string name)
    {
        foreach (var flag in Flags)
        {
            if (string.Equals(flag.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return flag;
            }
        }

        return null;
    }

    public override string ToString() => LogicalLine;
}

/// <summary><c>FROM [--platform=…] image [AS name]</c>.</summary>
public sealed class FromInstructionSyntax : InstructionSyntax
{
    internal FromInstructionSyntax(InstructionParts parts)
        : base(parts)
    {
    }

    public SyntaxToken? Image => Arguments.Count > 0 ? Arguments[0] : null;

    public SyntaxToken? StageName => Arguments.Count == 3 && string.Equals(Arguments[1].Value, "as", StringComparison.OrdinalIgnoreCase) ? Arguments[2] : null;

    public FlagSyntax? Platform => GetFlag("platform");
}

/// <summary>One <c>NAME</c> or <c>NAME=default</c> of an ARG instruction.</summary>
public sealed class ArgDeclarationSyntax
{
    internal ArgDeclarationSyntax(SyntaxToken token)
    {
        Token = token;
        var equals = token.Value.IndexOf('=');
        Name = equals < 0 ? token.Value : token.Value.Substring(0, equals);
        DefaultValue = equals < 0 ? null : token.Value.Substring(equals + 1);
    }

    public SyntaxToken Token { get; }

    public string Name { get; }

    /// <summary>The default as written (quotes not yet removed), or null when the ARG has none.</summary>
    public string? DefaultValue { get; }
}

/// <summary><c>ARG name[=default] …</c>.</summary>
public sealed class ArgInstructionSyntax : InstructionSyntax
{
    internal ArgInstructionSyntax(InstructionParts parts)
        : base(parts)
    {
        var declarations = new ArgDeclarationSyntax[parts.Arguments.Count];
        for (var i = 0; i < declarations.Length; i++)
        {
            declarations[i] = new ArgDeclarationSyntax(parts.Arguments[i]);
        }

        Declarations = declarations;
    }

    public IReadOnlyList<ArgDeclarationSyntax> Declarations { get; }
}

/// <summary>One <c>key=value</c> (or legacy <c>key value</c>) of ENV or LABEL.</summary>
public sealed class KeyValuePairSyntax
{
    internal KeyValuePairSyntax(SyntaxToken key, SyntaxToken value, bool isLegacyForm)
    {
        Key = key;
        Value = value;
        IsLegacyForm = isLegacyForm;
    }

    public SyntaxToken Key { get; }

    /// <summary>The value as written (quotes and escapes not yet processed).</summary>
    public SyntaxToken Value { get; }

    public bool IsLegacyForm { get; }
}

/// <summary><c>ENV</c> and <c>LABEL</c>.</summary>
public sealed class KeyValueInstructionSyntax : InstructionSyntax
{
    internal KeyValueInstructionSyntax(InstructionParts parts)
        : base(parts)
    {
        var pairs = new KeyValuePairSyntax[parts.Arguments.Count / 3];
        for (var i = 0; i < pairs.Length; i++)
        {
            pairs[i] = new KeyValuePairSyntax(parts.Arguments[3 * i], parts.Arguments[(3 * i) + 1], parts.Arguments[(3 * i) + 2].Value.Length == 0);
        }

        Pairs = pairs;
    }

    public IReadOnlyList<KeyValuePairSyntax> Pairs { get; }
}

/// <summary><c>RUN</c>, <c>CMD</c>, <c>ENTRYPOINT</c> and <c>SHELL</c>, in exec (JSON) or shell form.</summary>
public sealed class CommandInstructionSyntax : InstructionSyntax
{
    internal CommandInstructionSyntax(InstructionParts parts)
        : base(parts)
    {
    }

    public bool IsExecForm => IsJsonForm;

    /// <summary>The command line of the shell form, or null in exec form.</summary>
    public SyntaxToken? ShellCommand => !IsJsonForm && Arguments.Count > 0 ? Arguments[0] : null;
}

/// <summary><c>COPY</c> and <c>ADD</c>.</summary>
public sealed class CopyInstructionSyntax : InstructionSyntax
{
    internal CopyInstructionSyntax(InstructionParts parts)
        : base(parts)
    {
    }

    public FlagSyntax? From => GetFlag("from");

    public SyntaxToken? Destination => Arguments.Count >= 2 ? Arguments[Arguments.Count - 1] : null;

    /// <summary>How many sources there are: every argument but the last. For loops over <c>Arguments[0..SourceCount)</c> on hot paths.</summary>
    public int SourceCount => Arguments.Count > 1 ? Arguments.Count - 1 : 0;

    public IEnumerable<SyntaxToken> Sources
    {
        get
        {
            for (var i = 0; i < SourceCount; i++)
            {
                yield return Arguments[i];
            }
        }
    }
}

/// <summary><c>HEALTHCHECK NONE</c> or <c>HEALTHCHECK [flags] CMD …</c>.</summary>
public sealed class HealthcheckInstructionSyntax : InstructionSyntax
{
    internal HealthcheckInstructionSyntax(InstructionParts parts)
        : base(parts)
    {
    }

    /// <summary><c>CMD</c> or <c>NONE</c> as written.</summary>
    public SyntaxToken? Type => Arguments.Count > 0 ? Arguments[0] : null;

    public bool IsNone => Type is { } type && string.Equals(type.Value, "none", StringComparison.OrdinalIgnoreCase);

    public bool IsExecForm => IsJsonForm;

    public SyntaxToken? ShellCommand => !IsJsonForm && Arguments.Count > 1 ? Arguments[1] : null;
}

/// <summary><c>ONBUILD &lt;instruction&gt;</c>.</summary>
public sealed class OnbuildInstructionSyntax : InstructionSyntax
{
    internal OnbuildInstructionSyntax(InstructionParts parts)
        : base(parts)
    {
        Trigger = parts.Trigger;
    }

    public InstructionSyntax? Trigger { get; }
}

/// <summary>
/// What the parser collected for one instruction before the typed node is made. The parser keeps one (and one
/// for an ONBUILD trigger) and resets it for each instruction, so its lists are scratch space, not garbage.
/// </summary>
internal sealed class InstructionParts
{
    public InstructionKind Kind;
    public SourceSpan KeywordSpan;
    public string KeywordText = string.Empty;
    public readonly List<FlagSyntax> Flags = new();
    public readonly List<SyntaxToken> Arguments = new();
    public bool IsJsonForm;
    public readonly List<HeredocSyntax> Heredocs = new();
    public SourceSpan Span;
    public SourceSpan FullSpan;
    public SourceSpan ArgumentsSpan;

    /// <summary>The logical line is <c>LogicalSource[LogicalStart..LogicalStart+LogicalLength)</c>.</summary>
    public string LogicalSource = string.Empty;
    public int LogicalStart;
    public int LogicalLength;

    /// <summary>For a joined line, where each physical line's piece starts in LogicalSource and in the file.</summary>
    public int[]? SegmentStarts;
    public int[]? SegmentOffsets;
    public InstructionSyntax? Trigger;

    public void Reset()
    {
        Kind = default;
        KeywordSpan = default;
        KeywordText = string.Empty;
        Flags.Clear();
        Arguments.Clear();
        IsJsonForm = false;
        Heredocs.Clear();
        Span = default;
        FullSpan = default;
        ArgumentsSpan = default;
        LogicalSource = string.Empty;
        LogicalStart = 0;
        LogicalLength = 0;
        SegmentStarts = null;
        SegmentOffsets = null;
        Trigger = null;
    }

    public InstructionSyntax Build() => Kind switch
    {
        InstructionKind.From => new FromInstructionSyntax(this),
        InstructionKind.Arg => new ArgInstructionSyntax(this),
        InstructionKind.Env or InstructionKind.Label => new KeyValueInstructionSyntax(this),
        InstructionKind.Run or InstructionKind.Cmd or InstructionKind.Entrypoint or InstructionKind.Shell => new CommandInstructionSyntax(this),
        InstructionKind.Copy or InstructionKind.Add => new CopyInstructionSyntax(this),
        InstructionKind.Healthcheck => new HealthcheckInstructionSyntax(this),
        InstructionKind.Onbuild => new OnbuildInstructionSyntax(this),
        _ => new InstructionSyntax(this),
    };
}

/// <summary>How a position in a joined logical line maps back to the file: the parser's tokens and the command index's words use the same map.</summary>
internal static class LogicalOffsets
{
    /// <param name="segmentStarts">Where each physical line's piece starts in the joined text; null when the text is the file itself.</param>
    /// <param name="segmentOffsets">Where each piece starts in the file.</param>
    /// <param name="index">A position in the joined text.</param>
    public static int ToFile(int[]? segmentStarts, int[]? segmentOffsets, int index)
    {
        if (segmentStarts is null || segmentOffsets is null || segmentStarts.Length == 0)
        {
            return index;
        }

        // The last piece that starts at or before the index (pieces can be empty: take the last of equal starts).
        var found = Array.BinarySearch(segmentStarts, index);
        var segment = Math.Max(found >= 0 ? found : ~found - 1, 0);
        while (segment + 1 < segmentStarts.Length && segmentStarts[segment + 1] <= index)
        {
            segment++;
        }

        return segmentOffsets[segment] + (index - segmentStarts[segment]);
    }
}
