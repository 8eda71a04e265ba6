using ContainerAnalyzers.Infrastructure;
using ContainerAnalyzers.Rules.Definitions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ContainerAnalyzers.Analyzers;

// The rules that need both files: the Dockerfile and the project's facts. As for every rule, one class each;
// the logic lives in the engine.

/// <summary>CTR0007: Container starts the app with 'dotnet run' or 'dotnet watch'.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CTR0007DotnetRunInContainerAnalyzer : DockerfileRuleAnalyzer
{
    public CTR0007DotnetRunInContainerAnalyzer()
        : base(new CTR0007DotnetRunInContainerRule())
    {
    }
}

/// <summary>CTR0020: Runtime image version does not match TargetFramework.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CTR0020RuntimeVersionMismatchAnalyzer : DockerfileRuleAnalyzer
{
    public CTR0020RuntimeVersionMismatchAnalyzer()
        : base(new CTR0020RuntimeVersionMismatchRule())
    {
    }
}

/// <summary>CTR0021: SDK image is older than the TargetFramework.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CTR0021SdkOlderThanTargetFrameworkAnalyzer : DockerfileRuleAnalyzer
{
    public CTR0021SdkOlderThanTargetFrameworkAnalyzer()
        : base(new CTR0021SdkOlderThanTargetFrameworkRule())
    {
    }
}

/// <summary>CTR0022: Runtime image does not carry the framework the app needs.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CTR0022RuntimeLacksFrameworkAnalyzer : DockerfileRuleAnalyzer
{
    public CTR0022RuntimeLacksFrameworkAnalyzer()
        : base(new CTR0022RuntimeLacksFrameworkRule())
    {
    }
}

/// <summary>CTR0023: ENTRYPOINT/CMD does not start this project's assembly.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CTR0023EntrypointNotThisAssemblyAnalyzer : DockerfileRuleAnalyzer
{
    public CTR0023EntrypointNotThisAssemblyAnalyzer()
        : base(new CTR0023EntrypointNotThisAssemblyRule())
    {
    }
}

/// <summary>CTR0024: App silently runs in globalization-invariant mode.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CTR0024SilentInvariantGlobalizationAnalyzer : DockerfileRuleAnalyzer
{
    public CTR0024SilentInvariantGlobalizationAnalyzer()
        : base(new CTR0024SilentInvariantGlobalizationRule())
    {
    }
}

/// <summary>CTR0025: RuntimeIdentifier does not match the image.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CTR0025RuntimeIdentifierMismatchAnalyzer : DockerfileRuleAnalyzer
{
    public CTR0025RuntimeIdentifierMismatchAnalyzer()
        : base(new CTR0025RuntimeIdentifierMismatchRule())
    {
    }
}

/// <summary>CTR0026: Exposed port is not where the app listens.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CTR0026ExposedPortNotListeningAnalyzer : DockerfileRuleAnalyzer
{
    public CTR0026ExposedPortNotListeningAnalyzer()
        : base(new CTR0026ExposedPortNotListeningRule())
    {
    }
}

/// <summary>CTR0027: Dockerfile builds another project.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CTR0027BuildsAnotherProjectAnalyzer : DockerfileRuleAnalyzer
{
    public CTR0027BuildsAnotherProjectAnalyzer()
        : base(new CTR0027BuildsAnotherProjectRule())
    {
    }
}

/// <summary>CTR0028: Native AOT publish on an SDK image without the native toolchain.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CTR0028AotWithoutNativeToolchainAnalyzer : DockerfileRuleAnalyzer
{
    public CTR0028AotWithoutNativeToolchainAnalyzer()
        : base(new CTR0028AotWithoutNativeToolchainRule())
    {
    }
}
