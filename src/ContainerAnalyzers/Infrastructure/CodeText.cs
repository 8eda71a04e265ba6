using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace ContainerAnalyzers.Infrastructure;

/// <summary>
/// Whether a C# file's text mentions one of a few words, read from its <see cref="SourceText"/> in chunks: no string of
/// the file is made (the compiler's text is kept in pieces), and a file that mentions none costs one pass over its
/// characters per word. The code searches ask this of every tree before looking at any syntax, so it is what they
/// cost on the project's code that has nothing to do with containers.
/// </summary>
internal static class CodeText
{
    private const int ChunkLength = 16 * 1024;

    [ThreadStatic]
    private static char[]? t_buffer;

    public static bool ContainsAny(SourceText text, IReadOnlyList<string> words)
    {
        var longest = 1;
        foreach (var word in words)
        {
            longest = Math.Max(longest, word.Length);
        }

        // Chunks overlap by a word's length less one, so a word across a chunk's end is still found.
        var buffer = t_buffer ??= new char[ChunkLength];
        for (var start = 0; start < text.Length; start += ChunkLength - (longest - 1))
        {
            var count = Math.Min(ChunkLength, text.Length - start);
            text.CopyTo(start, buffer, 0, count);
            var chunk = new ReadOnlySpan<char>(buffer, 0, count);
            foreach (var word in words)
            {
                if (chunk.IndexOf(word.AsSpan(), StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }

            if (start + count >= text.Length)
            {
                break;
            }
        }

        return false;
    }
}
