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
        new CTR0090SyntaxErrorRule(),
    };
}
