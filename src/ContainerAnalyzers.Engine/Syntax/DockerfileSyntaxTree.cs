using System.Collections.Generic;
using System.Text;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Syntax;

public enum SyntaxElementKind
{
    Instruction,
    Comment,
    BlankLine,
    ParserDirective,
}

/// <summary>
/// One top-level piece of the file: an instruction (with its continuation lines, embedded comments and heredoc
/// bodies), a comment line, a blank line or a parser directive. The elements tile the text: their full spans
/// are contiguous and together cover every character, so the tree is lossless. A value, not an object: a file
/// has one per line, and the list of them is one array rather than an object per line for the collector to walk.
/// </summary>
public readonly struct SyntaxElement
{
    internal SyntaxElement(SyntaxElementKind kind, SourceSpan fullSpan, InstructionSyntax? instruction)
    {
        Kind = kind;
        FullSpan = fullSpan;
        Instruction = instruction;
    }

    public SyntaxElementKind Kind { get; }

    public SourceSpan FullSpan { get; }

    public InstructionSyntax? Instruction { get; }
}

/// <summary>A parsed Dockerfile. Immutable; safe to share between analyzers and threads.</summary>
public sealed class DockerfileSyntaxTree
{
    private LineMap? _lineMap;
    private int[]? _elementOfInstruction;

    internal DockerfileSyntaxTree(
        string text,
        char escapeCharacter,
        IReadOnlyList<ParserDirectiveSyntax> directives,
        IReadOnlyList<InstructionSyntax> instructions,
        IReadOnlyList<SyntaxElement> elements,
        IReadOnlyList<SyntaxDiagnostic> diagnostics)
    {
        Text = text;
        EscapeCharacter = escapeCharacter;
        Directives = directives;
        Instructions = instructions;
        Elements = elements;
        Diagnostics = diagnostics;
    }

    public string Text { get; }

    /// <summary><c>\</c> unless a <c># escape=`</c> directive says otherwise.</summary>
    public char EscapeCharacter { get; }

    public IReadOnlyList<ParserDirectiveSyntax> Directives { get; }

    public IReadOnlyList<InstructionSyntax> Instructions { get; }

    public IReadOnlyList<SyntaxElement> Elements { get; }

    public IReadOnlyList<SyntaxDiagnostic> Diagnostics { get; }

    public LineMap Lines => _lineMap ??= LineMap.Create(Text);

    /// <summary>The index in <see cref="Elements"/> of an instruction's element, or -1: constant time after the first call.</summary>
    public int GetElementIndex(InstructionSyntax instruction)
    {
        var map = _elementOfInstruction;
        if (map is null)
        {
            map = new int[Instructions.Count];
            for (var i = 0; i < Elements.Count; i++)
            {
                if (Elements[i].Instruction is { } owner && owner.Index < map.Length)
                {
                    map[owner.Index] = i;
                }
            }

            _elementOfInstruction = map;
        }

        var index = instruction.Index;
        return index >= 0 && index < map.Length && Elements[map[index]].Instruction == instruction ? map[index] : -1;
    }

    /// <summary>Where the comment lines written directly above an instruction start (its own start when there are none).</summary>
    public int GetLeadingCommentStart(InstructionSyntax instruction)
    {
        var index = GetElementIndex(instruction);
        if (index < 0)
        {
            return instruction.FullSpan.Start;
        }

        while (index > 0 && Elements[index - 1].Kind == SyntaxElementKind.Comment)
        {
            index--;
        }

        return Elements[index].FullSpan.Start;
    }

    public string GetText(SourceSpan span)
    {
        var start = span.Start < 0 ? 0 : span.Start > Text.Length ? Text.Length : span.Start;
        var end = span.End > Text.Length ? Text.Length : span.End;
        return end <= start ? string.Empty : Text.Substring(start, end - start);
    }

    /// <summary>Rebuilds the text from the elements; equals <see cref="Text"/> because the tree is lossless.</summary>
    public string ToFullString()
    {
        var builder = new StringBuilder(Text.Length);
        foreach (var element in Elements)
        {
            builder.Append(Text, element.FullSpan.Start, element.FullSpan.Length);
        }

        return builder.ToString();
    }

    public override string ToString() => ToFullString();
}
