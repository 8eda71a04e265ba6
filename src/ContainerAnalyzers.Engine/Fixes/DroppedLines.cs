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
        var newText = result.Text.Replace("\r\n", "\n");
        var edited = result.Edited;
        foreach (var element in old.Elements)
        {
            if (element.Kind == SyntaxElementKind.Comment)
            {
                var comment = old.GetText(element.FullSpan).Trim();
                if (comment.Length > 1 && !ContainsLine(newText, comment))
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
            if (text.Length > 0 && !ContainsLine(newText, text))
            {
                dropped.Add(Describe(old, instruction.Span.Start, instruction.LogicalLine.Trim(), result.Reasons.TryGetValue(instruction, out var why) ? why : ReasonFor(instruction)));
            }
        }

        return dropped;
    }

    // The text as line(s) of its own in the new file, not quoted inside a comment ("# Was RUN apk add …").
    private static bool ContainsLine(string text, string line)
    {
        for (var index = text.IndexOf(line, StringComparison.Ordinal); index >= 0; index = text.IndexOf(line, index + 1, StringComparison.Ordinal))
        {
            var start = index;
            while (start > 0 && text[start - 1] is ' ' or '\t')
            {
                start--;
            }

            if (start == 0 || text[start - 1] == '\n')
            {
                return true;
            }
        }

        return false;
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
