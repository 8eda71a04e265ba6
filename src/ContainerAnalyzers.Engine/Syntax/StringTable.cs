namespace ContainerAnalyzers.Syntax;

/// <summary>
/// Hands out one string for equal short words of a file, the way Roslyn's lexer shares identifier text: a
/// Dockerfile says <c>COPY</c>, <c>/app</c>, <c>--from=build</c> and <c>dotnet</c> again and again, and every
/// string the tree keeps is memory the garbage collector copies and walks on each keystroke. One table lives for
/// one parse; it is a cache, not a set: a slot taken by another word is simply overwritten.
/// </summary>
internal sealed class StringTable
{
    /// <summary>Longer words are rarely repeated (command lines, URLs); hashing them would cost more than it saves.</summary>
    private const int MaxSharedLength = 40;

    private readonly string?[] _slots;

    public StringTable(int textLength)
    {
        // Roughly one slot per 32 characters of text, between 64 and 4096 slots: a small file pays for a small table.
        var size = 64;
        while (size < 4096 && size * 32 < textLength)
        {
            size *= 2;
        }

        _slots = new string?[size];
    }

    /// <summary>The characters <c>source[start..start+length)</c> as a string, shared with an equal earlier word when one is cached.</summary>
    public string Get(string source, int start, int length) => Share(source, start, length, whole: null);

    /// <summary>A string the parser had to build (an unquoted word, a decoded JSON string), shared when an equal one is cached.</summary>
    public string Get(string value) => Share(value, 0, value.Length, whole: value);

    private string Share(string source, int start, int length, string? whole)
    {
        if (length <= 0)
        {
            return string.Empty;
        }

        if (length > MaxSharedLength)
        {
            return whole ?? source.Substring(start, length);
        }

        // FNV-1a over the characters.
        var hash = 2166136261u;
        for (var i = start; i < start + length; i++)
        {
            hash = (hash ^ source[i]) * 16777619u;
        }

        var slot = (int)(hash & (uint)(_slots.Length - 1));
        var cached = _slots[slot];
        if (cached is not null && cached.Length == length && string.CompareOrdinal(cached, 0, source, start, length) == 0)
        {
            return cached;
        }

        var created = whole ?? source.Substring(start, length);
        _slots[slot] = created;
        return created;
    }
}
