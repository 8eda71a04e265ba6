using System.Collections.Generic;

namespace ContainerAnalyzers.Text;

/// <summary>Maps offsets to line and column. Lines end at '\n' (a preceding '\r' belongs to the line break),
/// which is how BuildKit counts them.</summary>
public sealed class LineMap
{
    private readonly int[] _lineStarts;

    private LineMap(int[] lineStarts, int length)
    {
        _lineStarts = lineStarts;
        Length = length;
    }

    public int Length { get; }

    public int LineCount => _lineStarts.Length;

    public static LineMap Create(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return new LineMap(starts.ToArray(), text.Length);
    }

    public int GetLineStart(int line) => _lineStarts[line];

    /// <summary>Gets the zero-based line that contains <paramref name="position"/>.</summary>
    public int GetLineNumber(int position)
    {
        if (position <= 0)
        {
            return 0;
        }

        var index = System.Array.BinarySearch(_lineStarts, position);
        return index >= 0 ? index : ~index - 1;
    }

    public LinePosition GetLinePosition(int position)
    {
        if (position > Length)
        {
            position = Length;
        }

        var line = GetLineNumber(position);
        return new LinePosition(line, position - _lineStarts[line]);
    }
}
