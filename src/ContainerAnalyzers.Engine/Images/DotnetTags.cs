using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace ContainerAnalyzers.Images;

/// <summary>
/// Which tags the official .NET images publish, per major version, so a fix that retags an image only writes a
/// tag that exists. The table is compiled in: the result is the same on every machine and offline.
/// </summary>
public static class DotnetTags
{

    // OS/variant suffixes published for the Linux images of each major version (runtime-deps, runtime, aspnet; the
    // SDK has the non-chiseled ones). Windows suffixes are left alone: those images follow Windows releases.
    private static readonly Dictionary<int, string[]> LinuxSuffixes = new()
    {
        [6] = new[] { "bullseye-slim", "bookworm-slim", "alpine", "jammy", "jammy-chiseled", "focal", "cbl-mariner2.0", "cbl-mariner2.0-distroless" },
        [7] = new[] { "bullseye-slim", "bookworm-slim", "alpine", "jammy", "jammy-chiseled", "cbl-mariner2.0", "cbl-mariner2.0-distroless" },
        [8] = new[] { "bookworm-slim", "alpine", "jammy", "jammy-chiseled", "jammy-chiseled-extra", "noble", "noble-chiseled", "noble-chiseled-extra", "azurelinux3.0", "azurelinux3.0-distroless", "azurelinux3.0-distroless-extra", "cbl-mariner2.0", "cbl-mariner2.0-distroless", "cbl-mariner2.0-distroless-extra" },
        [9] = new[] { "bookworm-slim", "alpine", "noble", "noble-chiseled", "noble-chiseled-extra", "azurelinux3.0", "azurelinux3.0-distroless", "azurelinux3.0-distroless-extra" },
        [10] = new[] { "noble", "noble-chiseled", "noble-chiseled-extra", "alpine", "azurelinux3.0", "azurelinux3.0-distroless", "azurelinux3.0-distroless-extra" },
    };

    /// <summary>
    /// True when mcr.microsoft.com/dotnet/{sdk,runtime,aspnet,runtime-deps} publish images of this .NET version. The
    /// repositories date from 2020: of the versions before 6.0 only 2.1, 3.1 and 5.0 were published there (1.x, 2.0, 2.2
    /// and 3.0 only ever lived under microsoft/dotnet or dotnet/core). A version newer than this catalogue counts as
    /// published: its images appear with its previews.
    /// </summary>
    public static bool HasOfficialImages(int major, int minor)
        => major >= 6 ? minor == 0 : (major, minor) is (2, 1) or (3, 1) or (5, 0);

    /// <summary>
    /// The tag for <paramref name="version"/> that keeps as much of <paramref name="currentTag"/>'s variant as that
    /// version publishes (<c>6.0-bullseye-slim</c> → <c>8.0-bookworm-slim</c>, <c>8.0-noble-chiseled</c> →
    /// <c>10.0-noble-chiseled</c>), or just the version when the variant has no equivalent.
    /// </summary>
    public static string Retag(string? currentTag, string version, DotnetImageKind kind)
    {
        var suffix = GetSuffix(currentTag);
        if (suffix.Length == 0)
        {
            return version;
        }

        var major = int.TryParse(version.Split('.')[0], out var m) ? m : 0;
        if (suffix.StartsWith("nanoserver", StringComparison.Ordinal) || suffix.StartsWith("windowsservercore", StringComparison.Ordinal))
        {
            return version + "-" + suffix;
        }

        if (!LinuxSuffixes.TryGetValue(major, out var available))
        {
            return version;
        }

        foreach (var candidate in Candidates(suffix, kind))
        {
            if (available.Contains(candidate, StringComparer.Ordinal))
            {
                return version + "-" + candidate;
            }
        }

        return version;
    }

