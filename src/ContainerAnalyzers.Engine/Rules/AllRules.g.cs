// Written by src/ContainerAnalyzers.Generator from the rule table (each rule's Definition). Do not edit:
// change the rule class and run the generator.

using System.Collections.Generic;
using ContainerAnalyzers.Rules.Definitions;

namespace ContainerAnalyzers.Rules;

public static partial class AllRules
{
    /// <summary>Every row of the rule table, in id order.</summary>
    public static IReadOnlyList<RuleDescriptor> Descriptors { get; } = new[]
    {
        CTR0001NoBuilderStageRule.Definition,
        CTR0002FinalStageOnSdkImageRule.Definition,
        CTR0003ProjectHasNoDockerfileRule.Definition,
        CTR0004UnknownStageReferenceRule.Definition,
        CTR0005DuplicateStageNameRule.Definition,
        CTR0006FinalStageHasNoBuildOutputRule.Definition,
        CTR0007DotnetRunInContainerRule.Definition,
        CTR0009DockerfileFixAvailableRule.Definition,
        CTR0010BaseImageNotPinnedRule.Definition,
        CTR0011FinalImageNotDistrolessRule.Definition,
        CTR0012DeprecatedImageRepositoryRule.Definition,
        CTR0013OutOfSupportDotnetRule.Definition,
        CTR0014InvalidImageReferenceRule.Definition,
        CTR0020RuntimeVersionMismatchRule.Definition,
        CTR0021SdkOlderThanTargetFrameworkRule.Definition,
        CTR0022RuntimeLacksFrameworkRule.Definition,
        CTR0023EntrypointNotThisAssemblyRule.Definition,
        CTR0024SilentInvariantGlobalizationRule.Definition,
        CTR0025RuntimeIdentifierMismatchRule.Definition,
        CTR0026ExposedPortNotListeningRule.Definition,
        CTR0027BuildsAnotherProjectRule.Definition,
        CTR0028AotWithoutNativeToolchainRule.Definition,
        CTR0029UnknownRuntimeIdentifierRule.Definition,
        CTR0030ShellFormWithoutShellRule.Definition,
        CTR0031RunWithoutShellRule.Definition,
        CTR0032CommandNotInImageRule.Definition,
        CTR0033FinalStageRunsAsRootRule.Definition,
        CTR0034MalformedExecFormRule.Definition,
        CTR0035NoEntrypointRule.Definition,
        CTR0036CmdRepeatsEntrypointRule.Definition,
        CTR0037TimeZoneDataMissingRule.Definition,
        CTR0038CulturesInInvariantModeRule.Definition,
        CTR0039FolderNotWritableRule.Definition,
        CTR0040RestoreNotCachedRule.Definition,
        CTR0041DebugBuildShippedRule.Definition,
        CTR0042NoDockerIgnoreRule.Definition,
        CTR0043BuilderNotOnBuildPlatformRule.Definition,
        CTR0044CopySourceNotInContextRule.Definition,
        CTR0045RestoreLayerMissesBuildFilesRule.Definition,
        CTR0046BuildNeedsFileNotCopiedRule.Definition,
        CTR0050SecretInArgOrEnvRule.Definition,
        CTR0051RemoteAddWithoutChecksumRule.Definition,
        CTR0052NuGetCredentialsInLayerRule.Definition,
        CTR0060PublishedPortNotListeningRule.Definition,
        CTR0061ComposeCommandNotInImageRule.Definition,
        CTR0062ComposeRunsDotnetRunRule.Definition,
        CTR0063ComposeContextMissesProjectRule.Definition,
        CTR0064ComposeUserRootRule.Definition,
        CTR0065DataProtectionKeysLostRule.Definition,
        CTR0066ComposeTargetNotAStageRule.Definition,
        CTR0090SyntaxErrorRule.Definition,
        CTR0091ComposeSyntaxErrorRule.Definition,
        CTR0098FindingsCappedRule.Definition,
        CTR0099RuleFailedRule.Definition,
    };

    /// <summary>Every rule that runs over a Dockerfile, in id order.</summary>
    public static IReadOnlyList<DockerfileRule> DockerfileRules { get; } = new DockerfileRule[]
    {
        new CTR0001NoBuilderStageRule(),
        new CTR0002FinalStageOnSdkImageRule(),
        new CTR0004UnknownStageReferenceRule(),
        new CTR0005DuplicateStageNameRule(),
        new CTR0006FinalStageHasNoBuildOutputRule(),
        new CTR0007DotnetRunInContainerRule(),
        new CTR0010BaseImageNotPinnedRule(),
        new CTR0011FinalImageNotDistrolessRule(),
        new CTR0012DeprecatedImageRepositoryRule(),
        new CTR0013OutOfSupportDotnetRule(),
        new CTR0014InvalidImageReferenceRule(),
        new CTR0020RuntimeVersionMismatchRule(),
        new CTR0021SdkOlderThanTargetFrameworkRule(),
        new CTR0022RuntimeLacksFrameworkRule(),
        new CTR0023EntrypointNotThisAssemblyRule(),
        new CTR0024SilentInvariantGlobalizationRule(),
        new CTR0025RuntimeIdentifierMismatchRule(),
        new CTR0026ExposedPortNotListeningRule(),
        new CTR0027BuildsAnotherProjectRule(),
        new CTR0028AotWithoutNativeToolchainRule(),
        new CTR0029UnknownRuntimeIdentifierRule(),
        new CTR0030ShellFormWithoutShellRule(),
        new CTR0031RunWithoutShellRule(),
        new CTR0032CommandNotInImageRule(),
        new CTR0033FinalStageRunsAsRootRule(),
        new CTR0034MalformedExecFormRule(),
        new CTR0035NoEntrypointRule(),
        new CTR0036CmdRepeatsEntrypointRule(),
        new CTR0037TimeZoneDataMissingRule(),
        new CTR0038CulturesInInvariantModeRule(),
        new CTR0039FolderNotWritableRule(),
        new CTR0040RestoreNotCachedRule(),
        new CTR0041DebugBuildShippedRule(),
        new CTR0042NoDockerIgnoreRule(),
        new CTR0043BuilderNotOnBuildPlatformRule(),
        new CTR0044CopySourceNotInContextRule(),
        new CTR0045RestoreLayerMissesBuildFilesRule(),
        new CTR0046BuildNeedsFileNotCopiedRule(),
        new CTR0050SecretInArgOrEnvRule(),
        new CTR0051RemoteAddWithoutChecksumRule(),
        new CTR0052NuGetCredentialsInLayerRule(),
        new CTR0090SyntaxErrorRule(),
    };

    /// <summary>Every rule that runs over a compose file, in id order.</summary>
    public static IReadOnlyList<ComposeRule> ComposeRules { get; } = new ComposeRule[]
    {
        new CTR0060PublishedPortNotListeningRule(),
        new CTR0061ComposeCommandNotInImageRule(),
        new CTR0062ComposeRunsDotnetRunRule(),
        new CTR0063ComposeContextMissesProjectRule(),
        new CTR0064ComposeUserRootRule(),
        new CTR0065DataProtectionKeysLostRule(),
        new CTR0066ComposeTargetNotAStageRule(),
        new CTR0091ComposeSyntaxErrorRule(),
    };

    /// <summary>Every rule that runs over a project without a Dockerfile, in id order.</summary>
    public static IReadOnlyList<ProjectRule> ProjectRules { get; } = new ProjectRule[]
    {
        new CTR0003ProjectHasNoDockerfileRule(),
    };
}
