using System;

namespace ContainerAnalyzers.Images;

/// <summary>Which of Google's distroless images (gcr.io/distroless) a reference names.</summary>
public enum GoogleDistrolessFlavor
{
    /// <summary>No libc at all: for statically linked programs only.</summary>
    Static,

    /// <summary>glibc without libssl.</summary>
    BaseNoSsl,

    /// <summary>glibc and libssl.</summary>
    Base,

    /// <summary>glibc, libssl, libgcc and libstdc++: what a .NET self-contained or native AOT app needs.</summary>
    Cc,

    /// <summary>A language runtime image (java, python, nodejs): not for .NET.</summary>
    OtherRuntime,
}

/// <summary>
/// What the package knows about gcr.io/distroless images: no shell (except the <c>:debug</c> tags, which carry
/// busybox), no ICU, no .NET runtime, non-root only with the <c>nonroot</c> tags (uid 65532).
/// </summary>
public sealed class GoogleDistrolessImage
{
    private GoogleDistrolessImage(ImageReference reference, GoogleDistrolessFlavor flavor, string? debianVersion, bool isDebug, bool isNonRoot)
    {
        Reference = reference;
        Flavor = flavor;
        DebianVersion = debianVersion;
        IsDebug = isDebug;
        IsNonRoot = isNonRoot;
    }

    public ImageReference Reference { get; }

    public GoogleDistrolessFlavor Flavor { get; }

    /// <summary><c>11</c> or <c>12</c> from the <c>-debianNN</c> suffix, or null.</summary>
    public string? DebianVersion { get; }

    /// <summary>The <c>:debug</c> tags add a busybox shell.</summary>
    public bool IsDebug { get; }

    /// <summary>The <c>:nonroot</c> tags run as uid 65532.</summary>
    public bool IsNonRoot { get; }

    public bool HasShell => IsDebug;

    public bool HasLibc => Flavor != GoogleDistrolessFlavor.Static;

    /// <summary>libstdc++ and libgcc, which the .NET runtime (and a self-contained app) link against.</summary>
    public bool HasLibStdCpp => Flavor == GoogleDistrolessFlavor.Cc || Flavor == GoogleDistrolessFlavor.OtherRuntime;

    /// <summary>The family name for comments: <c>gcr.io/distroless/cc-debian12</c>.</summary>
    public string Family => Reference.Name;

    public static GoogleDistrolessImage? TryClassify(ImageReference reference)
    {
        if (!string.Equals(reference.Registry, "gcr.io", StringComparison.OrdinalIgnoreCase)
            || !reference.Repository.StartsWith("distroless/", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var name = reference.Repository.Substring("distroless/".Length).ToLowerInvariant();
        string? debian = null;
        var dash = name.LastIndexOf("-debian", StringComparison.Ordinal);
        if (dash > 0)
        {
            debian = name.Substring(dash + "-debian".Length);
            name = name.Substring(0, dash);
        }

        var flavor = name switch
        {
            "static" => GoogleDistrolessFlavor.Static,
            "base-nossl" => GoogleDistrolessFlavor.BaseNoSsl,
            "base" => GoogleDistrolessFlavor.Base,
            "cc" => GoogleDistrolessFlavor.Cc,
            _ when name.StartsWith("java", StringComparison.Ordinal) || name.StartsWith("python", StringComparison.Ordinal) || name.StartsWith("nodejs", StringComparison.Ordinal) => GoogleDistrolessFlavor.OtherRuntime,
            _ => (GoogleDistrolessFlavor?)null,
        };
        if (flavor is null)
        {
            return null;
        }

        // Tags: latest, nonroot, debug, debug-nonroot, optionally with an architecture (nonroot-amd64).
        var tag = (reference.Tag ?? "latest").ToLowerInvariant();
        return new GoogleDistrolessImage(reference, flavor.Value, debian, isDebug: tag.StartsWith("debug", StringComparison.Ordinal), isNonRoot: tag.Contains("nonroot"));
    }
}
