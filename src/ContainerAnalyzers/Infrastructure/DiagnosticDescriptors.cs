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

    public static readonly DiagnosticDescriptor AotWithoutNativeToolchain = new(
        RuleIds.AotWithoutNativeToolchain, RuleDescriptors.AotWithoutNativeToolchain.Title, RuleDescriptors.AotWithoutNativeToolchain.MessageFormat,
        RuleCategories.Compatibility, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        RuleDescriptors.AotWithoutNativeToolchain.Description, RuleDescriptors.AotWithoutNativeToolchain.HelpLinkUri);

    public static readonly DiagnosticDescriptor UnknownStageReference = new(
        RuleIds.UnknownStageReference, RuleDescriptors.UnknownStageReference.Title, RuleDescriptors.UnknownStageReference.MessageFormat,
        RuleCategories.Build, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        RuleDescriptors.UnknownStageReference.Description, RuleDescriptors.UnknownStageReference.HelpLinkUri);

    public static readonly DiagnosticDescriptor DuplicateStageName = new(
        RuleIds.DuplicateStageName, RuleDescriptors.DuplicateStageName.Title, RuleDescriptors.DuplicateStageName.MessageFormat,
        RuleCategories.Build, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        RuleDescriptors.DuplicateStageName.Description, RuleDescriptors.DuplicateStageName.HelpLinkUri);

    public static readonly DiagnosticDescriptor FinalStageHasNoBuildOutput = new(
        RuleIds.FinalStageHasNoBuildOutput, RuleDescriptors.FinalStageHasNoBuildOutput.Title, RuleDescriptors.FinalStageHasNoBuildOutput.MessageFormat,
        RuleCategories.Build, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        RuleDescriptors.FinalStageHasNoBuildOutput.Description, RuleDescriptors.FinalStageHasNoBuildOutput.HelpLinkUri);

    public static readonly DiagnosticDescriptor BaseImageNotPinned = new(
        RuleIds.BaseImageNotPinned, RuleDescriptors.BaseImageNotPinned.Title, RuleDescriptors.BaseImageNotPinned.MessageFormat,
        RuleCategories.Image, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        RuleDescriptors.BaseImageNotPinned.Description, RuleDescriptors.BaseImageNotPinned.HelpLinkUri);

    public static readonly DiagnosticDescriptor FinalImageNotDistroless = new(
        RuleIds.FinalImageNotDistroless, RuleDescriptors.FinalImageNotDistroless.Title, RuleDescriptors.FinalImageNotDistroless.MessageFormat,
        RuleCategories.Image, DiagnosticSeverity.Info, isEnabledByDefault: true,
        RuleDescriptors.FinalImageNotDistroless.Description, RuleDescriptors.FinalImageNotDistroless.HelpLinkUri);

    public static readonly DiagnosticDescriptor DeprecatedImageRepository = new(
        RuleIds.DeprecatedImageRepository, RuleDescriptors.DeprecatedImageRepository.Title, RuleDescriptors.DeprecatedImageRepository.MessageFormat,
        RuleCategories.Image, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        RuleDescriptors.DeprecatedImageRepository.Description, RuleDescriptors.DeprecatedImageRepository.HelpLinkUri);

    public static readonly DiagnosticDescriptor OutOfSupportDotnet = new(
        RuleIds.OutOfSupportDotnet, RuleDescriptors.OutOfSupportDotnet.Title, RuleDescriptors.OutOfSupportDotnet.MessageFormat,
        RuleCategories.Image, DiagnosticSeverity.Info, isEnabledByDefault: true,
        RuleDescriptors.OutOfSupportDotnet.Description, RuleDescriptors.OutOfSupportDotnet.HelpLinkUri);

    public static readonly DiagnosticDescriptor InvalidImageReference = new(
        RuleIds.InvalidImageReference, RuleDescriptors.InvalidImageReference.Title, RuleDescriptors.InvalidImageReference.MessageFormat,
        RuleCategories.Image, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        RuleDescriptors.InvalidImageReference.Description, RuleDescriptors.InvalidImageReference.HelpLinkUri);

    public static readonly DiagnosticDescriptor ShellFormWithoutShell = new(
        RuleIds.ShellFormWithoutShell, RuleDescriptors.ShellFormWithoutShell.Title, RuleDescriptors.ShellFormWithoutShell.MessageFormat,
        RuleCategories.Runtime, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        RuleDescriptors.ShellFormWithoutShell.Description, RuleDescriptors.ShellFormWithoutShell.HelpLinkUri);

    public static readonly DiagnosticDescriptor RunWithoutShell = new(
        RuleIds.RunWithoutShell, RuleDescriptors.RunWithoutShell.Title, RuleDescriptors.RunWithoutShell.MessageFormat,
        RuleCategories.Runtime, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        RuleDescriptors.RunWithoutShell.Description, RuleDescriptors.RunWithoutShell.HelpLinkUri);

    public static readonly DiagnosticDescriptor CommandNotInImage = new(
        RuleIds.CommandNotInImage, RuleDescriptors.CommandNotInImage.Title, RuleDescriptors.CommandNotInImage.MessageFormat,
        RuleCategories.Runtime, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        RuleDescriptors.CommandNotInImage.Description, RuleDescriptors.CommandNotInImage.HelpLinkUri);

    public static readonly DiagnosticDescriptor FinalStageRunsAsRoot = new(
        RuleIds.FinalStageRunsAsRoot, RuleDescriptors.FinalStageRunsAsRoot.Title, RuleDescriptors.FinalStageRunsAsRoot.MessageFormat,
        RuleCategories.Runtime, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        RuleDescriptors.FinalStageRunsAsRoot.Description, RuleDescriptors.FinalStageRunsAsRoot.HelpLinkUri);

    public static readonly DiagnosticDescriptor RestoreNotCached = new(
        RuleIds.RestoreNotCached, RuleDescriptors.RestoreNotCached.Title, RuleDescriptors.RestoreNotCached.MessageFormat,
        RuleCategories.Build, DiagnosticSeverity.Info, isEnabledByDefault: true,
        RuleDescriptors.RestoreNotCached.Description, RuleDescriptors.RestoreNotCached.HelpLinkUri);

    public static readonly DiagnosticDescriptor DebugBuildShipped = new(
        RuleIds.DebugBuildShipped, RuleDescriptors.DebugBuildShipped.Title, RuleDescriptors.DebugBuildShipped.MessageFormat,
        RuleCategories.Build, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        RuleDescriptors.DebugBuildShipped.Description, RuleDescriptors.DebugBuildShipped.HelpLinkUri);

    public static readonly DiagnosticDescriptor NoDockerIgnore = new(
        RuleIds.NoDockerIgnore, RuleDescriptors.NoDockerIgnore.Title, RuleDescriptors.NoDockerIgnore.MessageFormat,
        RuleCategories.Build, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        RuleDescriptors.NoDockerIgnore.Description, RuleDescriptors.NoDockerIgnore.HelpLinkUri);

    public static readonly DiagnosticDescriptor BuilderNotOnBuildPlatform = new(
        RuleIds.BuilderNotOnBuildPlatform, RuleDescriptors.BuilderNotOnBuildPlatform.Title, RuleDescriptors.BuilderNotOnBuildPlatform.MessageFormat,
        RuleCategories.Build, DiagnosticSeverity.Info, isEnabledByDefault: true,
        RuleDescriptors.BuilderNotOnBuildPlatform.Description, RuleDescriptors.BuilderNotOnBuildPlatform.HelpLinkUri);

    public static readonly DiagnosticDescriptor SecretInArgOrEnv = new(
        RuleIds.SecretInArgOrEnv, RuleDescriptors.SecretInArgOrEnv.Title, RuleDescriptors.SecretInArgOrEnv.MessageFormat,
        RuleCategories.Security, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        RuleDescriptors.SecretInArgOrEnv.Description, RuleDescriptors.SecretInArgOrEnv.HelpLinkUri);

    public static readonly DiagnosticDescriptor RemoteAddWithoutChecksum = new(
        RuleIds.RemoteAddWithoutChecksum, RuleDescriptors.RemoteAddWithoutChecksum.Title, RuleDescriptors.RemoteAddWithoutChecksum.MessageFormat,
        RuleCategories.Security, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        RuleDescriptors.RemoteAddWithoutChecksum.Description, RuleDescriptors.RemoteAddWithoutChecksum.HelpLinkUri);

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
        RuleIds.AotWithoutNativeToolchain => AotWithoutNativeToolchain,
        RuleIds.UnknownStageReference => UnknownStageReference,
        RuleIds.DuplicateStageName => DuplicateStageName,
        RuleIds.FinalStageHasNoBuildOutput => FinalStageHasNoBuildOutput,
        RuleIds.BaseImageNotPinned => BaseImageNotPinned,
        RuleIds.FinalImageNotDistroless => FinalImageNotDistroless,
        RuleIds.DeprecatedImageRepository => DeprecatedImageRepository,
        RuleIds.OutOfSupportDotnet => OutOfSupportDotnet,
        RuleIds.InvalidImageReference => InvalidImageReference,
        RuleIds.ShellFormWithoutShell => ShellFormWithoutShell,
        RuleIds.RunWithoutShell => RunWithoutShell,
        RuleIds.CommandNotInImage => CommandNotInImage,
        RuleIds.FinalStageRunsAsRoot => FinalStageRunsAsRoot,
        RuleIds.RestoreNotCached => RestoreNotCached,
        RuleIds.DebugBuildShipped => DebugBuildShipped,
        RuleIds.NoDockerIgnore => NoDockerIgnore,
        RuleIds.BuilderNotOnBuildPlatform => BuilderNotOnBuildPlatform,
        RuleIds.SecretInArgOrEnv => SecretInArgOrEnv,
        RuleIds.RemoteAddWithoutChecksum => RemoteAddWithoutChecksum,
        RuleIds.SyntaxError => SyntaxError,
        _ => throw new System.ArgumentException("No Roslyn descriptor for " + rule.Id, nameof(rule)),
    };
}
