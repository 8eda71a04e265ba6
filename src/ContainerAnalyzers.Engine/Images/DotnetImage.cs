using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;

namespace ContainerAnalyzers.Images;

public enum DotnetImageKind
{
    /// <summary>The SDK: compilers, NuGet, MSBuild. For building, not for running apps.</summary>
    Sdk,

    /// <summary>ASP.NET Core runtime (includes the .NET runtime).</summary>
    AspNet,

    /// <summary>The .NET runtime, for console and worker apps.</summary>
    Runtime,

    /// <summary>Only the native dependencies, for self-contained and native AOT apps.</summary>
    RuntimeDeps,
}

public enum ImageOsFamily
{
    Unknown,
    Debian,
    Ubuntu,
    Alpine,
    AzureLinux,
    CblMariner,
    NanoServer,
    WindowsServerCore,
}

/// <summary>
/// What the package knows about a .NET container image, old or new: its kind, .NET version, OS and variant,
/// and what those imply (a shell, ICU, the default user and port). Properties are null where the tag does not
/// say enough to be sure.
/// </summary>
public sealed class DotnetImage
{
    // A switch, not a dictionary of the enum: the framework's dictionary code over a value type is JIT-compiled in every
    // fresh compiler process.
    private static DotnetImageKind? CurrentRepository(string name)
        => name.Equals("sdk", StringComparison.OrdinalIgnoreCase) ? DotnetImageKind.Sdk
            : name.Equals("aspnet", StringComparison.OrdinalIgnoreCase) ? DotnetImageKind.AspNet
            : name.Equals("runtime", StringComparison.OrdinalIgnoreCase) ? DotnetImageKind.Runtime
            : name.Equals("runtime-deps", StringComparison.OrdinalIgnoreCase) ? DotnetImageKind.RuntimeDeps
            : null;

    private DotnetImage(ImageReference reference, DotnetImageKind kind, bool isLegacyRepository)
    {
        Reference = reference;
        Kind = kind;
        IsLegacyRepository = isLegacyRepository;
    }

    public ImageReference Reference { get; }

    public DotnetImageKind Kind { get; }

    /// <summary>microsoft/dotnet, microsoft/aspnetcore(-build) or mcr.microsoft.com/dotnet/core/*: no longer updated.</summary>
    public bool IsLegacyRepository { get; private set; }

    /// <summary>True for the .NET Framework images (mcr.microsoft.com/dotnet/framework/*).</summary>
    public bool IsDotnetFramework { get; private set; }

    /// <summary>The .NET major version from the tag, or null for floating tags such as <c>latest</c>.</summary>
    public int? Major { get; private set; }

    public int? Minor { get; private set; }

    /// <summary>"8.0", or null when the tag has no version.</summary>
    public string? Version => Major is { } major ? major.ToString(CultureInfo.InvariantCulture) + "." + (Minor ?? 0).ToString(CultureInfo.InvariantCulture) : null;

    public ImageOsFamily OsFamily { get; private set; }

    /// <summary>Ubuntu chiseled: no shell, no package manager, non-root.</summary>
    public bool IsChiseled { get; private set; }

    /// <summary>Azure Linux or CBL-Mariner distroless.</summary>
    public bool IsDistroless { get; private set; }

    /// <summary>The <c>-extra</c> variant of a chiseled or distroless image, which adds ICU and tzdata.</summary>
    public bool IsExtra { get; private set; }

    public bool IsComposite { get; private set; }

    /// <summary>The SDK image with the native AOT prerequisites (<c>-aot</c>, .NET 8+).</summary>
    public bool IsAot { get; private set; }

    public bool IsWindows => OsFamily is ImageOsFamily.NanoServer or ImageOsFamily.WindowsServerCore || IsDotnetFramework;

    /// <summary>Whether /bin/sh exists: false for chiseled and distroless images and for Windows images.</summary>
    public bool HasPosixShell => !(IsChiseled || IsDistroless || IsWindows);

    /// <summary>Whether ICU is present; null when the tag does not say which OS it is.</summary>
    public bool? HasIcu => IsChiseled || IsDistroless ? IsExtra : OsFamily switch
    {
        // The Alpine runtime images leave ICU out; the SDK's install icu-libs and turn invariant mode off
        // (src/sdk/*/alpine*/Dockerfile: DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false).
        ImageOsFamily.Alpine => Kind == DotnetImageKind.Sdk,
        ImageOsFamily.Unknown when IsLegacyRepository => true,
        ImageOsFamily.Unknown => Major is not null ? true : null,
        _ => true,
    };

    private static readonly string[] DotnetHost = { "/usr/bin/dotnet" };

