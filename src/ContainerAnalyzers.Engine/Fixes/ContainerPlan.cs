using System;
using System.Collections.Generic;
using System.Linq;
using ContainerAnalyzers.Images;
using ContainerAnalyzers.Projects;

namespace ContainerAnalyzers.Fixes;

/// <summary>
/// What the project needs from its container, decided from the project alone: the SDK image that builds it, the
/// runtime image that runs it, how it starts and where the build context is. Both fixes (minimal edit and full
/// regeneration) and every road to them (IDE, C# lightbulb, MSBuild target) use the same plan.
/// </summary>
public sealed class ContainerPlan
{
    public const string PublishDirectory = "/app/publish";
    public const string DefaultBuilderName = "build";

    private ContainerPlan(ProjectFacts project, ProjectLayout layout, string version, int major)
    {
        Project = project;
        Layout = layout;
        DotnetVersion = version;
        DotnetMajor = major;
    }

    public ProjectFacts Project { get; }

    public ProjectLayout Layout { get; }

    /// <summary>The .NET version of the TargetFramework, e.g. <c>10.0</c>.</summary>
    public string DotnetVersion { get; }

    public int DotnetMajor { get; }

    public string AssemblyName => Project.AssemblyName ?? "app";

    public bool IsWeb => Project.IsWeb;

    public bool IsSelfContained => Project.IsSelfContained;

    public bool IsAot => Project.PublishAot;

    /// <summary>
    /// The SDK image of the builder stage: the distro family of the user's own SDK image when this version publishes
    /// it (an Alpine builder stays Alpine, so its <c>apk add</c> lines keep working), else the default one.
    /// </summary>
    public string SdkImage => IsAot && SdkMajor >= 10
        ? $"mcr.microsoft.com/dotnet/sdk:{SdkVersion}-noble-aot"
        : $"mcr.microsoft.com/dotnet/sdk:{KeptFamilyTag(OldBuilderImage, DotnetImageKind.Sdk, PackageManager.None, SdkVersion) ?? SdkVersion + DistroSuffixOf(SdkMajor)}";

    /// <summary>The SDK image the old file built on, whose distro family the builder keeps.</summary>
    internal ImageReference? OldBuilderImage { get; private init; }

    /// <summary>Native AOT before .NET 10 has no SDK image of its own: the builder installs the native toolchain.</summary>
    public bool InstallsAotPrerequisites => IsAot && SdkMajor < 10;

    /// <summary>
    /// The builder runs on the build machine's platform and publishes for the target's (<c>-a $TARGETARCH</c>),
    /// so multi-platform builds do not emulate the SDK. Native AOT cannot cross-compile without extra toolchains,
    /// so an AOT builder runs on the target platform.
    /// </summary>
    public bool BuildsOnBuildPlatform => !IsAot;

    /// <summary>The runtime repository: runtime-deps for self-contained apps, aspnet for web apps, runtime otherwise.</summary>
    public string RuntimeRepository => IsSelfContained ? "mcr.microsoft.com/dotnet/runtime-deps"
        : IsWeb ? "mcr.microsoft.com/dotnet/aspnet"
        : "mcr.microsoft.com/dotnet/runtime";

    /// <summary>Globalization needs ICU unless the project declares InvariantGlobalization=true.</summary>
    public bool NeedsIcu => Project.InvariantGlobalization != true;

    /// <summary>.NET 8+ images define APP_UID and listen on 8080; older ones run as root and listen on 80.</summary>
    public bool HasAppUid => DotnetMajor >= 8;