    /// <summary>
    /// Every published Linux tag of a .NET image that starts with <paramref name="tagPrefix"/>, one per variant
    /// (<c>10.0</c> → <c>10.0</c>, <c>10.0-noble</c>, <c>10.0-noble-chiseled</c>…; the SDK has no chiseled or distroless
    /// variant). Null when the prefix does not name a version this catalogue knows: then nothing holds for all tags.
    /// </summary>
    public static IReadOnlyList<string>? TagsStartingWith(string tagPrefix, DotnetImageKind kind)
    {
        var prefix = tagPrefix.ToLowerInvariant();
        var versionLength = VersionPrefixLength(prefix);
        if (versionLength == 0 || !int.TryParse(prefix.Substring(0, prefix.IndexOf('.')), NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !LinuxSuffixes.TryGetValue(major, out var families))
        {
            return null;
        }

        var version = prefix.Substring(0, versionLength);
        var rest = prefix.Substring(versionLength);
        if (rest.Length > 0 && rest[0] != '-')
        {
            return null;
        }

        var familyPrefix = rest.Length == 0 ? string.Empty : rest.Substring(1);
        var tags = new List<string>();
        if (familyPrefix.Length == 0)
        {
            tags.Add(version);
        }

        foreach (var family in families)
        {
            var sdkHasIt = kind != DotnetImageKind.Sdk || (family.IndexOf("chiseled", StringComparison.Ordinal) < 0 && family.IndexOf("distroless", StringComparison.Ordinal) < 0);
            if (sdkHasIt && (family.StartsWith(familyPrefix, StringComparison.Ordinal) || familyPrefix.StartsWith(family + "-", StringComparison.Ordinal)))
            {
                tags.Add(version + "-" + family);
            }
        }

        return tags.Count == 0 ? null : tags;
    }

    /// <summary>The part of a tag after the version: <c>8.0-noble-chiseled</c> → <c>noble-chiseled</c>.</summary>
    public static string GetSuffix(string? tag)
    {
        if (string.IsNullOrEmpty(tag))
        {
            return string.Empty;
        }

        var length = VersionPrefixLength(tag!.ToLowerInvariant());
        var rest = length > 0 ? tag.Substring(length) : string.Empty;
        return rest.TrimStart('-').ToLowerInvariant();
    }

    // The length of ^\d+\.\d+(\.\d+)?(-(preview|rc)[\w.]*)? at the start of a lower-case tag, 0 when it does not
    // start so. By hand: this runs for every image of every Dockerfile, and a regex costs its engine's start-up.
    private static int VersionPrefixLength(string tag)
    {
        var major = Digits(tag, 0);
        if (major == 0 || major >= tag.Length || tag[major] != '.')
        {
            return 0;
        }

        var end = Digits(tag, major + 1);
        if (end == major + 1)
        {
            return 0;
        }

        if (end < tag.Length && tag[end] == '.' && Digits(tag, end + 1) is var patch && patch > end + 1)
        {
            end = patch;
        }

        foreach (var prerelease in new[] { "-preview", "-rc" })
        {
            if (string.CompareOrdinal(tag, end, prerelease, 0, prerelease.Length) == 0)
            {
                var position = end + prerelease.Length;
                while (position < tag.Length && (char.IsLetterOrDigit(tag[position]) || tag[position] is '_' or '.'))
                {
                    position++;
                }

                return position;
            }
        }

        return end;

        static int Digits(string text, int start)
        {
            var position = start;
            while (position < text.Length && char.IsDigit(text[position]))
            {
                position++;
            }

            return position;
        }
    }

    private static IEnumerable<string> Candidates(string suffix, DotnetImageKind kind)
    {
        // An architecture suffix (-amd64, -arm64v8) is kept apart and re-added.
        var arch = ChiseledTags.ArchitectureSuffix(suffix).ToLowerInvariant();
        var core = suffix.Substring(0, suffix.Length - arch.Length);
        var extra = core.EndsWith("-extra", StringComparison.Ordinal) ? "-extra" : string.Empty;
        yield return core + arch;
        if (core.StartsWith("alpine", StringComparison.Ordinal))
        {
            yield return "alpine" + arch;
        }

        if (core.Contains("chiseled") && kind != DotnetImageKind.Sdk)
        {
            yield return "noble-chiseled" + extra + arch;
            yield return "jammy-chiseled" + extra + arch;
        }

        if (core.Contains("distroless") && kind != DotnetImageKind.Sdk)
        {
            yield return "azurelinux3.0-distroless" + extra + arch;
        }

        if (core.EndsWith("-slim", StringComparison.Ordinal) || core is "bullseye" or "bookworm" or "buster")
        {
            yield return "bookworm-slim" + arch;
        }

        if (core is "focal" or "jammy" or "noble" or "bionic")
        {
            yield return "noble" + arch;
            yield return "jammy" + arch;
        }

        if (core.StartsWith("cbl-mariner", StringComparison.Ordinal) || core.StartsWith("azurelinux", StringComparison.Ordinal))
        {
            yield return "azurelinux3.0" + arch;
        }
    }
}
