using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ContainerAnalyzers.Syntax;

namespace ContainerAnalyzers.Fixes;

/// <summary>
/// The user's lines a rewrite did not keep, each with why. Computed by comparing the old file with the new text, so a
/// line can only be left out with a word in the log, whatever road the rewrite took.
/// </summary>
internal static class DroppedLines
{
    public static IReadOnlyList<string> Of(DockerfileSyntaxTree old, RewriteResult result)
    {
        var dropped = new List<string>();
        var newText = new LineStarts(result.Text.Replace("\r\n", "\n"));
        var edited = result.Edited;
        foreach (var element in old.Elements)
        {
            if (element.Kind == SyntaxElementKind.Comment)
            {
                var comment = old.GetText(element.FullSpan).Trim();
                if (comment.Length > 1 && !newText.Contains(comment))
                {
                    dropped.Add(Describe(old, element.FullSpan.Start, comment, result.CommentReasons.TryGetValue(element.FullSpan.Start, out var why) ? why : "a comment about a line that was not kept"));
                }

                continue;
            }

            if (element.Instruction is not { } instruction || edited.ContainsKey(instruction))
            {
                continue;
            }

            var text = old.GetText(instruction.Span).Replace("\r\n", "\n").Trim();
            if (text.Length > 0 && !newText.Contains(text))
            {
                dropped.Add(Describe(old, instruction.Span.Start, instruction.LogicalLine.Trim(), result.Reasons.TryGetValue(instruction, out var why) ? why : ReasonFor(instruction)));
            }
        }

        return dropped;
    }

    /// <summary>The user's lines the rewrite kept but changed in place (the stage named, the publish given a folder).</summary>
    public static IReadOnlyList<string> EditedOf(DockerfileSyntaxTree old, RewriteResult result)
        => result.Edited.OrderBy(e => e.Key.Span.Start).Select(e => Describe(old, e.Key.Span.Start, e.Key.LogicalLine.Trim(), e.Value)).ToArray();

    private static string Describe(DockerfileSyntaxTree tree, int position, string text, string reason)
        => "line " + (tree.Lines.GetLineNumber(position) + 1).ToString(CultureInfo.InvariantCulture) + ": " + Shorten(text) + " (" + reason + ")";

    private static string Shorten(string text)
    {
        var line = text.Replace("\r", string.Empty).Replace('\n', ' ');
        return line.Length <= 120 ? line : line.Substring(0, 117) + "...";
    }

    private static string ReasonFor(InstructionSyntax instruction) => instruction.Kind switch
    {
        InstructionKind.From => "the new stages run on images chosen for the project",
        InstructionKind.Copy or InstructionKind.Add => "the builder copies the project and its sources itself",
        InstructionKind.Run => "the builder's own restore and publish replace it",
        InstructionKind.Workdir => "the new stages set their own working folders",
        InstructionKind.Entrypoint or InstructionKind.Cmd => "the app starts with the new ENTRYPOINT",
        InstructionKind.Arg => "no kept line uses it",
        InstructionKind.User => "the app runs as the image's non-root user",
        _ => "the rewrite has no place for it",
    };
}

/// <summary>
/// Where the text's lines start (after their indentation), sorted by what they say, so "does this text stand at the
/// start of a line" costs a binary search, not a scan of the whole file: a rewrite of a file with thousands of lines
/// asks it once per line. (Not quoted inside a comment: "# Was RUN apk add …" does not count.)
/// </summary>
internal sealed class LineStarts
{
    private readonly string _text;
    private readonly int[] _starts;

    public LineStarts(string text)
    {
        _text = text;
        var starts = new List<int>();
        for (var i = 0; i <= text.Length; i = text.IndexOf('\n', i) is var next && next < 0 ? text.Length + 1 : next + 1)
        {
            var start = i;
            while (start < text.Length && text[start] is ' ' or '\t')
            {
                start++;
            }

            starts.Add(start);
        }

        _starts = starts.ToArray();
        Array.Sort(_starts, (a, b) => CompareLines(a, b));
    }

    /// <summary>Whether the text (one line or several) stands at the start of a line of this text.</summary>
    public bool Contains(string value)
    {
        var newline = value.IndexOf('\n');
        var head = newline < 0 ? value : value.Substring(0, newline);

        // The first line that sorts at or after the head; every line that starts with the head follows it.
        int low = 0, high = _starts.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (CompareLineTo(_starts[middle], head) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        for (var k = low; k < _starts.Length && StartsWith(_starts[k], head); k++)
        {
            if (_starts[k] + value.Length <= _text.Length && string.CompareOrdinal(_text, _starts[k], value, 0, value.Length) == 0)
            {
                return true;
            }
        }

        return false;
    }

    private int LineEnd(int start)
    {
        var end = _text.IndexOf('\n', start);
        return end < 0 ? _text.Length : end;
    }

    private int CompareLines(int a, int b)
    {
        var lengthA = LineEnd(a) - a;
        var lengthB = LineEnd(b) - b;
        var compared = string.CompareOrdinal(_text, a, _text, b, Math.Min(lengthA, lengthB));
        return compared != 0 ? compared : lengthA.CompareTo(lengthB);
    }

    private int CompareLineTo(int start, string value)
    {
        var length = LineEnd(start) - start;
        var compared = string.CompareOrdinal(_text, start, value, 0, Math.Min(length, value.Length));
        return compared != 0 ? compared : length.CompareTo(value.Length);
    }

    private bool StartsWith(int start, string value)
        => LineEnd(start) - start >= value.Length && string.CompareOrdinal(_text, start, value, 0, value.Length) == 0;
}
