using System;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ContainerAnalyzers.Infrastructure;

internal enum AdditionalFileKind
{
    None,
    Dockerfile,
    ProjectFile,
    DockerIgnore,

    /// <summary>compose.yaml, docker-compose.override.yml… found from the Dockerfile's folder up to the repository root.</summary>
    Compose,

    /// <summary>The project's appsettings*.json: where the app listens.</summary>
    AppSettings,

    /// <summary>A GitHub action's action.yml/action.yaml found on the compose walk: a Docker action's image is not an app.</summary>
    DockerAction,

    /// <summary>The NuGet.Config restore reads (the nearest above the project): credentials in it must not reach a layer.</summary>
    NuGetConfig,
}

/// <summary>
/// Decides what an AdditionalFile is. The package's build/ files tag each file it adds with
/// <c>ContainerAnalyzersKind</c> metadata; files added by hand are recognised by name. Cheap: no text is read.
/// </summary>
internal static class AdditionalFileKinds
{
    public const string MetadataKey = "build_metadata.AdditionalFiles.ContainerAnalyzersKind";

    /// <summary>What the file is; <paramref name="taggedByPackage"/> says whether the package's build files added it.</summary>
    public static AdditionalFileKind Classify(AdditionalText file, AnalyzerOptions options, out bool taggedByPackage)
    {
        taggedByPackage = options.AnalyzerConfigOptionsProvider.GetOptions(file).TryGetValue(MetadataKey, out var kind);
        // No lower-casing copy: this runs for every additional file of every compilation.
        if (taggedByPackage && kind?.Trim() is { Length: > 0 } trimmed)
        {
            return trimmed.Equals("Dockerfile", StringComparison.OrdinalIgnoreCase) ? AdditionalFileKind.Dockerfile
                : trimmed.Equals("ProjectFile", StringComparison.OrdinalIgnoreCase) ? AdditionalFileKind.ProjectFile
                : trimmed.Equals("DockerIgnore", StringComparison.OrdinalIgnoreCase) ? AdditionalFileKind.DockerIgnore
                : trimmed.Equals("Compose", StringComparison.OrdinalIgnoreCase) ? AdditionalFileKind.Compose
                : trimmed.Equals("AppSettings", StringComparison.OrdinalIgnoreCase) ? AdditionalFileKind.AppSettings
                : trimmed.Equals("DockerAction", StringComparison.OrdinalIgnoreCase) ? AdditionalFileKind.DockerAction
                : trimmed.Equals("NuGetConfig", StringComparison.OrdinalIgnoreCase) ? AdditionalFileKind.NuGetConfig
                : AdditionalFileKind.None;
        }

        return ClassifyByName(file.Path);
    }

    public static AdditionalFileKind ClassifyByName(string path)
    {
        var name = Path.GetFileName(path) ?? string.Empty;
        if (name.Equals("Dockerfile", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("Dockerfile.", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".Dockerfile", StringComparison.OrdinalIgnoreCase))
        {
            return AdditionalFileKind.Dockerfile;
        }

        if (name.Equals(".dockerignore", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".dockerignore", StringComparison.OrdinalIgnoreCase))
        {
            return AdditionalFileKind.DockerIgnore;
        }

        if (Compose.ComposeFile.IsComposeFileName(name))
        {
            return AdditionalFileKind.Compose;
        }

        if (name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return AdditionalFileKind.AppSettings;
        }

        if (name.Equals("action.yml", StringComparison.OrdinalIgnoreCase) || name.Equals("action.yaml", StringComparison.OrdinalIgnoreCase))
        {
            return AdditionalFileKind.DockerAction;
        }

        if (name.Equals("nuget.config", StringComparison.OrdinalIgnoreCase))
        {
            return AdditionalFileKind.NuGetConfig;
        }

        if (name.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".fsproj", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".vbproj", StringComparison.OrdinalIgnoreCase))
        {
            return AdditionalFileKind.ProjectFile;
        }

        return AdditionalFileKind.None;
    }
}
