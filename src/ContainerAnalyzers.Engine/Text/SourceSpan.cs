using System;

namespace ContainerAnalyzers.Text;

/// <summary>A range of characters in a Dockerfile or project file, by offset and length.</summary>
/// <remarks>The engine's own span type, so it stays free of Roslyn; the analyzers convert it.</remarks>
public readonly struct SourceSpan : IEquatable<SourceSpan>
{
    public SourceSpan(int start, int length)
    {
        Start = start;
        Length = length < 0 ? 0 : length;
    }

    public int Start { get; }

    public int Length { get; }

    public int End => Start + Length;

    public bool IsEmpty => Length == 0;

    public static SourceSpan FromBounds(int start, int end) => new(start, end - start);

    public bool Contains(int position) => position >= Start && position < End;

    public bool Equals(SourceSpan other) => Start == other.Start && Length == other.Length;

    public override bool Equals(object? obj) => obj is SourceSpan other && Equals(other);

    public override int GetHashCode() => (Start * 397) ^ Length;

    public override string ToString() => $"[{Start}..{End})";
}

/// <summary>A zero-based line and character, as editors and the compiler count them.</summary>
public readonly struct LinePosition
{
    public LinePosition(int line, int character)
    {
        Line = line;
        Character = character;
    }

    public int Line { get; }

    public int Character { get; }

    public override string ToString() => $"({Line + 1},{Character + 1})";
}
