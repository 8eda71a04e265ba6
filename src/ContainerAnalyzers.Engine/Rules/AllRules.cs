using System.Collections.Generic;
using ContainerAnalyzers.Rules.Definitions;

namespace ContainerAnalyzers.Rules;

/// <summary>
/// Every Dockerfile rule of the engine, for the hosts that run them all outside Roslyn: the fix generator checks
/// its output with them, and the MSBuild task reports with them. A test keeps this list complete.
/// </summary>
public static class AllRules
{
    public static IReadOnlyList<DockerfileRule> DockerfileRules { get; } = new DockerfileRule[]
    {
        new CTR0001NoBuilderStageRule(),
        new CTR0002FinalStageOnSdkImageRule(),
        new CTR0007DotnetRunInContainerRule(),
        new CTR0020RuntimeVersionMismatchRule(),
        new CTR0021SdkOlderThanTargetFrameworkRule(),
        new CTR0022RuntimeLacksFrameworkRule(),
        new CTR0023EntrypointNotThisAssemblyRule(),
        new CTR0024SilentInvariantGlobalizationRule(),
        new CTR0025RuntimeIdentifierMismatchRule(),
        new CTR0026ExposedPortNotListeningRule(),
        new CTR0027BuildsAnotherProjectRule(),
        new CTR0028AotWithoutNativeToolchainRule(),
        new CTR0004UnknownStageReferenceRule(),
        new CTR0005DuplicateStageNameRule(),
        new CTR0006FinalStageHasNoBuildOutputRule(),
        new CTR0010BaseImageNotPinnedRule(),
        new CTR0011FinalImageNotDistrolessRule(),
        new CTR0012DeprecatedImageRepositoryRule(),
        new CTR0013OutOfSupportDotnetRule(),
        new CTR0014InvalidImageReferenceRule(),
        new CTR0030ShellFormWithoutShellRule(),
        new CTR0031RunWithoutShellRule(),
        new CTR0032CommandNotInImageRule(),
        new CTR0033FinalStageRunsAsRootRule(),
        new CTR0040RestoreNotCachedRule(),
        new CTR0041DebugBuildShippedRule(),
        new CTR0042NoDockerIgnoreRule(),
        new CTR0043BuilderNotOnBuildPlatformRule(),
        new CTR0050SecretInArgOrEnvRule(),
        new CTR0051RemoteAddWithoutChecksumRule(),
        new CTR0090SyntaxErrorRule(),
    };
}
