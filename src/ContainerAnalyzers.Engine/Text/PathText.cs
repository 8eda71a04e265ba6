using System;
using System.Collections.Generic;
using System.Linq;

namespace ContainerAnalyzers.Text;

/// <summary>
/// Path arithmetic on strings only (no file system): the analyzers may not touch the disk, and the paths come from
/// MSBuild on any OS. Results use forward slashes, which is what a Dockerfile and a docker build command want.
/// </summary>
internal static class PathText
{
    /// <summary>Forward slashes, no <c>.</c> or <c>..</c> segments, no trailing slash (except a bare root).</summary>
    public static string Normalize(string path) => IsNormal(path) ? path : Rebuild(path);

    /// <summary>What <see cref="Normalize"/> makes of any path, segment by segment; internal for the tests that hold the shortcut to it.</summary>
    internal static string Rebuild(string path)
    {
        var slashed = path.Replace('\\', '/');
        var root = GetRoot(slashed);
        var segments = new List<string>();
        foreach (var segment in slashed.Substring(root.Length).Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == ".." && segments.Count > 0 && segments[segments.Count - 1] != "..")
            {
                segments.RemoveAt(segments.Count - 1);
                continue;
            }

            if (segment == ".." && root.Length > 0)
            {
                continue;
            }

            segments.Add(segment);
        }

        return root + string.Join("/", segments);
    }

    public static bool IsRooted(string path) => GetRoot(path.Replace('\\', '/')).Length > 0;

    public static string Combine(string directory, string relativeOrRooted)
        => IsRooted(relativeOrRooted) ? Normalize(relativeOrRooted) : Normalize(directory.TrimEnd('/', '\\') + "/" + relativeOrRooted);

    public static string GetDirectory(string path)
    {
        var normalized = Normalize(path);
        var slash = normalized.LastIndexOf('/');
        var root = GetRoot(normalized);
        return slash < root.Length ? root : normalized.Substring(0, slash);
    }

    public static string GetFileName(string path)
    {
        var normalized = Normalize(path);
        var slash = normalized.LastIndexOf('/');
        return slash < 0 ? normalized : normalized.Substring(slash + 1);
    }

    /// <summary>The path of <paramref name="path"/> relative to <paramref name="directory"/>, or null when it is not inside it.</summary>
    public static string? RelativeTo(string directory, string path)
    {
        var dir = Normalize(directory);
        var full = Normalize(path);
        if (string.Equals(dir, full, PathComparison))
        {
            return ".";
        }

        var prefix = dir.EndsWith("/", StringComparison.Ordinal) ? dir : dir + "/";
        return full.StartsWith(prefix, PathComparison) ? full.Substring(prefix.Length) : null;
    }

    /// <summary>
    /// Whether two full paths name the same file: ordinal, except for Windows paths (with a drive letter), whose file
    /// system ignores case. For deciding which file a reference names, where a false "different" would lose it.
    /// </summary>
    public static bool SamePath(string a, string b)
    {
        var left = Normalize(a);
        var right = Normalize(b);
        var windows = left.Length > 1 && left[1] == ':';
        return string.Equals(left, right, windows ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }

    /// <summary>The deepest directory that contains every one of <paramref name="directories"/>.</summary>
    public static string? CommonAncestor(IEnumerable<string> directories)
    {
        string[]? common = null;
        string? commonRoot = null;
        foreach (var directory in directories.Select(Normalize))
        {
            var root = GetRoot(directory);
            var segments = directory.Substring(root.Length).Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
            if (common is null)
            {
                common = segments;
                commonRoot = root;
                continue;
            }

            if (!string.Equals(root, commonRoot, PathComparison))
            {
                return null;
            }

            var length = 0;
            while (length < common.Length && length < segments.Length && string.Equals(common[length], segments[length], PathComparison))
            {
                length++;
            }

            common = common.Take(length).ToArray();
        }

        return common is null ? null : commonRoot + string.Join("/", common);
    }

    // Ordinal even for Windows paths: MSBuild hands over paths spelled consistently, and a false mismatch only
    // widens the build context, never breaks it.
    private static StringComparison PathComparison => StringComparison.Ordinal;

    private static string GetRoot(string slashed) => slashed.Substring(0, RootLength(slashed));

    private static int RootLength(string slashed)
    {
        if (slashed.StartsWith("//", StringComparison.Ordinal))
        {
            return 2;
        }

        if (slashed.StartsWith("/", StringComparison.Ordinal))
        {
            return 1;
        }

        if (slashed.Length >= 2 && char.IsLetter(slashed[0]) && slashed[1] == ':')
        {
            return slashed.Length >= 3 && slashed[2] == '/' ? 3 : 2;
        }

        return 0;
    }

    // Whether Rebuild would give the path back as it is: forward slashes only, and after the root no empty, "." or ".."
    // segment. MSBuild's full paths and most COPY sources are, and the analysis compares them often (issue 26).
    private static bool IsNormal(string path)
    {
        if (path.IndexOf('\\') >= 0)
        {
            return false;
        }

        var start = RootLength(path);
        if (start == path.Length)
        {
            return true;
        }

        while (start <= path.Length)
        {
            var end = path.IndexOf('/', start);
            var length = (end < 0 ? path.Length : end) - start;
            if (length == 0 || (path[start] == '.' && (length == 1 || (length == 2 && path[start + 1] == '.'))))
            {
                return false;
            }

            if (end < 0)
            {
                return true;
            }

            start = end + 1;
        }

        return true;
    }

    /// <summary>From one folder to another: "." when the same, "../.." up, "src/Api" down, "../other" across.</summary>
    public static string RelativePath(string from, string to)
    {
        var common = CommonAncestor(new[] { from, to }) ?? from;
        var up = RelativeTo(common, from) is { } down && down != "." ? down.Split('/').Length : 0;
        var rest = RelativeTo(common, to) is { } r && r != "." ? r : string.Empty;
        var parts = Enumerable.Repeat("..", up).Concat(rest.Length > 0 ? new[] { rest } : Array.Empty<string>()).ToArray();
        return parts.Length == 0 ? "." : string.Join("/", parts);
    }

    /// <summary>
    /// A path inside the build context as BuildKit cleans COPY sources and .dockerignore patterns (Go's path.Clean):
    /// <see cref="Normalize"/>, and "." for the context itself.
    /// </summary>
    public static string Clean(string path) => Normalize(path) is { Length: > 0 } normalized ? normalized : ".";

    /// <summary>Whether a cleaned context path is <paramref name="folder"/> or lies below it ("." holds everything).</summary>
    public static bool IsSameOrBelow(string path, string folder)
        => folder is "." or "" || string.Equals(path, folder, StringComparison.Ordinal)
            || (path.StartsWith(folder, StringComparison.Ordinal) && path.Length > folder.Length && (folder.EndsWith("/", StringComparison.Ordinal) || path[folder.Length] == '/'));
}
