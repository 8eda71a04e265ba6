using System;
using Microsoft.CodeAnalysis.Text;

namespace ContainerAnalyzers.Infrastructure;

/// <summary>
/// Whether a C# file's text mentions one of a few words. The code searches ask this of every tree before looking at any
/// syntax, so it is what they cost on the project's code that has nothing to do with containers: one pass over the
/// characters, looking for the few letters the words are anchored on (see <see cref="CodeWords"/>), and a comparison
/// only where one of them stands.
/// </summary>
internal static class CodeText
{
    private const int ChunkLength = 16 * 1024;

    // The type SourceText.From(string) makes: a file the compiler reads from disk is one, unless it is large. Its
    // ToString() hands back the string it holds, so its characters are searched where they are. Any other text (a large
    // file, an edited document in the IDE, which keeps its pieces) is copied chunk by chunk into a buffer, never made
    // into one string. Were ToString() to copy one day, this would cost an allocation, never a wrong answer.
    private static readonly Type StringTextType = SourceText.From(string.Empty).GetType();

    [ThreadStatic]
    private static char[]? t_buffer;

    public static bool ContainsAny(SourceText text, CodeWords words) => Search(text, words, stopAtFirst: true) != 0;

    /// <summary>Which of the lists of <paramref name="words"/> the text has a word of: bit i for list i.</summary>
    public static int ListsIn(SourceText text, CodeWords words) => Search(text, words, stopAtFirst: false);

    private static int Search(SourceText text, CodeWords words, bool stopAtFirst)
    {
        if (text.GetType() == StringTextType)
        {
            return words.ListsIn(text.ToString().AsSpan(), stopAtFirst);
        }

        var buffer = t_buffer ??= new char[ChunkLength];
        var found = 0;

        // Chunks overlap by the longest word less one, so a word across a chunk's end is whole in the next one.
        for (var start = 0; start < text.Length; start += ChunkLength - (words.Longest - 1))
        {
            var count = Math.Min(ChunkLength, text.Length - start);
            text.CopyTo(start, buffer, 0, count);
            var chunk = new ReadOnlySpan<char>(buffer, 0, count);
            found |= words.ListsIn(chunk, stopAtFirst);
            if ((stopAtFirst && found != 0) || found == words.AllLists || start + count >= text.Length)
            {
                break;
            }
        }

        return found;
    }
}
