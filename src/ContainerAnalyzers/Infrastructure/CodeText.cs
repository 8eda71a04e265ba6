using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis.Text;

namespace ContainerAnalyzers.Infrastructure;

/// <summary>
/// Whether a C# file's text mentions one of a few words, read from its <see cref="SourceText"/> in chunks: no string of
/// the file is made (the compiler's text is kept in pieces). The code searches ask this of every tree before looking at
/// any syntax, so it is what they cost on the project's code that has nothing to do with containers: one pass over the
/// characters, looking for the few letters the words are anchored on (each word's first capital), and a comparison only
/// where one of them stands.
/// </summary>
internal static class CodeText
{
    private const int ChunkLength = 16 * 1024;

    // A vectorized search for any of up to five characters is what keeps the pass cheap.
    private const int MaxAnchors = 5;

    private static readonly ConditionalWeakTable<IReadOnlyList<string>, Anchors> AnchorsOf = new();

    [ThreadStatic]
    private static char[]? t_buffer;

    public static bool ContainsAny(SourceText text, IReadOnlyList<string> words)
    {
        var anchors = AnchorsOf.GetValue(words, w => new Anchors(w));
        var buffer = t_buffer ??= new char[ChunkLength];

        // Chunks overlap by the longest word less one, so a word across a chunk's end is whole in the next one.
        for (var start = 0; start < text.Length; start += ChunkLength - (anchors.Longest - 1))
        {
            var count = Math.Min(ChunkLength, text.Length - start);
            text.CopyTo(start, buffer, 0, count);
            if (anchors.FoundIn(new ReadOnlySpan<char>(buffer, 0, count)))
            {
                return true;
            }

            if (start + count >= text.Length)
            {
                break;
            }
        }

        return false;
    }

    private sealed class Anchors
    {
        private readonly IReadOnlyList<string> _words;
        private readonly char[] _characters;
        private readonly int[] _offsets;
        private readonly int[][] _wordsByAnchor;

        public Anchors(IReadOnlyList<string> words)
        {
            _words = words;
            _offsets = new int[words.Count];
            var characters = new List<char>();
            for (var i = 0; i < words.Count; i++)
            {
                var word = words[i];
                var offset = 0;
                while (offset < word.Length && !(word[offset] >= 'A' && word[offset] <= 'Z'))
                {
                    offset++;
                }

                _offsets[i] = offset < word.Length ? offset : 0;
                Longest = Math.Max(Longest, word.Length);
                if (word.Length > 0 && !characters.Contains(word[_offsets[i]]))
                {
                    characters.Add(word[_offsets[i]]);
                }
            }

            _characters = characters.ToArray();
            // Loops, not Select over chars and Range over ints: LINQ's generic code over a value type is JIT-compiled
            // in every fresh compiler process.
            _wordsByAnchor = new int[_characters.Length][];
            var anchored = new List<int>();
            for (var c = 0; c < _characters.Length; c++)
            {
                anchored.Clear();
                for (var i = 0; i < words.Count; i++)
                {
                    if (words[i].Length > 0 && words[i][_offsets[i]] == _characters[c])
                    {
                        anchored.Add(i);
                    }
                }

                _wordsByAnchor[c] = anchored.ToArray();
            }
        }

        public int Longest { get; } = 1;

        public bool FoundIn(ReadOnlySpan<char> chunk)
        {
            if (_characters.Length > MaxAnchors)
            {
                // Too many letters for one vectorized pass: a pass per word.
                foreach (var word in _words)
                {
                    if (word.Length > 0 && chunk.IndexOf(word.AsSpan(), StringComparison.Ordinal) >= 0)
                    {
                        return true;
                    }
                }

                return false;
            }

            var at = 0;
            while (at < chunk.Length)
            {
                var found = chunk.Slice(at).IndexOfAny(_characters);
                if (found < 0)
                {
                    return false;
                }

                // Only the words anchored on this letter can stand here (".Where(" is no "WriteAllText" to try twice).
                var position = at + found;
                foreach (var i in _wordsByAnchor[Array.IndexOf(_characters, chunk[position])])
                {
                    var word = _words[i];
                    var begin = position - _offsets[i];
                    if (begin >= 0 && begin + word.Length <= chunk.Length && chunk.Slice(begin, word.Length).SequenceEqual(word.AsSpan()))
                    {
                        return true;
                    }
                }

                at = position + 1;
            }

            return false;
        }
    }
}