    /// <summary>
    /// The ENTRYPOINT the image declares, as its own Dockerfile in dotnet-docker writes it: <c>["/usr/bin/dotnet"]</c>
    /// (with <c>CMD ["--info"]</c>) on the chiseled runtime and aspnet images (src/runtime/*/noble-chiseled/*/Dockerfile,
    /// jammy-chiseled from 6.0) and on the Azure Linux and CBL-Mariner distroless ones from .NET 7; none on runtime-deps,
    /// the SDK and the full-OS images. Null when the tag does not make it certain (the 6.0 CBL-Mariner distroless images
    /// added it late, Windows and legacy images are not modelled).
    /// </summary>
    public IReadOnlyList<string>? EntryPoint => IsWindows || IsLegacyRepository || Major is null ? null
        : Kind is DotnetImageKind.Sdk or DotnetImageKind.RuntimeDeps ? Array.Empty<string>()
        : IsChiseled ? DotnetHost
        : IsDistroless ? (Major >= 7 ? DotnetHost : null)
        : OsFamily is ImageOsFamily.Debian or ImageOsFamily.Ubuntu or ImageOsFamily.Alpine or ImageOsFamily.AzureLinux or ImageOsFamily.CblMariner ? Array.Empty<string>()
        : null;

    /// <summary>
    /// Whether the image has one of the HTTP tools health checks call (<c>curl</c>, <c>wget</c>), as the images' own
    /// Dockerfiles in dotnet-docker install them: the runtime-deps images install only .NET's libraries
    /// (src/runtime-deps/*/bookworm-slim, noble, alpine*), and the runtime and aspnet images download .NET in a separate
    /// installer stage (buildpack-deps:*-curl), so on Debian and Ubuntu they have neither; Alpine's BusyBox has wget but
    /// not curl; the SDK images install both. False on chiseled and distroless images. Null where not modelled (Azure
    /// Linux, CBL-Mariner, Windows, before .NET 6, legacy repositories, a tag that does not say the version) and for
    /// any other tool.
    /// </summary>
    public bool? HasHttpTool(string tool)
    {
        if (tool is not ("curl" or "wget"))
        {
            return null;
        }

        if (IsChiseled || IsDistroless)
        {
            return false;
        }

        if (IsWindows || IsLegacyRepository || Major is not >= 6)
        {
            return null;
        }

        if (Kind == DotnetImageKind.Sdk)
        {
            return true;
        }

        return OsFamily switch
        {
            ImageOsFamily.Alpine => tool == "wget",
            ImageOsFamily.Debian or ImageOsFamily.Ubuntu or ImageOsFamily.Unknown => false,
            _ => null,
        };
    }

    /// <summary>
    /// Whether the image has the time-zone database (/usr/share/zoneinfo), as the images' own Dockerfiles in
    /// dotnet-docker install it: the runtime-deps images on Debian and Ubuntu install <c>tzdata</c>; the chiseled ones
    /// only in their <c>-extra</c> variants; the Alpine runtime-deps images install no tzdata. Null where not modelled
    /// (Azure Linux and CBL-Mariner, the SDK on Alpine, Windows, before .NET 6, a tag that does not say the version).
    /// </summary>
    public bool? HasTimeZoneData
    {
        get
        {
            if (IsWindows || IsLegacyRepository || Major is not >= 6)
            {
                return null;
            }

            if (IsChiseled)
            {
                return IsExtra;
            }

            if (IsDistroless)
            {
                return null;
            }

            return OsFamily switch
            {
                ImageOsFamily.Alpine => Kind == DotnetImageKind.Sdk ? null : false,
                ImageOsFamily.Debian or ImageOsFamily.Ubuntu or ImageOsFamily.Unknown => true,
                _ => null,
            };
        }
    }

    /// <summary>Chiseled and distroless images run as the non-root <c>app</c> user (uid 1654) by default.</summary>
    public bool RunsAsNonRootByDefault => IsChiseled || IsDistroless;

    /// <summary>The HTTP port ASP.NET Core listens on by default in this image: 8080 from .NET 8, 80 before.</summary>
    public int? DefaultHttpPort => Kind == DotnetImageKind.Sdk || Major is null ? null : Major >= 8 ? 8080 : 80;

    public bool IsFloating => Major is null && Reference.Digest is null;

    // Stands for "classified, and not a .NET image" in the reference's cache.
    private static readonly object NotDotnet = new();

    /// <summary>Recognises a .NET image from its reference; null for every other image.</summary>
    public static DotnetImage? TryClassify(ImageReference reference)
    {
        // Several rules ask about every stage's image; the answer is worked out once per reference. The result is
        // immutable, so a race only classifies twice and publishes one of two equal answers.
        var cached = Volatile.Read(ref reference.DotnetClassification);
        if (cached is null)
        {
            cached = (object?)Classify(reference) ?? NotDotnet;
            Volatile.Write(ref reference.DotnetClassification, cached);
        }

        return cached as DotnetImage;
    }

