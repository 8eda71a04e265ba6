using System;
using System.Collections.Generic;

namespace ContainerAnalyzers.Infrastructure;

/// <summary>
/// The words a code search looks for, in one or more lists, with the letters its pass over a file is anchored on. Made
/// once, as a static of the search that uses it: working the anchors out for every file would cost more than the pass.
/// </summary>
/// <remarks>
/// The pass finds the next anchor letter with a vectorized search and compares only the words anchored on it there,
/// so what it costs on a project's code is how often an anchor letter stands in it. Each word is anchored on a letter it
/// contains, chosen so that all the words together need as few and as rare letters as can be found (a weighted set
/// cover, solved greedily): "Kestrel" and "PersistKeysTo" share their K, which one C# character in two thousand is.
/// </remarks>
internal sealed class CodeWords
{
    // A vectorized search for any of up to five characters is what keeps the pass cheap.
    private const int MaxAnchors = 5;

    // The characters of C# code from the rarest to the most common, with how often each stands in ten thousand
    // characters: measured on the C# files of ../shared/corpora/real-repos (618 files, 2.1 million characters). Any
    // other character counts as common.
    private const string ByRarity = "ZY97X68JQK43jzVW_Bq5G21HOULNMFPDxE0RwIkfSAvTbhCgy(m.pdculosnarite";
    private static readonly int[] PerTenThousand =
    {
        0, 1, 2, 2, 2, 3, 3, 3, 4, 5, 6, 6, 6, 7, 10, 12, 14, 15, 16, 16, 17, 17, 17, 18, 21, 23, 25, 26, 28, 29, 31, 37,
        37, 38, 44, 45, 46, 48, 51, 55, 55, 58, 63, 67, 71, 75, 76, 106, 108, 110, 144, 150, 156, 181, 213, 213, 241, 361,
        369, 372, 379, 386, 392, 517, 659,
    };

    private const int Common = 1000;

    private readonly string[] _words;
    private readonly int[] _listOf;
    private readonly char[] _characters;
    private readonly int[] _offsets;
    private readonly int[][] _wordsByAnchor;

    /// <summary>One list of words.</summary>
    public CodeWords(params string[] words)
        : this(new IReadOnlyList<string>[] { words })
    {
    }

    private CodeWords(IReadOnlyList<string>[] lists)
    {
        var words = new List<string>();
        var listOf = new List<int>();
        for (var list = 0; list < lists.Length; list++)
        {
            foreach (var word in lists[list])
            {
                words.Add(word);
                listOf.Add(list);
            }
        }

        _words = words.ToArray();
        _listOf = listOf.ToArray();
        AllLists = lists.Length >= 32 ? -1 : (1 << lists.Length) - 1;
        foreach (var word in _words)
        {
            Longest = Math.Max(Longest, word.Length);
        }

        _characters = Anchors(_words);
        _offsets = new int[_words.Length];
        // Loops, not Select over chars and Range over ints: LINQ's generic code over a value type is JIT-compiled in
        // every fresh compiler process.
        var anchored = new List<int>[_characters.Length];
        for (var c = 0; c < _characters.Length; c++)
        {
            anchored[c] = new List<int>();
        }

        for (var i = 0; i < _words.Length && _characters.Length <= MaxAnchors; i++)
        {
            // The rarest of the chosen letters the word has: the fewest places where it is compared.
            var best = -1;
            for (var c = 0; c < _characters.Length; c++)
            {
                if (_words[i].IndexOf(_characters[c]) >= 0 && (best < 0 || Frequency(_characters[c]) < Frequency(_characters[best])))
                {
                    best = c;
                }
            }

            if (best >= 0)
            {
                _offsets[i] = _words[i].IndexOf(_characters[best]);
                anchored[best].Add(i);
            }
        }

        _wordsByAnchor = new int[_characters.Length][];
        for (var c = 0; c < _characters.Length; c++)
        {
            _wordsByAnchor[c] = anchored[c].ToArray();
        }
    }

