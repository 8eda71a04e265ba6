// Written by src/ContainerAnalyzers.Generator from the rule table (each rule's Definition). Do not edit:
// change the rule class and run the generator.

using System.Collections.Immutable;
using ContainerAnalyzers.Rules.Definitions;
using Microsoft.CodeAnalysis;

namespace ContainerAnalyzers.Infrastructure;

internal static partial class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor CTR0001 = new(
        "CTR0001", CTR0001NoBuilderStageRule.Definition.Title, CTR0001NoBuilderStageRule.Definition.MessageFormat, "Container.Build", DiagnosticSeverity.Warning, isEnabledByDefault: true,
        CTR0001NoBuilderStageRule.Definition.Description, CTR0001NoBuilderStageRule.Definition.HelpLinkUri);

    public static readonly DiagnosticDescriptor CTR0002 = new(
        "CTR0002", CTR0002FinalStageOnSdkImageRule.Definition.Title, CTR0002FinalStageOnSdkImageRule.Definition.MessageFormat, "Container.Image", DiagnosticSeverity.Warning, isEnabledByDefault: true,
        CTR0002FinalStageOnSdkImageRule.Definition.Description, CTR0002FinalStageOnSdkImageRule.Definition.HelpLinkUri);

    public static readonly DiagnosticDescriptor CTR0003 = new(
        "CTR0003", CTR0003ProjectHasNoDockerfileRule.Definition.Title, CTR0003ProjectHasNoDockerfileRule.Definition.MessageFormat, "Container.Project", DiagnosticSeverity.Info, isEnabledByDefault: true,
        CTR0003ProjectHasNoDockerfileRule.Definition.Description, CTR0003ProjectHasNoDockerfileRule.Definition.HelpLinkUri);

    public static readonly DiagnosticDescriptor CTR0004 = new(
        "CTR0004", CTR0004UnknownStageReferenceRule.Definition.Title, CTR0004UnknownStageReferenceRule.Definition.MessageFormat, "Container.Build", DiagnosticSeverity.Warning, isEnabledByDefault: true,
        CTR0004UnknownStageReferenceRule.Definition.Description, CTR0004UnknownStageReferenceRule.Definition.HelpLinkUri);

    public static readonly DiagnosticDescriptor CTR0005 = new(
        "CTR0005", CTR0005DuplicateStageNameRule.Definition.Title, CTR0005DuplicateStageNameRule.Definition.MessageFormat, "Container.Build", DiagnosticSeverity.Warning, isEnabledByDefault: true,
        CTR0005DuplicateStageNameRule.Definition.Description, CTR0005DuplicateStageNameRule.Definition.HelpLinkUri);

    public static readonly DiagnosticDescriptor CTR0006 = new(
        "CTR0006", CTR0006FinalStageHasNoBuildOutputRule.Definition.Title, CTR0006FinalStageHasNoBuildOutputRule.Definition.MessageFormat, "Container.Build", DiagnosticSeverity.Warning, isEnabledByDefault: true,
        CTR0006FinalStageHasNoBuildOutputRule.Definition.Description, CTR0006FinalStageHasNoBuildOutputRule.Definition.HelpLinkUri);

    public static readonly DiagnosticDescriptor CTR0007 = new(
        "CTR0007", CTR0007DotnetRunInContainerRule.Definition.Title, CTR0007DotnetRunInContainerRule.Definition.MessageFormat, "Container.Runtime", DiagnosticSeverity.Warning, isEnabledByDefault: true,
        CTR0007DotnetRunInContainerRule.Definition.Description, CTR0007DotnetRunInContainerRule.Definition.HelpLinkUri);

    public static readonly DiagnosticDescriptor CTR0009 = new(
        "CTR0009", CTR0009DockerfileFixAvailableRule.Definition.Title, CTR0009DockerfileFixAvailableRule.Definition.MessageFormat, "Container.Project", DiagnosticSeverity.Hidden, isEnabledByDefault: true,
        CTR0009DockerfileFixAvailableRule.Definition.Description, CTR0009DockerfileFixAvailableRule.Definition.HelpLinkUri);

    public static readonly DiagnosticDescriptor CTR0010 = new(
        "CTR0010", CTR0010BaseImageNotPinnedRule.Definition.Title, CTR0010BaseImageNotPinnedRule.Definition.MessageFormat, "Container.Image", DiagnosticSeverity.Warning, isEnabledByDefault: true,
        CTR0010BaseImageNotPinnedRule.Definition.Description, CTR0010BaseImageNotPinnedRule.Definition.HelpLinkUri);

    public static readonly DiagnosticDescriptor CTR0011 = new(
        "CTR0011", CTR0011FinalImageNotDistrolessRule.Definition.Title, CTR0011FinalImageNotDistrolessRule.Definition.MessageFormat, "Container.Image", DiagnosticSeverity.Info, isEnabledByDefault: true,
        CTR0011FinalImageNotDistrolessRule.Definition.Description, CTR0011FinalImageNotDistrolessRule.Definition.HelpLinkUri);

    public static readonly DiagnosticDescriptor CTR0012 = new(
        "CTR0012", CTR0012DeprecatedImageRepositoryRule.Definition.Title, CTR0012DeprecatedImageRepositoryRule.Definition.MessageFormat, "Container.Image", DiagnosticSeverity.Warning, isEnabledByDefault: true,
        CTR0012DeprecatedImageRepositoryRule.Definition.Description, CTR0012DeprecatedImageRepositoryRule.Definition.HelpLinkUri);

    public static readonly DiagnosticDescriptor CTR0013 = new(
        "CTR0013", CTR0013OutOfSupportDotnetRule.Definition.Title, CTR0013OutOfSupportDotnetRule.Definition.MessageFormat, "Container.Image", DiagnosticSeverity.Info, isEnabledByDefault: true,
        CTR0013OutOfSupportDotnetRule.Definition.Description, CTR0013OutOfSupportDotnetRule.Definition.HelpLinkUri);

    public static readonly DiagnosticDescriptor CTR0014 = new(
        "CTR0014", CTR0014InvalidImageReferenceRule.Definition.Title, CTR0014InvalidImageReferenceRule.Definition.MessageFormat, "Container.Image", DiagnosticSeverity.Warning, isEnabledByDefault: true,
        CTR0014InvalidImageReferenceRule.Definition.Description, CTR0014InvalidImageReferenceRule.Definition.HelpLinkUri);

    public static readonly DiagnosticDescriptor CTR0020 = new(
        "CTR0020", CTR0020RuntimeVersionMismatchRule.Definition.Title, CTR0020RuntimeVersionMismatchRule.Definition.MessageFormat, "Container.Compatibility", DiagnosticSeverity.Warning, isEnabledByDefault: true,
        CTR0020RuntimeVersionMismatchRule.Definition.Description, CTR0020RuntimeVersionMismatchRule.Definition.HelpLinkUri);

    public static readonly DiagnosticDescriptor CTR0021 = new(
        "CTR0021", CTR0021SdkOlderThanTargetFrameworkRule.Definition.Title, CTR0021SdkOlderThanTargetFrameworkRule.Definition.MessageFormat, "Container.Compatibility", DiagnosticSeverity.Warning, isEnabledByDefault: true,
        CTR0021SdkOlderThanTargetFrameworkRule.Definition.Description, CTR0021SdkOlderThanTargetFrameworkRule.Definition.HelpLinkUri);

    public static readonly DiagnosticDescriptor CTR0022 = new(
        "CTR0022", CTR0022RuntimeLacksFrameworkRule.Definition.Title, CTR0022RuntimeLacksFrameworkRule.Definition.MessageFormat, "Container.Compatibility", DiagnosticSeverity.Warning, isEnabledByDefault: true,
        CTR0022RuntimeLacksFrameworkRule.Definition.Description, CTR0022RuntimeLacksFrameworkRule.Definition.HelpLinkUri);

    public static readonly DiagnosticDescriptor CTR0023 = new(
        "CTR0023", CTR0023EntrypointNotThisAssemblyRule.Definition.Title, CTR0023EntrypointNotThisAssemblyRule.Definition.MessageFormat, "Container.Runtime", DiagnosticSeverity.Warning, isEnabledByDefault: true,
        CTR0023EntrypointNotThisAssemblyRule.Definition.Description, CTR0023EntrypointNotThisAssemblyRule.Definition.HelpLinkUri);

    public static readonly DiagnosticDescriptor CTR0024 = new(
        "CTR0024", CTR0024SilentInvariantGlobalizationRule.Definition.Title, CTR0024SilentInvariantGlobalizationRule.Definition.MessageFormat, "Container.Compatibility", DiagnosticSeverity.Warning, isEnabledByDefault: true,
        CTR0024SilentInvariantGlobalizationRule.Definition.Description, CTR0024SilentInvariantGlobalizationRule.Definition.HelpLinkUri);

    public static readonly DiagnosticDescriptor CTR0025 = new(
        "CTR0025", CTR0025RuntimeIdentifierMismatchRule.Definition.Title, CTR0025RuntimeIdentifierMismatchRule.Definition.MessageFormat, "Container.Compatibility", DiagnosticSeverity.Warning, isEnabledByDefault: true,
        CTR0025RuntimeIdentifierMismatchRule.Definition.Description, CTR0025RuntimeIdentifierMismatchRule.Definition.HelpLinkUri);

    public static readonly DiagnosticDescriptor CTR0026 = new(
        "CTR0026", CTR0026ExposedPortNotListeningRule.Definition.Title, CTR0026ExposedPortNotListeningRule.Definition.MessageFormat, "Container.Runtime", DiagnosticSeverity.Info, isEnabledByDefault: true,
        CTR0026ExposedPortNotListeningRule.Definition.Description, CTR0026ExposedPortNotListeningRule.Definition.HelpLinkUri);

    public static readonly DiagnosticDescriptor CTR0027 = new(
        "CTR0027", CTR0027BuildsAnotherProjectRule.Definition.Title, CTR0027BuildsAnotherProjectRule.Definition.MessageFormat, "Container.Project", DiagnosticSeverity.Info, isEnabledByDefault: true,
        CTR0027BuildsAnotherProjectRule.Definition.Description, CTR0027BuildsAnotherProjectRule.Definition.HelpLinkUri);

    public static readonly DiagnosticDescriptor CTR0028 = new(
        "CTR0028", CTR0028AotWithoutNativeToolchainRule.Definition.Title, CTR0028AotWithoutNativeToolchainRule.Definition.MessageFormat, "Container.Compatibility", DiagnosticSeverity.Warning, isEnabledByDefault: true,
        CTR0028AotWithoutNativeToolchainRule.Definition.Description, CTR0028AotWithoutNativeToolchainRule.Definition.HelpLinkUri);

    public static readonly DiagnosticDescriptor CTR0029 = new(
        "CTR0029", CTR0029UnknownRuntimeIdentifierRule.Definition.Title, CTR0029UnknownRuntimeIdentifierRule.Definition.MessageFormat, "Container.Compatibility", DiagnosticSeverity.Warning, isEnabledByDefault: true,
        CTR0029UnknownRuntimeIdentifierRule.Definition.Description, CTR0029UnknownRuntimeIdentifierRule.Definition.HelpLinkUri);

    public static readonly DiagnosticDescriptor CTR0030 = new(
        "CTR0030", CTR0030ShellFormWithoutShellRule.Definition.Title, CTR0030ShellFormWithoutShellRule.Definition.MessageFormat, "Container.Runtime", DiagnosticSeverity.Warning, isEnabledByDefault: true,
        CTR0030ShellFormWithoutShellRule.Definition.Description, CTR0030ShellFormWithoutShellRule.Definition.HelpLinkUri);

    public static readonly DiagnosticDescriptor CTR0031 = new(
        "CTR0031", CTR0031RunWithoutShellRule.Definition.Title, CTR0031RunWithoutShellRule.Definition.MessageFormat, "Container.Runtime", DiagnosticSeverity.Warning, isEnabledByDefault: true,
        CTR0031RunWithoutShellRule.Definition.Description, CTR0031RunWithoutShellRule.Definition.HelpLinkUri);

    public static readonly DiagnosticDescriptor CTR0032 = new(
        "CTR0032", CTR0032CommandNotInImageRule.Definition.Title, CTR0032CommandNotInImageRule.Definition.MessageFormat, "Container.Runtime", DiagnosticSeverity.Warning, isEnabledByDefault: true,
        CTR0032CommandNotInImageRule.Definition.Description, CTR0032CommandNotInImageRule.Definition.HelpLinkUri);

    public static readonly DiagnosticDescriptor CTR0033 = new(
        "CTR0033", CTR0033FinalStageRunsAsRootRule.Definition.Title, CTR0033FinalStageRunsAsRootRule.Definition.MessageFormat, "Container.Runtime", DiagnosticSeverity.Warning, isEnabledByDefault: true,
        CTR0033FinalStageRunsAsRootRule.Definition.Description, CTR0033FinalStageRunsAsRootRule.Definition.HelpLinkUri);

    public static readonly DiagnosticDescriptor CTR0034 = new(
        "CTR0034", CTR0034MalformedExecFormRule.Definition.Title, CTR0034MalformedExecFormRule.Definition.MessageFormat, "Container.Runtime", DiagnosticSeverity.Warning, isEnabledByDefault: true,
        CTR0034MalformedExecFormRule.Definition.Description, CTR0034MalformedExecFormRule.Definition.HelpLinkUri);

    public static readonly DiagnosticDescriptor CTR0035 = new(
        "CTR0035", CTR0035NoEntrypointRule.Definition.Title, CTR0035NoEntrypointRule.Definition.MessageFormat, "Container.Runtime", DiagnosticSeverity.Warning, isEnabledByDefault: true,
        CTR0035NoEntrypointRule.Definition.Description, CTR0035NoEntrypointRule.Definition.HelpLinkUri);

    public static readonly DiagnosticDescriptor CTR0036 = new(
        "CTR0036", CTR0036CmdRepeatsEntrypointRule.Definition.Title, CTR0036CmdRepeatsEntrypointRule.Definition.MessageFormat, "Container.Runtime", DiagnosticSeverity.Warning, isEnabledByDefault: true,
        CTR0036CmdRepeatsEntrypointRule.Definition.Description, CTR0036CmdRepeatsEntrypointRule.Definition.HelpLinkUri);

    public static readonly DiagnosticDescriptor CTR0037 = new(
        "CTR0037", CTR0037TimeZoneDataMissingRule.Definition.Title, CTR0037TimeZoneDataMissingRule.Definition.MessageFormat, "Container.Runtime", DiagnosticSeverity.Warning, isEnabledByDefault: true,
        CTR0037TimeZoneDataMissingRule.Definition.Description, CTR0037TimeZoneDataMissingRule.Definition.HelpLinkUri);

    public static readonly DiagnosticDescriptor CTR0038 = new(
        "CTR0038", CTR0038CulturesInInvariantModeRule.Definition.Title, CTR0038CulturesInInvariantModeRule.Definition.MessageFormat, "Container.Runtime", DiagnosticSeverity.Warning, isEnabledByDefault: true,
        CTR0038CulturesInInvariantModeRule.Definition.Description, CTR0038CulturesInInvariantModeRule.Definition.HelpLinkUri);

    public static readonly DiagnosticDescriptor CTR0039 = new(
        "CTR0039", CTR0039FolderNotWritableRule.Definition.Title, CTR0039FolderNotWritableRule.Definition.MessageFormat, "Container.Runtime", DiagnosticSeverity.Warning, isEnabledByDefault: true,
        CTR0039FolderNotWritableRule.Definition.Description, CTR0039FolderNotWritableRule.Definition.HelpLinkUri);

    public static readonly DiagnosticDescriptor CTR0040 = new(
        "CTR0040", CTR0040RestoreNotCachedRule.Definition.Title, CTR0040RestoreNotCachedRule.Definition.MessageFormat, "Container.Build", DiagnosticSeverity.Info, isEnabledByDefault: true,
        CTR0040RestoreNotCachedRule.Definition.Description, CTR0040RestoreNotCachedRule.Definition.HelpLinkUri);

    public static readonly DiagnosticDescriptor CTR0041 = new(
        "CTR0041", CTR0041DebugBuildShippedRule.Definition.Title, CTR0041DebugBuildShippedRule.Definition.MessageFormat, "Container.Build", DiagnosticSeverity.Warning, isEnabledByDefault: true,
        CTR0041DebugBuildShippedRule.Definition.Description, CTR0041DebugBuildShippedRule.Definition.HelpLinkUri);

    public static readonly DiagnosticDescriptor CTR0042 = new(
        "CTR0042", CTR0042NoDockerIgnoreRule.Definition.Title, CTR0042NoDockerIgnoreRule.Definition.MessageFormat, "Container.Build", DiagnosticSeverity.Warning, isEnabledByDefault: true,
        CTR0042NoDockerIgnoreRule.Definition.Description, CTR0042NoDockerIgnoreRule.Definition.HelpLinkUri);

    public static readonly DiagnosticDescriptor CTR0043 = new(
        "CTR0043", CTR0043BuilderNotOnBuildPlatformRule.Definition.Title, CTR0043BuilderNotOnBuildPlatformRule.Definition.MessageFormat, "Container.Build", DiagnosticSeverity.Info, isEnabledByDefault: true,
        CTR0043BuilderNotOnBuildPlatformRule.Definition.Description, CTR0043BuilderNotOnBuildPlatformRule.Definition.HelpLinkUri);

    public static readonly DiagnosticDescriptor CTR0044 = new(
        "CTR0044", CTR0044CopySourceNotInContextRule.Definition.Title, CTR0044CopySourceNotInContextRule.Definition.MessageFormat, "Container.Build", DiagnosticSeverity.Warning, isEnabledByDefault: true,
        CTR0044CopySourceNotInContextRule.Definition.Description, CTR0044CopySourceNotInContextRule.Definition.HelpLinkUri);

    public static readonly DiagnosticDescriptor CTR0045 = new(
        "CTR0045", CTR0045RestoreLayerMissesBuildFilesRule.Definition.Title, CTR0045RestoreLayerMissesBuildFilesRule.Definition.MessageFormat, "Container.Build", DiagnosticSeverity.Warning, isEnabledByDefault: true,
        CTR0045RestoreLayerMissesBuildFilesRule.Definition.Description, CTR0045RestoreLayerMissesBuildFilesRule.Definition.HelpLinkUri);

    public static readonly DiagnosticDescriptor CTR0046 = new(
        "CTR0046", CTR0046BuildNeedsFileNotCopiedRule.Definition.Title, CTR0046BuildNeedsFileNotCopiedRule.Definition.MessageFormat, "Container.Build", DiagnosticSeverity.Warning, isEnabledByDefault: true,
        CTR0046BuildNeedsFileNotCopiedRule.Definition.Description, CTR0046BuildNeedsFileNotCopiedRule.Definition.HelpLinkUri);

    public static readonly DiagnosticDescriptor CTR0050 = new(
        "CTR0050", CTR0050SecretInArgOrEnvRule.Definition.Title, CTR0050SecretInArgOrEnvRule.Definition.MessageFormat, "Container.Security", DiagnosticSeverity.Warning, isEnabledByDefault: true,
        CTR0050SecretInArgOrEnvRule.Definition.Description, CTR0050SecretInArgOrEnvRule.Definition.HelpLinkUri);

    public static readonly DiagnosticDescriptor CTR0051 = new(
        "CTR0051", CTR0051RemoteAddWithoutChecksumRule.Definition.Title, CTR0051RemoteAddWithoutChecksumRule.Definition.MessageFormat, "Container.Security", DiagnosticSeverity.Warning, isEnabledByDefault: true,
        CTR0051RemoteAddWithoutChecksumRule.Definition.Description, CTR0051RemoteAddWithoutChecksumRule.Definition.HelpLinkUri);

    public static readonly DiagnosticDescriptor CTR0052 = new(
        "CTR0052", CTR0052NuGetCredentialsInLayerRule.Definition.Title, CTR0052NuGetCredentialsInLayerRule.Definition.MessageFormat, "Container.Security", DiagnosticSeverity.Warning, isEnabledByDefault: true,
        CTR0052NuGetCredentialsInLayerRule.Definition.Description, CTR0052NuGetCredentialsInLayerRule.Definition.HelpLinkUri);

    public static readonly DiagnosticDescriptor CTR0060 = new(
        "CTR0060", CTR0060PublishedPortNotListeningRule.Definition.Title, CTR0060PublishedPortNotListeningRule.Definition.MessageFormat, "Container.Runtime", DiagnosticSeverity.Warning, isEnabledByDefault: true,
        CTR0060PublishedPortNotListeningRule.Definition.Description, CTR0060PublishedPortNotListeningRule.Definition.HelpLinkUri);

    public static readonly DiagnosticDescriptor CTR0061 = new(
        "CTR0061", CTR0061ComposeCommandNotInImageRule.Definition.Title, CTR0061ComposeCommandNotInImageRule.Definition.MessageFormat, "Container.Runtime", DiagnosticSeverity.Warning, isEnabledByDefault: true,
        CTR0061ComposeCommandNotInImageRule.Definition.Description, CTR0061ComposeCommandNotInImageRule.Definition.HelpLinkUri);

    public static readonly DiagnosticDescriptor CTR0062 = new(
        "CTR0062", CTR0062ComposeRunsDotnetRunRule.Definition.Title, CTR0062ComposeRunsDotnetRunRule.Definition.MessageFormat, "Container.Runtime", DiagnosticSeverity.Warning, isEnabledByDefault: true,
        CTR0062ComposeRunsDotnetRunRule.Definition.Description, CTR0062ComposeRunsDotnetRunRule.Definition.HelpLinkUri);

    public static readonly DiagnosticDescriptor CTR0063 = new(
        "CTR0063", CTR0063ComposeContextMissesProjectRule.Definition.Title, CTR0063ComposeContextMissesProjectRule.Definition.MessageFormat, "Container.Build", DiagnosticSeverity.Warning, isEnabledByDefault: true,
        CTR0063ComposeContextMissesProjectRule.Definition.Description, CTR0063ComposeContextMissesProjectRule.Definition.HelpLinkUri);

    public static readonly DiagnosticDescriptor CTR0064 = new(
        "CTR0064", CTR0064ComposeUserRootRule.Definition.Title, CTR0064ComposeUserRootRule.Definition.MessageFormat, "Container.Security", DiagnosticSeverity.Info, isEnabledByDefault: true,
        CTR0064ComposeUserRootRule.Definition.Description, CTR0064ComposeUserRootRule.Definition.HelpLinkUri);

    public static readonly DiagnosticDescriptor CTR0065 = new(
        "CTR0065", CTR0065DataProtectionKeysLostRule.Definition.Title, CTR0065DataProtectionKeysLostRule.Definition.MessageFormat, "Container.Runtime", DiagnosticSeverity.Info, isEnabledByDefault: true,
        CTR0065DataProtectionKeysLostRule.Definition.Description, CTR0065DataProtectionKeysLostRule.Definition.HelpLinkUri);

    public static readonly DiagnosticDescriptor CTR0066 = new(
        "CTR0066", CTR0066ComposeTargetNotAStageRule.Definition.Title, CTR0066ComposeTargetNotAStageRule.Definition.MessageFormat, "Container.Build", DiagnosticSeverity.Warning, isEnabledByDefault: true,
        CTR0066ComposeTargetNotAStageRule.Definition.Description, CTR0066ComposeTargetNotAStageRule.Definition.HelpLinkUri);

    public static readonly DiagnosticDescriptor CTR0090 = new(
        "CTR0090", CTR0090SyntaxErrorRule.Definition.Title, CTR0090SyntaxErrorRule.Definition.MessageFormat, "Container.Syntax", DiagnosticSeverity.Warning, isEnabledByDefault: true,
        CTR0090SyntaxErrorRule.Definition.Description, CTR0090SyntaxErrorRule.Definition.HelpLinkUri);

    public static readonly DiagnosticDescriptor CTR0091 = new(
        "CTR0091", CTR0091ComposeSyntaxErrorRule.Definition.Title, CTR0091ComposeSyntaxErrorRule.Definition.MessageFormat, "Container.Syntax", DiagnosticSeverity.Warning, isEnabledByDefault: true,
        CTR0091ComposeSyntaxErrorRule.Definition.Description, CTR0091ComposeSyntaxErrorRule.Definition.HelpLinkUri);

    public static readonly DiagnosticDescriptor CTR0098 = new(
        "CTR0098", CTR0098FindingsCappedRule.Definition.Title, CTR0098FindingsCappedRule.Definition.MessageFormat, "Container.Syntax", DiagnosticSeverity.Info, isEnabledByDefault: true,
        CTR0098FindingsCappedRule.Definition.Description, CTR0098FindingsCappedRule.Definition.HelpLinkUri);

    public static readonly DiagnosticDescriptor CTR0099 = new(
        "CTR0099", CTR0099RuleFailedRule.Definition.Title, CTR0099RuleFailedRule.Definition.MessageFormat, "Container.Syntax", DiagnosticSeverity.Info, isEnabledByDefault: true,
        CTR0099RuleFailedRule.Definition.Description, CTR0099RuleFailedRule.Definition.HelpLinkUri);

    /// <summary>Every descriptor, in id order.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(
        CTR0001,
        CTR0002,
        CTR0003,
        CTR0004,
        CTR0005,
        CTR0006,
        CTR0007,
        CTR0009,
        CTR0010,
        CTR0011,
        CTR0012,
        CTR0013,
        CTR0014,
        CTR0020,
        CTR0021,
        CTR0022,
        CTR0023,
        CTR0024,
        CTR0025,
        CTR0026,
        CTR0027,
        CTR0028,
        CTR0029,
        CTR0030,
        CTR0031,
        CTR0032,
        CTR0033,
        CTR0034,
        CTR0035,
        CTR0036,
        CTR0037,
        CTR0038,
        CTR0039,
        CTR0040,
        CTR0041,
        CTR0042,
        CTR0043,
        CTR0044,
        CTR0045,
        CTR0046,
        CTR0050,
        CTR0051,
        CTR0052,
        CTR0060,
        CTR0061,
        CTR0062,
        CTR0063,
        CTR0064,
        CTR0065,
        CTR0066,
        CTR0090,
        CTR0091,
        CTR0098,
        CTR0099);

    public static DiagnosticDescriptor? ForId(string id) => id switch
    {
        "CTR0001" => CTR0001,
        "CTR0002" => CTR0002,
        "CTR0003" => CTR0003,
        "CTR0004" => CTR0004,
        "CTR0005" => CTR0005,
        "CTR0006" => CTR0006,
        "CTR0007" => CTR0007,
        "CTR0009" => CTR0009,
        "CTR0010" => CTR0010,
        "CTR0011" => CTR0011,
        "CTR0012" => CTR0012,
        "CTR0013" => CTR0013,
        "CTR0014" => CTR0014,
        "CTR0020" => CTR0020,
        "CTR0021" => CTR0021,
        "CTR0022" => CTR0022,
        "CTR0023" => CTR0023,
        "CTR0024" => CTR0024,
        "CTR0025" => CTR0025,
        "CTR0026" => CTR0026,
        "CTR0027" => CTR0027,
        "CTR0028" => CTR0028,
        "CTR0029" => CTR0029,
        "CTR0030" => CTR0030,
        "CTR0031" => CTR0031,
        "CTR0032" => CTR0032,
        "CTR0033" => CTR0033,
        "CTR0034" => CTR0034,
        "CTR0035" => CTR0035,
        "CTR0036" => CTR0036,
        "CTR0037" => CTR0037,
        "CTR0038" => CTR0038,
        "CTR0039" => CTR0039,
        "CTR0040" => CTR0040,
        "CTR0041" => CTR0041,
        "CTR0042" => CTR0042,
        "CTR0043" => CTR0043,
        "CTR0044" => CTR0044,
        "CTR0045" => CTR0045,
        "CTR0046" => CTR0046,
        "CTR0050" => CTR0050,
        "CTR0051" => CTR0051,
        "CTR0052" => CTR0052,
        "CTR0060" => CTR0060,
        "CTR0061" => CTR0061,
        "CTR0062" => CTR0062,
        "CTR0063" => CTR0063,
        "CTR0064" => CTR0064,
        "CTR0065" => CTR0065,
        "CTR0066" => CTR0066,
        "CTR0090" => CTR0090,
        "CTR0091" => CTR0091,
        "CTR0098" => CTR0098,
        "CTR0099" => CTR0099,
        _ => null,
    };
}