    private static DotnetImage? Classify(ImageReference reference)
    {
        var registry = reference.Registry?.ToLowerInvariant();
        var repository = reference.Repository.ToLowerInvariant();
        var tag = reference.Tag ?? string.Empty;

        if (registry == "mcr.microsoft.com")
        {
            foreach (var prefix in new[] { "dotnet/", "dotnet/nightly/", "dotnet/core/", "dotnet/core-nightly/", "dotnet/framework/" })
            {
                if (!repository.StartsWith(prefix, StringComparison.Ordinal) || CurrentRepository(repository.Substring(prefix.Length)) is not { } kind)
                {
                    continue;
                }

                var image = new DotnetImage(reference, kind, isLegacyRepository: prefix.StartsWith("dotnet/core", StringComparison.Ordinal));
                if (prefix == "dotnet/framework/")
                {
                    image.IsDotnetFramework = true;
                    image.OsFamily = ImageOsFamily.WindowsServerCore;
                    return image;
                }

                image.ReadTag(tag);
                return image;
            }

            return null;
        }

        if (registry is not null)
        {
            return null;
        }

        switch (repository)
        {
            case "microsoft/dotnet":
            case "microsoft/dotnet-nightly":
                return ClassifyLegacyDotnetTag(reference, tag);
            case "microsoft/aspnetcore":
                return Legacy(reference, DotnetImageKind.AspNet, tag);
            case "microsoft/aspnetcore-build":
                return Legacy(reference, DotnetImageKind.Sdk, tag);
            default:
                return null;
        }
    }

    private static DotnetImage ClassifyLegacyDotnetTag(ImageReference reference, string tag)
    {
        // microsoft/dotnet:2.1-sdk, 2.1-aspnetcore-runtime, 2.1-runtime, 2.1-runtime-deps, 1.1-sdk-msbuild, latest (the SDK).
        var lower = tag.ToLowerInvariant();
        var kind = lower.Contains("runtime-deps") ? DotnetImageKind.RuntimeDeps
            : lower.Contains("aspnetcore-runtime") ? DotnetImageKind.AspNet
            : lower.Contains("runtime") ? DotnetImageKind.Runtime
            : DotnetImageKind.Sdk;
        return Legacy(reference, kind, tag);
    }

    private static DotnetImage Legacy(ImageReference reference, DotnetImageKind kind, string tag)
    {
        var image = new DotnetImage(reference, kind, isLegacyRepository: true);
        image.ReadTag(tag);
        return image;
    }

    private void ReadTag(string tag)
    {
        var parts = tag.ToLowerInvariant().Split('-');
        var index = 0;
        if (parts.Length > 0 && TryReadVersion(parts[0], out var major, out var minor))
        {
            Major = major;
            Minor = minor;
            index = 1;
        }

        for (; index < parts.Length; index++)
        {
            var part = parts[index];
            if (part.StartsWith("preview", StringComparison.Ordinal) || part.StartsWith("rc", StringComparison.Ordinal))
            {
                continue;
            }

            switch (part)
            {
                case "bookworm":
                case "bullseye":
                case "buster":
                case "stretch":
                case "trixie":
                    OsFamily = ImageOsFamily.Debian;
                    break;
                case "noble":
                case "jammy":
                case "focal":
                case "bionic":
                case "resolute":
                    OsFamily = ImageOsFamily.Ubuntu;
                    break;
                case "chiseled":
                    IsChiseled = true;
                    if (OsFamily == ImageOsFamily.Unknown)
                    {
                        OsFamily = ImageOsFamily.Ubuntu;
                    }

                    break;
                case "distroless":
                    IsDistroless = true;
                    break;
                case "extra":
                    IsExtra = true;
                    break;
                case "composite":
                    IsComposite = true;
                    break;
                case "aot":
                    IsAot = true;
                    break;
                case "nanoserver":
                    OsFamily = ImageOsFamily.NanoServer;
                    break;
                case "windowsservercore":
                    OsFamily = ImageOsFamily.WindowsServerCore;
                    break;
                case "cbl":
                    OsFamily = ImageOsFamily.CblMariner;
                    break;
                default:
                    if (part.StartsWith("alpine", StringComparison.Ordinal))
                    {
                        OsFamily = ImageOsFamily.Alpine;
                    }
                    else if (part.StartsWith("azurelinux", StringComparison.Ordinal))
                    {
                        OsFamily = ImageOsFamily.AzureLinux;
                    }
                    else if (part.StartsWith("mariner", StringComparison.Ordinal))
                    {
                        OsFamily = ImageOsFamily.CblMariner;
                    }

                    break;
            }
        }

        // Before .NET 5, plain tags without an OS (2.1, 3.1) were Debian; from .NET 5 they still are.
        if (OsFamily == ImageOsFamily.Unknown && Major is not null && tag.Length > 0)
        {
            OsFamily = ImageOsFamily.Debian;
        }
    }

    /// <summary>Reads "8.0", "8.0.1", "8.0.100" or "10.0" as major and minor.</summary>
    private static bool TryReadVersion(string text, out int major, out int minor)
    {
        major = 0;
        minor = 0;
        var pieces = text.Split('.');
        if (pieces.Length < 2 || pieces.Length > 4)
        {
            return false;
        }

        if (!int.TryParse(pieces[0], NumberStyles.None, CultureInfo.InvariantCulture, out major) || !int.TryParse(pieces[1], NumberStyles.None, CultureInfo.InvariantCulture, out minor))
        {
            return false;
        }

        return major is > 0 and < 100;
    }

    public override string ToString() => Reference.Original;
}