    /// <summary>
    /// Several lists searched in one pass (<see cref="ListsIn"/> without stopping at the first): the questions asked together in most builds, so the
    /// project's code is read once for all of them. At most 32 lists.
    /// </summary>
    public static CodeWords OfLists(params IReadOnlyList<string>[] lists)
        => lists.Length is > 0 and <= 32 ? new CodeWords(lists) : throw new ArgumentOutOfRangeException(nameof(lists));

    /// <summary>The words of every list, in the order given.</summary>
    public IReadOnlyList<string> Words => _words;

    /// <summary>The mask <see cref="ListsIn"/> gives when every list is found.</summary>
    public int AllLists { get; }

    /// <summary>The longest word's length: how far the chunks of a copied text overlap.</summary>
    public int Longest { get; } = 1;

    /// <summary>The letters the pass is anchored on (five at most, else the pass looks for each word in turn).</summary>
    internal IReadOnlyList<char> AnchorCharacters => _characters;

    /// <summary>
    /// Which lists have a word in the text: bit i for list i. With <paramref name="stopAtFirst"/>, only whether any
    /// word is there: the first list found, and no more.
    /// </summary>
    public int ListsIn(ReadOnlySpan<char> text, bool stopAtFirst)
    {
        var found = 0;
        if (_characters.Length > MaxAnchors)
        {
            // Too many letters for one vectorized pass: a pass per word.
            for (var i = 0; i < _words.Length; i++)
            {
                var list = 1 << _listOf[i];
                if ((found & list) == 0 && _words[i].Length > 0 && text.IndexOf(_words[i].AsSpan(), StringComparison.Ordinal) >= 0)
                {
                    found |= list;
                    if (stopAtFirst || found == AllLists)
                    {
                        return found;
                    }
                }
            }

            return found;
        }

        var at = 0;
        while (at < text.Length)
        {
            var next = text.Slice(at).IndexOfAny(_characters);
            if (next < 0)
            {
                return found;
            }

            // Only the words anchored on this letter can stand here (".Where(" is no "WriteAllText" to try twice).
            var position = at + next;
            foreach (var i in _wordsByAnchor[Array.IndexOf(_characters, text[position])])
            {
                var list = 1 << _listOf[i];
                var word = _words[i];
                var begin = position - _offsets[i];
                if ((found & list) == 0 && begin >= 0 && begin + word.Length <= text.Length && text.Slice(begin, word.Length).SequenceEqual(word.AsSpan()))
                {
                    found |= list;
                    if (stopAtFirst || found == AllLists)
                    {
                        return found;
                    }
                }
            }

            at = position + 1;
        }

        return found;
    }

    // The letters every word is anchored on: greedily, the letter that anchors the most words not yet anchored for the
    // fewest places in code where it stands, until every word has one.
    private static char[] Anchors(string[] words)
    {
        var anchors = new List<char>();
        var anchoredWords = new bool[words.Length];
        var left = 0;
        foreach (var word in words)
        {
            left += word.Length > 0 ? 1 : 0;
        }

        for (var i = 0; i < words.Length; i++)
        {
            anchoredWords[i] = words[i].Length == 0;
        }

        while (left > 0)
        {
            var best = '\0';
            var bestCost = double.MaxValue;
            for (var i = 0; i < words.Length; i++)
            {
                if (anchoredWords[i])
                {
                    continue;
                }

                foreach (var candidate in words[i])
                {
                    var count = 0;
                    for (var j = 0; j < words.Length; j++)
                    {
                        count += !anchoredWords[j] && words[j].IndexOf(candidate) >= 0 ? 1 : 0;
                    }

                    var cost = (double)Frequency(candidate) / count;
                    if (cost < bestCost || (cost == bestCost && candidate < best))
                    {
                        best = candidate;
                        bestCost = cost;
                    }
                }
            }

            anchors.Add(best);
            for (var i = 0; i < words.Length; i++)
            {
                if (!anchoredWords[i] && words[i].IndexOf(best) >= 0)
                {
                    anchoredWords[i] = true;
                    left--;
                }
            }
        }

        return anchors.ToArray();
    }

    // Never zero: a letter that never stands in code still costs a comparison where it does.
    private static int Frequency(char character)
        => ByRarity.IndexOf(character) is var rank and >= 0 ? PerTenThousand[rank] + 1 : Common;
}
