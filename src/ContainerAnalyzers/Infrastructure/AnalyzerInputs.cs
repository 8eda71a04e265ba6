using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ContainerAnalyzers.Infrastructure;

/// <summary>
/// The package's additional files of one set of analyzer options, classified once (<see cref="AdditionalFileKinds"/>)
/// and shared by every callback and analyzer of the compilation: the Dockerfiles, the project file, and whether the
/// build context has a .dockerignore.
/// </summary>
internal sealed class AnalyzerInputs
{
    private readonly Dictionary<AdditionalText, AdditionalFileKind> _kinds;

    public AnalyzerInputs(AnalyzerOptions options)
    {
        _kinds = new Dictionary<AdditionalText, AdditionalFileKind>(options.AdditionalFiles.Length);
        var dockerfiles = new List<AdditionalText>();
        var composeFiles = new List<AdditionalText>();
        var appSettings = new List<AdditionalText>();
        var dockerIgnores = new List<AdditionalText>();
        var actions = new List<AdditionalText>();
        var nugetConfigs = new List<AdditionalText>();
        var fromPackage = false;
        var dockerIgnore = false;
        foreach (var file in options.AdditionalFiles)
        {
            var kind = AdditionalFileKinds.Classify(file, options, out var tagged);
            _kinds[file] = kind;
            fromPackage |= tagged;
            switch (kind)
            {
                case AdditionalFileKind.Dockerfile:
                    dockerfiles.Add(file);
                    break;
                case AdditionalFileKind.ProjectFile:
                    ProjectFile ??= file;
                    break;
                case AdditionalFileKind.DockerIgnore:
                    dockerIgnore = true;
                    dockerIgnores.Add(file);
                    break;
                case AdditionalFileKind.Compose:
                    composeFiles.Add(file);
                    break;
                case AdditionalFileKind.AppSettings:
                    appSettings.Add(file);
                    break;
                case AdditionalFileKind.DockerAction:
                    actions.Add(file);
                    break;
                case AdditionalFileKind.NuGetConfig:
                    nugetConfigs.Add(file);
                    break;
            }
        }

        Dockerfiles = dockerfiles;
        ComposeFiles = composeFiles;
        AppSettingsFiles = appSettings;
        DockerIgnoreFiles = dockerIgnores;
        DockerActionFiles = actions;
        NuGetConfigFiles = nugetConfigs;

        // The package adds the context's .dockerignore, and BuildKit's per-Dockerfile one (<name>.dockerignore), as
        // additional files. Only files the package added tell anything: when the project does not use the package's
        // inputs, whether a .dockerignore exists is unknown.
        HasDockerIgnore = dockerIgnore ? true : fromPackage ? false : null;
    }

    public IReadOnlyList<AdditionalText> Dockerfiles { get; }

    /// <summary>The compose files the package found from the Dockerfile's folder up to the repository root.</summary>
    public IReadOnlyList<AdditionalText> ComposeFiles { get; }

    /// <summary>The project's appsettings*.json files.</summary>
    public IReadOnlyList<AdditionalText> AppSettingsFiles { get; }

    /// <summary>The .dockerignore files: the build context's, and BuildKit's per-Dockerfile ones.</summary>
    public IReadOnlyList<AdditionalText> DockerIgnoreFiles { get; }

    /// <summary>The GitHub action files (action.yml) found from the Dockerfile's folder up to the repository root.</summary>
    public IReadOnlyList<AdditionalText> DockerActionFiles { get; }

    /// <summary>The NuGet.Config restore reads (the nearest above the project), when the package handed it over.</summary>
    public IReadOnlyList<AdditionalText> NuGetConfigFiles { get; }

    /// <summary>The first project file among the additional files: the project being compiled.</summary>
    public AdditionalText? ProjectFile { get; }

    /// <summary>Whether the build context has a .dockerignore; null when the inputs do not say.</summary>
    public bool? HasDockerIgnore { get; }

    public AdditionalFileKind KindOf(AdditionalText file, AnalyzerOptions options)
        => _kinds.TryGetValue(file, out var kind) ? kind : AdditionalFileKinds.Classify(file, options, out _);
}
