using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace ContainerAnalyzers.Fixes;

/// <summary>The Linux package manager a RUN line uses, which decides the distro family the line can run on.</summary>
internal enum PackageManager
{
    None,

    /// <summary>apt-get/apt: Debian and Ubuntu images.</summary>
    Apt,

    /// <summary>apk: Alpine images.</summary>
    Apk,

    /// <summary>tdnf/dnf/yum/microdnf: Azure Linux (CBL-Mariner) and other RPM images.</summary>
    Rpm,
}

/// <summary>
/// What a RUN line that installs OS packages is for. The packages .NET apps install most often (ICU, time zones, CA
/// certificates) are exactly what the chiseled images provide: the base image has the CA certificates, and the
/// <c>-extra</c> variant adds ICU and tzdata. A line that installs only those is replaced by the image variant; any
/// other package keeps the line, on an image of the same distro family.
/// </summary>
internal sealed class DistroPackages
{
    private static readonly Regex Separator = new(@"&&|\|\||;", RegexOptions.CultureInvariant);

    // Package names per purpose, across Debian/Ubuntu (libicu72, libicu-dev), Alpine (icu-libs, icu-data-full) and Azure
    // Linux (icu). A -dev package is for building, not running: not mapped.
    private static readonly Regex IcuPackage = new(@"^(icu|icu-libs|icu-data-full|icu-data-en|libicu\d*)$", RegexOptions.CultureInvariant);
    private static readonly Regex TimeZonePackage = new(@"^(tzdata|tzdata-legacy)$", RegexOptions.CultureInvariant);
    private static readonly Regex CertificatePackage = new(@"^(ca-certificates|ca-certificates-bundle)$", RegexOptions.CultureInvariant);

    private DistroPackages(PackageManager manager, IReadOnlyList<string> packages, bool onlyKnown, bool needsIcu, bool needsTimeZones)
    {
        Manager = manager;
        Packages = packages;
        OnlyKnownPackages = onlyKnown;
        NeedsIcu = needsIcu;
        NeedsTimeZones = needsTimeZones;
    }

    public PackageManager Manager { get; }

    /// <summary>The package names the line installs, as written.</summary>
    public IReadOnlyList<string> Packages { get; }

    /// <summary>
    /// Every command of the line is package-manager bookkeeping (update, clean, removing its caches) or installs
    /// packages the chiseled images provide: the line can be replaced by the image variant.
    /// </summary>
    public bool OnlyKnownPackages { get; }

    public bool NeedsIcu { get; }

    public bool NeedsTimeZones { get; }

    /// <summary>Reads a RUN line; null when it installs no packages with a package manager we know.</summary>
    public static DistroPackages? Read(string runLine)
    {
        var manager = PackageManager.None;
        var packages = new List<string>();
        var onlyKnown = true;
        foreach (var segment in Separator.Split(runLine))
        {
            var words = segment.Split(new[] { ' ', '\t', '\r', '\n', '\\' }, StringSplitOptions.RemoveEmptyEntries).ToList();
            if (words.Count > 0 && words[0] is "RUN")
            {
                words.RemoveAt(0);
            }

            if (words.Count > 0 && words[0] is "sudo")
            {
                words.RemoveAt(0);
            }

            while (words.Count > 0 && words[0].IndexOf('=') > 0 && !words[0].StartsWith("-", StringComparison.Ordinal))
            {
                // DEBIAN_FRONTEND=noninteractive apt-get install …
                words.RemoveAt(0);
            }

            if (words.Count == 0)
            {
                continue;
            }

            var (segmentManager, verb) = ManagerOf(words);
            if (segmentManager != PackageManager.None)
            {
                manager = segmentManager;
                if (verb is "install" or "add")
                {
                    packages.AddRange(words.Skip(words.IndexOf(verb) + 1).Where(w => !w.StartsWith("-", StringComparison.Ordinal)));
                }
                else if (verb is not ("update" or "clean" or "makecache" or "upgrade" or "autoremove"))
                {
                    onlyKnown = false;
                }

                continue;
            }

            if (!IsCacheCleanup(words))
            {
                onlyKnown = false;
            }
        }

        if (manager == PackageManager.None || packages.Count == 0)
        {
            return null;
        }

        // A package pinned to a version (tzdata=2024a-1) or a variable is still that package.
        var names = packages.Select(p => p.Split('=')[0]).ToArray();
        onlyKnown &= names.All(n => IcuPackage.IsMatch(n) || TimeZonePackage.IsMatch(n) || CertificatePackage.IsMatch(n));
        return new DistroPackages(
            manager,
            packages,
            onlyKnown,
            names.Any(n => IcuPackage.IsMatch(n)),
            names.Any(n => TimeZonePackage.IsMatch(n)));
    }

    private static (PackageManager Manager, string? Verb) ManagerOf(List<string> words)
    {
        var manager = words[0] switch
        {
            "apt-get" or "apt" => PackageManager.Apt,
            "apk" => PackageManager.Apk,
            "tdnf" or "dnf" or "yum" or "microdnf" => PackageManager.Rpm,
            _ => PackageManager.None,
        };
        var verb = words.Skip(1).FirstOrDefault(w => !w.StartsWith("-", StringComparison.Ordinal));
        return (manager, verb);
    }

    // rm -rf /var/lib/apt/lists/*, /var/cache/apk/*, … : the usual tail of an install line.
    private static bool IsCacheCleanup(List<string> words)
        => words[0] == "rm" && words.Skip(1).Where(w => !w.StartsWith("-", StringComparison.Ordinal)).All(w => w.StartsWith("/var/lib/apt", StringComparison.Ordinal) || w.StartsWith("/var/cache/", StringComparison.Ordinal) || w.StartsWith("/tmp", StringComparison.Ordinal));
}
