using ContainerAnalyzers.Rules;
using Microsoft.CodeAnalysis;

namespace ContainerAnalyzers.Infrastructure;

/// <summary>
/// The Roslyn descriptors, one per rule. Ids, categories and severities are spelled as constants here so the
/// release-tracking analyzer (AnalyzerReleases.*.md) can check them; texts come from the engine's descriptors.
/// </summary>
internal static class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor NoBuilderStage = new(
        RuleIds.NoBuilderStage, RuleDescriptors.NoBuilderStage.Title, RuleDescriptors.NoBuilderStage.MessageFormat,
        RuleCategories.Build, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        RuleDescriptors.NoBuilderStage.Description, RuleDescriptors.NoBuilderStage.HelpLinkUri);

    public static readonly DiagnosticDescriptor FinalStageOnSdkImage = new(
        RuleIds.FinalStageOnSdkImage, RuleDescriptors.FinalStageOnSdkImage.Title, RuleDescriptors.FinalStageOnSdkImage.MessageFormat,
        RuleCategories.Image, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        RuleDescriptors.FinalStageOnSdkImage.Description, RuleDescriptors.FinalStageOnSdkImage.HelpLinkUri);

    public static readonly DiagnosticDescriptor ProjectHasNoDockerfile = new(
        RuleIds.ProjectHasNoDockerfile, RuleDescriptors.ProjectHasNoDockerfile.Title, RuleDescriptors.ProjectHasNoDockerfile.MessageFormat,
        RuleCategories.Project, DiagnosticSeverity.Info, isEnabledByDefault: true,
        RuleDescriptors.ProjectHasNoDockerfile.Description, RuleDescriptors.ProjectHasNoDockerfile.HelpLinkUri);

    public static readonly DiagnosticDescriptor DockerfileFixAvailable = new(
        RuleIds.DockerfileFixAvailable, RuleDescriptors.DockerfileFixAvailable.Title, RuleDescriptors.DockerfileFixAvailable.MessageFormat,
        RuleCategories.Project, DiagnosticSeverity.Hidden, isEnabledByDefault: true,
        RuleDescriptors.DockerfileFixAvailable.Description, RuleDescriptors.DockerfileFixAvailable.HelpLinkUri);

    public static readonly DiagnosticDescriptor DotnetRunInContainer = new(
        RuleIds.DotnetRunInContainer, RuleDescriptors.DotnetRunInContainer.Title, RuleDescriptors.DotnetRunInContainer.MessageFormat,
        RuleCategories.Runtime, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        RuleDescriptors.DotnetRunInContainer.Description, RuleDescriptors.DotnetRunInContainer.HelpLinkUri);

    public static readonly DiagnosticDescriptor RuntimeVersionMismatch = new(
        RuleIds.RuntimeVersionMismatch, RuleDescriptors.RuntimeVersionMismatch.Title, RuleDescriptors.RuntimeVersionMismatch.MessageFormat,
        RuleCategories.Compatibility, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        RuleDescriptors.RuntimeVersionMismatch.Description, RuleDescriptors.RuntimeVersionMismatch.HelpLinkUri);

    public static readonly DiagnosticDescriptor SdkOlderThanTargetFramework = new(
        RuleIds.SdkOlderThanTargetFramework, RuleDescriptors.SdkOlderThanTargetFramework.Title, RuleDescriptors.SdkOlderThanTargetFramework.MessageFormat,
        RuleCategories.Compatibility, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        RuleDescriptors.SdkOlderThanTargetFramework.Description, RuleDescriptors.SdkOlderThanTargetFramework.HelpLinkUri);

    public static readonly DiagnosticDescriptor RuntimeLacksFramework = new(
        RuleIds.RuntimeLacksFramework, RuleDescriptors.RuntimeLacksFramework.Title, RuleDescriptors.RuntimeLacksFramework.MessageFormat,
        RuleCategories.Compatibility, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        RuleDescriptors.RuntimeLacksFramework.Description, RuleDescriptors.RuntimeLacksFramework.HelpLinkUri);

    public static readonly DiagnosticDescriptor EntrypointNotThisAssembly = new(
        RuleIds.EntrypointNotThisAssembly, RuleDescriptors.EntrypointNotThisAssembly.Title, RuleDescriptors.EntrypointNotThisAssembly.MessageFormat,
        RuleCategories.Runtime, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        RuleDescriptors.EntrypointNotThisAssembly.Description, RuleDescriptors.EntrypointNotThisAssembly.HelpLinkUri);

    public static readonly DiagnosticDescriptor SilentInvariantGlobalization = new(
        RuleIds.SilentInvariantGlobalization, RuleDescriptors.SilentInvariantGlobalization.Title, RuleDescriptors.SilentInvariantGlobalization.MessageFormat,
        RuleCategories.Compatibility, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        RuleDescriptors.SilentInvariantGlobalization.Description, RuleDescriptors.SilentInvariantGlobalization.HelpLinkUri);

    public static readonly DiagnosticDescriptor RuntimeIdentifierMismatch = new(
        RuleIds.RuntimeIdentifierMismatch, RuleDescriptors.RuntimeIdentifierMismatch.Title, RuleDescriptors.RuntimeIdentifierMismatch.MessageFormat,
        RuleCategories.Compatibility, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        RuleDescriptors.RuntimeIdentifierMismatch.Description, RuleDescriptors.RuntimeIdentifierMismatch.HelpLinkUri);

    public static readonly DiagnosticDescriptor ExposedPortNotListening = new(
        RuleIds.ExposedPortNotListening, RuleDescriptors.ExposedPortNotListening.Title, RuleDescriptors.ExposedPortNotListening.MessageFormat,
        RuleCategories.Runtime, DiagnosticSeverity.Info, isEnabledByDefault: true,
        RuleDescriptors.ExposedPortNotListening.Description, RuleDescriptors.ExposedPortNotListening.HelpLinkUri);

    public static readonly DiagnosticDescriptor BuildsAnotherProject = new(
        RuleIds.BuildsAnotherProject, RuleDescriptors.BuildsAnotherProject.Title, RuleDescriptors.BuildsAnotherProject.MessageFormat,
        RuleCategories.Project, DiagnosticSeverity.Info, isEnabledByDefault: true,
        RuleDescriptors.BuildsAnotherProject.Description, RuleDescriptors.BuildsAnotherProject.HelpLinkUri);

    public static readonly DiagnosticDescriptor SyntaxError = new(
        RuleIds.SyntaxError, RuleDescriptors.SyntaxError.Title, RuleDescriptors.SyntaxError.MessageFormat,
        RuleCategories.Syntax, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        RuleDescriptors.SyntaxError.Description, RuleDescriptors.SyntaxError.HelpLinkUri);

    public static DiagnosticDescriptor For(RuleDescriptor rule) => rule.Id switch
    {
        RuleIds.NoBuilderStage => NoBuilderStage,
        RuleIds.FinalStageOnSdkImage => FinalStageOnSdkImage,
        RuleIds.ProjectHasNoDockerfile => ProjectHasNoDockerfile,
        RuleIds.DockerfileFixAvailable => DockerfileFixAvailable,
        RuleIds.DotnetRunInContainer => DotnetRunInContainer,
        RuleIds.RuntimeVersionMismatch => RuntimeVersionMismatch,
        RuleIds.SdkOlderThanTargetFramework => SdkOlderThanTargetFramework,
        RuleIds.RuntimeLacksFramework => RuntimeLacksFramework,
        RuleIds.EntrypointNotThisAssembly => EntrypointNotThisAssembly,
        RuleIds.SilentInvariantGlobalization => SilentInvariantGlobalization,
        RuleIds.RuntimeIdentifierMismatch => RuntimeIdentifierMismatch,
        RuleIds.ExposedPortNotListening => ExposedPortNotListening,
        RuleIds.BuildsAnotherProject => BuildsAnotherProject,
        RuleIds.SyntaxError => SyntaxError,
        _ => throw new System.ArgumentException("No Roslyn descriptor for " + rule.Id, nameof(rule)),
    };
}