    /// <summary>
    /// The project ships a SQLite database with the app (a .db, .sqlite, .sqlite3 or .db3 file it copies to its output,
    /// with a SQLite package referenced), as the Identity templates ship app.db. Copied as root's, the file would be
    /// read-only to a non-root user, and the app's first write would fail (CTR0039).
    /// </summary>
    public bool ShipsADatabase
        => Project.FilesCopiedToOutput.Any(f => DatabaseExtensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            && Project.ProjectText is { } text && SqlitePackage.IsMatch(text);

    private static readonly string[] DatabaseExtensions = { ".db", ".sqlite", ".sqlite3", ".db3" };

    private static readonly System.Text.RegularExpressions.Regex SqlitePackage = new(
        @"<PackageReference\s[^>]*Include\s*=\s*""[^""]*Sqlite[^""]*""", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    public int DefaultHttpPort => DotnetMajor >= 8 ? 8080 : 80;

    /// <summary>How the final stage starts the app, in exec form.</summary>
    public IReadOnlyList<string> Entrypoint => IsSelfContained
        ? new[] { "./" + AssemblyName }
        : new[] { "dotnet", AssemblyName + ".dll" };

    /// <summary>
    /// How the final stage starts the app when the publish also gets the user's <c>/p:</c> properties, which the
    /// rewrite keeps: a single-file or native AOT publish writes no App.dll (issue 24: a kept
    /// <c>/p:PublishSingleFile=true</c> with <c>dotnet App.dll</c> never started), and <c>UseAppHost=false</c> no executable.
    /// </summary>
    public IReadOnlyList<string> EntrypointWith(IReadOnlyList<string> publishProperties)
    {
        var native = Says(publishProperties, "PublishSingleFile", "true") || Says(publishProperties, "PublishAot", "true");
        var noAppHost = Says(publishProperties, "UseAppHost", "false");
        return native ? new[] { "./" + AssemblyName }
            : noAppHost ? new[] { "dotnet", AssemblyName + ".dll" }
            : Entrypoint;
    }

    // Whether a property word (/p:Name=value, -p:A=1;B=2, --property:Name=value) sets the property to the value.
    private static bool Says(IReadOnlyList<string> properties, string name, string value)
        => properties.Any(word => word.IndexOf(':') is var colon && colon > 0
            && word.Substring(colon + 1).Split(';').Any(assignment => assignment.Split('=') is { Length: 2 } pair
                && string.Equals(pair[0].Trim(), name, StringComparison.OrdinalIgnoreCase)
                && string.Equals(pair[1].Trim().Trim('"'), value, StringComparison.OrdinalIgnoreCase)));

    private string DistroSuffix => DistroSuffixOf(DotnetMajor);

    private static string DistroSuffixOf(int major) => major >= 8 ? "-noble" : major >= 6 ? "-jammy" : string.Empty;

    /// <summary>
    /// The plan for a project, or null when there is nothing sure to generate: no .NET (Core) TargetFramework, or
    /// an app that cannot run in a Linux container (desktop, tool, .NET Framework).
    /// </summary>
    /// <param name="project">The project's facts.</param>
    /// <param name="layout">Where the project and the build context are.</param>
    /// <param name="requestedFramework">The framework the user's Dockerfile publishes (its <c>-f</c>), kept when the project targets it.</param>
    /// <param name="code">Where the code pins its endpoints; null when unknown.</param>
    /// <param name="oldFinalImage">The image the user's final stage runs on, whose family the plan keeps.</param>
    /// <param name="oldBuilderImage">The SDK image the user's build ran on.</param>
    /// <param name="appSettings">The appsettings' listening settings, for where the app listens.</param>
    public static ContainerPlan? Create(ProjectFacts project, ProjectLayout layout, string? requestedFramework = null, Semantics.CodeEndpoints? code = null, ImageReference? oldFinalImage = null, ImageReference? oldBuilderImage = null, IReadOnlyList<Semantics.AppSettingsFile>? appSettings = null)
    {
        // A multi-targeting project is published for the framework the user chose with -f, else for its newest one:
        // restore needs an SDK for all of them anyway.
        var candidates = project.TargetFrameworks.Where(t => t.IsDotnetCore && t.Platform is null && t.Major is not null).ToList();
        var framework = candidates.FirstOrDefault(t => string.Equals(t.Name, requestedFramework, StringComparison.OrdinalIgnoreCase))
            ?? candidates.OrderBy(t => t.Major).ThenBy(t => t.Minor).LastOrDefault();
        if (framework?.Version is not { } version || framework.Major is not { } major || project.CannotRunInLinuxContainer || !project.IsExecutable && project.OutputType is not null
            || !DotnetTags.HasOfficialImages(major, framework.Minor ?? 0))
        {
            // No image to write for a version Microsoft never published under mcr.microsoft.com/dotnet: no fix rather
            // than a FROM that cannot be pulled. The user's own image stays until they upgrade the TargetFramework.
            return null;
        }

        var publishFramework = project.TargetFrameworks.Count > 1 ? framework.Name : null;
        var newest = candidates.OrderBy(t => t.Major).ThenBy(t => t.Minor).Last();
        // The plan is immutable once made: every fix of the same file reads the same one.
        return new ContainerPlan(project, layout, version, major)
        {
            PublishFramework = publishFramework,
            SdkVersion = newest.Version ?? version,
            Code = code,
            AppSettings = appSettings ?? Array.Empty<Semantics.AppSettingsFile>(),
            OldFinalImage = oldFinalImage,
            OldBuilderImage = oldBuilderImage,
        };
    }

    /// <summary>
    /// The version of the SDK image: the newest framework the project targets, since restore reads every target
    /// framework (an 8.0 SDK cannot restore a project that also targets net10.0, NETSDK1045) even when the publish
    /// picks an older one with <c>-f</c>.
    /// </summary>
    public string SdkVersion { get; private init; } = string.Empty;

    internal int SdkMajor => int.TryParse(SdkVersion.Split('.')[0], out var major) ? major : DotnetMajor;

    /// <summary>Where the app's code pins its endpoints (null when the host cannot tell): the new file EXPOSEs those ports.</summary>
    internal Semantics.CodeEndpoints? Code { get; private init; }

    /// <summary>The listening settings of the project's appsettings files (none when the host has not read them).</summary>
    internal IReadOnlyList<Semantics.AppSettingsFile> AppSettings { get; private init; } = Array.Empty<Semantics.AppSettingsFile>();

    /// <summary>The framework to name with <c>-f</c> on publish: set for a multi-targeting project, which needs it.</summary>
    public string? PublishFramework { get; private init; }

    /// <summary>
    /// The final image of the old Dockerfile. A distroless family the user chose (Google's gcr.io/distroless, or
    /// Azure Linux distroless) is kept when it can run the app, rather than switched to chiseled.
    /// </summary>
    internal ImageReference? OldFinalImage { get; private init; }

    /// <summary>
    /// The runtime image: ContainerBaseImage when the project sets it; a distroless family the old file used, when it
    /// fits; otherwise the chiseled (distroless) image of the TargetFramework's version with <c>-extra</c> when
    /// globalization needs ICU, or ContainerFamily's tag. With <paramref name="needsShell"/> (the old image ran shell
    /// commands that must keep running), the full image of the same version instead.
    /// </summary>
    public RuntimeImageChoice GetRuntimeImage(bool needsShell) => GetRuntimeImage(needsShell, PackageManager.None, needsExtra: false);

    /// <param name="needsShell">The final stage runs shell commands carried over from the old file.</param>
    /// <param name="packageManager">The package manager those commands use: the image must have it.</param>
    /// <param name="needsExtra">The old file installed ICU or time zones, which the <c>-extra</c> variant provides.</param>
    internal RuntimeImageChoice GetRuntimeImage(bool needsShell, PackageManager packageManager, bool needsExtra)
    {
        if (Project.ContainerBaseImage is not { } baseImage)
        {
            return ChooseRuntimeImage(needsShell, packageManager, needsExtra);
        }

        var reference = ImageReference.TryParse(baseImage);
        var google = reference is null ? null : GoogleDistrolessImage.TryClassify(reference);
        if (google is not null && !IsSelfContained)
        {
            // Google's distroless images carry no .NET: a framework-dependent app could not start there (CTR0022).
            var fallback = ChooseRuntimeImage(needsShell, packageManager, needsExtra);
            return new RuntimeImageChoice(
                fallback.Image,
                $"The project's ContainerBaseImage '{baseImage}' has no .NET runtime and the app is framework-dependent, so it could not start there: publish self-contained or native AOT to run on it."
                + (fallback.Note is null ? string.Empty : " " + fallback.Note),
                fallback.IsDotnetImage,
                fallback.RunsAsNonRoot);
        }

        // The user's image: APP_UID exists only on Microsoft's .NET 8+ images, and Google's distroless images have the
        // nonroot user 65532; of any other image the users are not known, so no USER is written for it.
        var dotnet = reference is null ? null : DotnetImage.TryClassify(reference);
        return new RuntimeImageChoice(
            baseImage,
            "The runtime image is the project's ContainerBaseImage.",
            isDotnetImage: dotnet is not null,
            runsAsNonRoot: google?.IsNonRoot ?? dotnet is { IsChiseled: true } or { IsDistroless: true },
            userIsUnknown: google is null && dotnet is null);
    }

    private RuntimeImageChoice ChooseRuntimeImage(bool needsShell, PackageManager packageManager, bool needsExtra)
    {
        var extra = NeedsIcu || needsExtra;
        if (!needsShell && OldFinalImage is { } old)
        {
            if (GoogleDistrolessImage.TryClassify(old) is { } google && IsSelfContained)
            {
                // A self-contained or native AOT app needs glibc and libstdc++: the cc flavour of the same Debian release.
                var image = google.Flavor == GoogleDistrolessFlavor.Cc
                    ? old.Original
                    : $"gcr.io/distroless/cc-debian{google.DebianVersion ?? "12"}:{(google.IsNonRoot ? "nonroot" : "latest")}";
                var kept = GoogleDistrolessImage.TryClassify(ImageReference.TryParse(image)!)!;
                return new RuntimeImageChoice(
                    image,
                    $"Runtime stage: Google's distroless image ({kept.Family}), kept from the old file: glibc and libstdc++ for the {(IsAot ? "native AOT" : "self-contained")} app, no shell, no ICU.",
                    isDotnetImage: false,
                    runsAsNonRoot: kept.IsNonRoot);
            }

            if (DotnetImage.TryClassify(old) is { IsDistroless: true, OsFamily: ImageOsFamily.AzureLinux } && DotnetMajor >= 8)
            {
                return new RuntimeImageChoice(
                    $"{RuntimeRepository}:{DotnetVersion}-azurelinux3.0-distroless{(extra ? "-extra" : string.Empty)}",
                    "Runtime stage: Azure Linux distroless, the family the old file used: no shell, no package manager.",
                    isDotnetImage: true,
                    runsAsNonRoot: true);
            }
        }

        if (Project.ContainerFamily is { } family && !needsShell)
        {
            return new RuntimeImageChoice($"{RuntimeRepository}:{DotnetVersion}-{family}", "The runtime image follows the project's ContainerFamily.");
        }

        if (needsShell)
        {
            var tag = KeptFamilyTag(OldFinalImage, RuntimeKind, packageManager) ?? FamilyTagFor(packageManager) ?? DotnetVersion + DistroSuffix;
            return new RuntimeImageChoice(
                $"{RuntimeRepository}:{tag}",
                "Not chiseled: this stage runs shell commands carried over from the old Dockerfile"
                + (packageManager == PackageManager.None ? string.Empty : " (packages the chiseled images do not have, so the image keeps their distro family)")
                + $". Move them to the build stage to switch to the {DotnetVersion}-{ChiseledTags.Family(invariantGlobalization: !extra)} image, which has no shell.");
        }

        if (DotnetMajor >= 8)
        {
            return new RuntimeImageChoice($"{RuntimeRepository}:{DotnetVersion}-{ChiseledTags.Family(invariantGlobalization: !extra)}", note: null, isDotnetImage: true, runsAsNonRoot: true);
        }

        if (DotnetMajor >= 6 && !extra)
        {
            return new RuntimeImageChoice($"{RuntimeRepository}:{DotnetVersion}-jammy-chiseled", note: null, isDotnetImage: true, runsAsNonRoot: true);
        }

        return new RuntimeImageChoice(
            $"{RuntimeRepository}:{DotnetVersion}{DistroSuffix}",
            DotnetMajor >= 6
                ? $".NET {DotnetVersion} has no chiseled image with ICU; this is its smallest official image that has it. Consider upgrading to .NET 8 or later."
                : $".NET {DotnetVersion} has no chiseled image; this is its official runtime image. Consider upgrading to .NET 8 or later.");
    }

    private DotnetImageKind RuntimeKind => IsSelfContained ? DotnetImageKind.RuntimeDeps : IsWeb ? DotnetImageKind.AspNet : DotnetImageKind.Runtime;

    /// <summary>
    /// The tag of this version in the distro family of <paramref name="old"/> (a .NET image with a shell), when this
    /// version publishes that family and it has the package manager the carried lines need; else null.
    /// </summary>
    private string? KeptFamilyTag(ImageReference? old, DotnetImageKind kind, PackageManager packageManager, string? version = null)
    {
        version ??= DotnetVersion;
        if (old is null || DotnetImage.TryClassify(old) is not { IsChiseled: false, IsDistroless: false } || DotnetTags.GetSuffix(old.Tag) is not { Length: > 0 })
        {
            return null;
        }

        var tag = DotnetTags.Retag(old.Tag, version, kind);
        return tag != version && HasPackageManager(tag, packageManager) ? tag : null;
    }

    // The family whose package manager the carried lines use, when the user's image gave none to keep.
    private string? FamilyTagFor(PackageManager packageManager)
    {
        var family = packageManager switch
        {
            PackageManager.Apk => "alpine",
            PackageManager.Rpm => DotnetMajor >= 8 ? "azurelinux3.0" : "cbl-mariner2.0",
            _ => null,
        };
        return family is null || DotnetMajor >= 6 && DotnetTags.TagsStartingWith(DotnetVersion + "-" + family, RuntimeKind) is null && DotnetMajor <= 10
            ? null
            : DotnetVersion + "-" + family;
    }

    private static bool HasPackageManager(string tag, PackageManager packageManager) => packageManager switch
    {
        PackageManager.Apk => tag.IndexOf("alpine", StringComparison.Ordinal) >= 0,
        PackageManager.Rpm => tag.IndexOf("azurelinux", StringComparison.Ordinal) >= 0 || tag.IndexOf("mariner", StringComparison.Ordinal) >= 0,
        PackageManager.Apt => tag.IndexOf("alpine", StringComparison.Ordinal) < 0 && tag.IndexOf("azurelinux", StringComparison.Ordinal) < 0 && tag.IndexOf("mariner", StringComparison.Ordinal) < 0,
        _ => true,
    };
}

/// <summary>The final image the generator chose, with what the writer needs to know about it.</summary>
public sealed class RuntimeImageChoice
{
    public RuntimeImageChoice(string image, string? note, bool isDotnetImage = true, bool runsAsNonRoot = false, bool userIsUnknown = false)
    {
        Image = image;
        Note = note;
        IsDotnetImage = isDotnetImage;
        RunsAsNonRoot = runsAsNonRoot;
        UserIsUnknown = userIsUnknown;
    }

    /// <summary>An image the generator does not know: no USER is written, since its users (and APP_UID) are unknown.</summary>
    public bool UserIsUnknown { get; }

    public string Image { get; }

    /// <summary>Why this image, for the comment above the final FROM; null for the default chiseled choice.</summary>
    public string? Note { get; }

    /// <summary>A Microsoft .NET image: it defines APP_UID and ASPNETCORE_HTTP_PORTS.</summary>
    public bool IsDotnetImage { get; }

    public bool RunsAsNonRoot { get; }
}
