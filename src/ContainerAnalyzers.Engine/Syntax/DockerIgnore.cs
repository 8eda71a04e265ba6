using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Syntax;

/// <summary>
/// A .dockerignore as BuildKit reads it (moby/patternmatcher and dockerignore.ReadAll): one pattern a line, <c>#</c>
/// lines are comments, <c>!</c> makes an exception, each pattern is cleaned and loses a leading <c>/</c>; <c>**</c> spans
/// folders, <c>*</c> and <c>?</c> stay within one, and the last pattern that matches a path or one of its parents decides.
/// </summary>
public sealed class DockerIgnore
{
    private static readonly TimeSpan MatchBudget = TimeSpan.FromMilliseconds(50);

    private DockerIgnore(IReadOnlyList<Pattern> patterns, bool isValid)
    {
        Patterns = patterns;
        IsValid = isValid;
    }

    /// <summary>The patterns in file order.</summary>
    public IReadOnlyList<Pattern> Patterns { get; }

    /// <summary>False when a pattern is not valid (BuildKit then fails the build): nothing about the file is certain.</summary>
    public bool IsValid { get; }

    // A .dockerignore is read again by every build (a new text, the same content), and each pattern costs a regex to
    // build: parsed files are kept by content, a few at a time (a model is immutable and its regexes are thread-safe).
    private const int CachedFiles = 32;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, DockerIgnore> Parsed = new(StringComparer.Ordinal);

    public static DockerIgnore Parse(string text)
    {
        if (Parsed.TryGetValue(text, out var known))
        {
            return known;
        }

        var parsed = ParseText(text);
        if (Parsed.Count >= CachedFiles)
        {
            Parsed.Clear();
        }

        Parsed[text] = parsed;
        return parsed;
    }

    private static DockerIgnore ParseText(string text)
    {
        var patterns = new List<Pattern>();
        var isValid = true;
        var line = 0;
        foreach (var raw in text.Split('\n'))
        {
            line++;
            if (raw.Length > 0 && raw[0] == '#')
            {
                continue;
            }

            var value = raw.Trim();
            if (value.Length == 0)
            {
                continue;
            }

            var exception = value[0] == '!';
            if (exception)
            {
                value = value.Substring(1).Trim();
            }

            if (value.Length > 0)
            {
                value = PathText.Clean(value.Replace('\\', '/'));
                if (value.Length > 1 && value[0] == '/')
                {
                    value = value.Substring(1);
                }
            }

            var regex = ToRegex(value);
            isValid &= regex is not null;
            patterns.Add(new Pattern(value, exception, line, regex));
        }

        return new DockerIgnore(patterns, isValid);
    }

    /// <summary>
    /// The pattern that excludes a context path (relative, cleaned, '/'-separated), itself or through a parent folder;
    /// null when the path stays in the context, or when the file is not valid.
    /// </summary>
    public Pattern? ExcludedBy(string path)
    {
        if (!IsValid)
        {
            return null;
        }

        var parents = path.Split('/');
        Pattern? decided = null;
        var matched = false;
        foreach (var pattern in Patterns)
        {
            // Only a pattern that could change the answer is tried (patternmatcher's own shortcut).
            if (pattern.IsException != matched)
            {
                continue;
            }

            var match = pattern.Matches(path);
            for (var i = 1; !match && i < parents.Length; i++)
            {
                match = pattern.Matches(string.Join("/", parents, 0, i));
            }

            if (match)
            {
                matched = !pattern.IsException;
                decided = matched ? pattern : null;
            }
        }

        return decided;
    }

    /// <summary>
    /// The part of a cleaned COPY source the patterns can judge: the path itself, or for a wildcard source the folder
    /// before its first wildcard (when that folder is excluded, so is every match); empty when the wildcard is in the
    /// first segment.
    /// </summary>
    public static string JudgedPart(string source)
    {
        var wildcard = source.IndexOfAny(new[] { '*', '?', '[' });
        return wildcard < 0 ? source : source.Substring(0, Math.Max(0, source.LastIndexOf('/', wildcard)));
    }

    /// <summary>
    /// Whether an exception (<c>!</c>) could bring back the path or something below it: one that starts with a wildcard,
    /// or whose literal folder lies on the path's line. Then a folder the patterns exclude may still be copied.
    /// </summary>
    public bool MayReinclude(string path)
    {
        foreach (var pattern in Patterns)
        {
            if (!pattern.IsException)
            {
                continue;
            }

            var prefix = pattern.LiteralPrefix;
            if (prefix.Length == 0 || PathText.IsSameOrBelow(prefix, path) || PathText.IsSameOrBelow(path, prefix))
            {
                return true;
            }
        }

        return false;
    }

    // patternmatcher's regexp: ** spans separators, * and ? do not, \ escapes, [..] is a class; anchored both ends.
    private static Regex? ToRegex(string pattern)
    {
        var text = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*')
            {
                if (i + 1 < pattern.Length && pattern[i + 1] == '*')
                {
                    i++;
                    if (i + 1 < pattern.Length && pattern[i + 1] == '/')
                    {
                        i++;
                        text.Append("(.*/)?");
                    }
                    else
                    {
                        text.Append(".*");
                    }
                }
                else
                {
                    text.Append("[^/]*");
                }
            }
            else if (c == '?')
            {
                text.Append("[^/]");
            }
            else if (c == '\\')
            {
                if (i + 1 >= pattern.Length)
                {
                    return null;
                }

                text.Append(Regex.Escape(pattern[++i].ToString()));
            }
            else if (c == '[')
            {
                var close = pattern.IndexOf(']', i + 1);
                if (close < 0)
                {
                    return null;
                }

                var set = pattern.Substring(i + 1, close - i - 1);
                text.Append('[').Append(set.StartsWith("^", StringComparison.Ordinal) || set.StartsWith("!", StringComparison.Ordinal) ? "^" + Escape(set.Substring(1)) : Escape(set)).Append(']');
                i = close;
            }
            else
            {
                text.Append(Regex.Escape(c.ToString()));
            }
        }

        try
        {
            return new Regex(text.Append('$').ToString(), RegexOptions.CultureInvariant, MatchBudget);
        }
        catch (ArgumentException)
        {
            return null;
        }

        static string Escape(string set) => set.Replace("\\", "\\\\").Replace("[", "\\[");
    }

    /// <summary>One line of the file.</summary>
    public sealed class Pattern
    {
        private readonly Regex? _regex;

        internal Pattern(string text, bool isException, int line, Regex? regex)
        {
            Text = text;
            IsException = isException;
            Line = line;
            _regex = regex;
            var wildcard = text.IndexOfAny(new[] { '*', '?', '[', '\\' });
            var literal = wildcard < 0 ? text : text.Substring(0, wildcard);
            LiteralPrefix = wildcard < 0 ? literal : literal.Substring(0, Math.Max(0, literal.LastIndexOf('/')));
        }

        /// <summary>The cleaned pattern, without its <c>!</c>.</summary>
        public string Text { get; }

        public bool IsException { get; }

        /// <summary>The 1-based line of the file.</summary>
        public int Line { get; }

        /// <summary>The folders before the first wildcard (<c>src/App</c> of <c>src/App/**/*.cs</c>); empty when it starts with one.</summary>
        public string LiteralPrefix { get; }

        public bool Matches(string path)
        {
            try
            {
                return _regex is not null && _regex.IsMatch(path);
            }
            catch (RegexMatchTimeoutException)
            {
                return false;
            }
        }
    }
}
