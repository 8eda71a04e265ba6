using System;

namespace ContainerAnalyzers.Images;

/// <summary>
/// How .NET image tags spell the chiseled (distroless Ubuntu) family and the architecture: one place for what the
/// rules suggest, the fixes write and the SDK-container advice sets.
/// </summary>
public static class ChiseledTags
{
    private static readonly string[] ArchitectureSuffixes = { "-amd64", "-arm64v8", "-arm32v7" };

    /// <summary>The chiseled family for an app: <c>noble-chiseled</c>, with <c>-extra</c> (ICU, time zones) unless it is globalization-invariant.</summary>
    public static string Family(bool invariantGlobalization) => invariantGlobalization ? "noble-chiseled" : "noble-chiseled-extra";

    /// <summary>The architecture suffix a tag ends with (<c>8.0-noble-amd64</c> → <c>-amd64</c>), or an empty string.</summary>
    public static string ArchitectureSuffix(string? tag)
    {
        if (tag is not null)
        {
            foreach (var suffix in ArchitectureSuffixes)
            {
                if (tag.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                {
                    return suffix;
                }
            }
        }

        return string.Empty;
    }

    /// <summary>The Go/OCI architecture a tag's suffix names (<c>amd64</c>, <c>arm64</c>, <c>arm</c>), or null when it names none.</summary>
    public static string? Architecture(string? tag) => ArchitectureSuffix(tag) switch
    {
        "" => null,
        var suffix when suffix.Equals("-amd64", StringComparison.OrdinalIgnoreCase) => "amd64",
        var suffix when suffix.Equals("-arm64v8", StringComparison.OrdinalIgnoreCase) => "arm64",
        _ => "arm",
    };

    /// <summary>The tag with <c>-extra</c> added before any architecture suffix; null when it has it already.</summary>
    public static string? WithExtra(string? tag)
    {
        if (tag is null || tag.IndexOf("-extra", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return null;
        }

        var architecture = ArchitectureSuffix(tag);
        return tag.Substring(0, tag.Length - architecture.Length) + "-extra" + architecture;
    }
}
