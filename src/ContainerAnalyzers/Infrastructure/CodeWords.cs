using System;
using System.Collections.Generic;

namespace ContainerAnalyzers.Infrastructure;

/// <summary>
/// The words a code search looks for, with the letters its pass over a file is anchored on (each word's first capital,
/// else its first letter). Made once per list, as a static of the search that uses it: working the anchors out for
/// every file would cost more than the pass.
/// </summary>
internal sealed class CodeWords
{
    // A vectorized search for any of up to five characters is what keeps the pass cheap.
    private const int MaxAnchors = 5;

    private readonly string[] _words;
    private readonly char[] _characters;
    private readonly int[] _offsets;
    private readonly int[][] _wordsByAnchor;

    public CodeWords(params string[] words)
    {
        _words = words;
        _offsets = new int[words.Length];
        var characters = new List<char>();
        for (var i = 0; i < words.Length; i++)
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
        // Loops, not Select over chars and Range over ints: LINQ's generic code over a value type is JIT-compiled in
        // every fresh compiler process.
        _wordsByAnchor = new int[_characters.Length][];
        var anchored = new List<int>();
        for (var c = 0; c < _characters.Length; c++)
        {
            anchored.Clear();
            for (var i = 0; i < words.Length; i++)
            {
                if (words[i].Length > 0 && words[i][_offsets[i]] == _characters[c])
                {
                    anchored.Add(i);
                }
            }

            _wordsByAnchor[c] = anchored.ToArray();
        }
    }

    /// <summary>The words, in the order given.</summary>
    public IReadOnlyList<string> Words => _words;

    /// <summary>The longest word's length: how far the chunks of a copied text overlap.</summary>
    public int Longest { get; } = 1;

    public bool FoundIn(ReadOnlySpan<char> text)
    {
        if (_characters.Length > MaxAnchors)
        {
            // Too many letters for one vectorized pass: a pass per word.
            foreach (var word in _words)
            {
                if (word.Length > 0 && text.IndexOf(word.AsSpan(), StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        var at = 0;
        while (at < text.Length)
        {
            var found = text.Slice(at).IndexOfAny(_characters);
            if (found < 0)
            {
                return false;
            }

            // Only the words anchored on this letter can stand here (".Where(" is no "WriteAllText" to try twice).
            var position = at + found;
            foreach (var i in _wordsByAnchor[Array.IndexOf(_characters, text[position])])
            {
                var word = _words[i];
                var begin = position - _offsets[i];
                if (begin >= 0 && begin + word.Length <= text.Length && text.Slice(begin, word.Length).SequenceEqual(word.AsSpan()))
                {
                    return true;
                }
            }

            at = position + 1;
        }

        return false;
    }
}
