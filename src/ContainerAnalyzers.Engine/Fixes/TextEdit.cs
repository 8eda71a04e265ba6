using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace ContainerAnalyzers.Fixes;

/// <summary>One replacement in a text: <see cref="Length"/> characters at <see cref="Start"/> become <see cref="NewText"/>.</summary>
internal readonly struct TextEdit
{
    public TextEdit(int start, int length, string newText)
    {
        Start = start;
        Length = length;
        NewText = newText;
    }

    public int Start { get; }

    public int Length { get; }

    public string NewText { get; }

    /// <summary>
    /// Applies the edits, in position order (insertions at one position in the order given). Edits that overlap are a
    /// bug in the fix that computed them: this throws rather than drop one silently, so the tests and fuzzers fail on it
    /// (the hosts catch it and offer no fix).
    /// </summary>
    public static string Apply(string text, IReadOnlyList<TextEdit> edits)
    {
        var builder = new StringBuilder(text.Length + 256);
        var position = 0;
        foreach (var edit in edits.OrderBy(e => e.Start).ThenBy(e => e.Length))
        {
            if (edit.Start < position || edit.Start + edit.Length > text.Length)
            {
                throw new InvalidOperationException(string.Format(CultureInfo.InvariantCulture, "overlapping or out-of-range text edit at {0} (length {1}) after a previous edit ending at {2}", edit.Start, edit.Length, position));
            }

            builder.Append(text, position, edit.Start - position).Append(edit.NewText);
            position = edit.Start + edit.Length;
        }

        return builder.Append(text, position, text.Length - position).ToString();
    }
}
