using ContainerAnalyzers.Infrastructure;
using ContainerAnalyzers.Rules.Definitions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ContainerAnalyzers.Analyzers;

// Stage, image, shell-less image, build hygiene and security rules. One class per rule; the logic lives in the engine.

/// <summary>CTR0004: Unknown or invalid stage reference.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CTR0004UnknownStageReferenceAnalyzer : DockerfileRuleAnalyzer
{
    public CTR0004UnknownStageReferenceAnalyzer()
        : base(new CTR0004UnknownStageReferenceRule())
    {
    }
}

/// <summary>CTR0005: Duplicate stage name.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CTR0005DuplicateStageNameAnalyzer : DockerfileRuleAnalyzer
{
    public CTR0005DuplicateStageNameAnalyzer()
        : base(new CTR0005DuplicateStageNameRule())
    {
    }
}

/// <summary>CTR0006: The final stage never receives the build output.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CTR0006FinalStageHasNoBuildOutputAnalyzer : DockerfileRuleAnalyzer
{
    public CTR0006FinalStageHasNoBuildOutputAnalyzer()
        : base(new CTR0006FinalStageHasNoBuildOutputRule())
    {
    }
}

/// <summary>CTR0010: Base image is not pinned.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CTR0010BaseImageNotPinnedAnalyzer : DockerfileRuleAnalyzer
{
    public CTR0010BaseImageNotPinnedAnalyzer()
        : base(new CTR0010BaseImageNotPinnedRule())
    {
    }
}

/// <summary>CTR0011: Final image is not distroless.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CTR0011FinalImageNotDistrolessAnalyzer : DockerfileRuleAnalyzer
{
    public CTR0011FinalImageNotDistrolessAnalyzer()
        : base(new CTR0011FinalImageNotDistrolessRule())
    {
    }
}

/// <summary>CTR0012: Deprecated .NET image repository.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CTR0012DeprecatedImageRepositoryAnalyzer : DockerfileRuleAnalyzer
{
    public CTR0012DeprecatedImageRepositoryAnalyzer()
        : base(new CTR0012DeprecatedImageRepositoryRule())
    {
    }
}

/// <summary>CTR0013: Out-of-support .NET version.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CTR0013OutOfSupportDotnetAnalyzer : DockerfileRuleAnalyzer
{
    public CTR0013OutOfSupportDotnetAnalyzer()
        : base(new CTR0013OutOfSupportDotnetRule())
    {
    }
}

/// <summary>CTR0014: Invalid image reference.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CTR0014InvalidImageReferenceAnalyzer : DockerfileRuleAnalyzer
{
    public CTR0014InvalidImageReferenceAnalyzer()
        : base(new CTR0014InvalidImageReferenceRule())
    {
    }
}

/// <summary>CTR0030: Shell form on an image without a shell.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CTR0030ShellFormWithoutShellAnalyzer : DockerfileRuleAnalyzer
{
    public CTR0030ShellFormWithoutShellAnalyzer()
        : base(new CTR0030ShellFormWithoutShellRule())
    {
    }
}

/// <summary>CTR0031: RUN on an image without a shell.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CTR0031RunWithoutShellAnalyzer : DockerfileRuleAnalyzer
{
    public CTR0031RunWithoutShellAnalyzer()
        : base(new CTR0031RunWithoutShellRule())
    {
    }
}

/// <summary>CTR0032: Command not present in the image.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CTR0032CommandNotInImageAnalyzer : DockerfileRuleAnalyzer
{
    public CTR0032CommandNotInImageAnalyzer()
        : base(new CTR0032CommandNotInImageRule())
    {
    }
}

/// <summary>CTR0033: Final stage runs as root.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CTR0033FinalStageRunsAsRootAnalyzer : DockerfileRuleAnalyzer
{
    public CTR0033FinalStageRunsAsRootAnalyzer()
        : base(new CTR0033FinalStageRunsAsRootRule())
    {
    }
}

/// <summary>CTR0040: Restore is not cached.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CTR0040RestoreNotCachedAnalyzer : DockerfileRuleAnalyzer
{
    public CTR0040RestoreNotCachedAnalyzer()
        : base(new CTR0040RestoreNotCachedRule())
    {
    }
}

/// <summary>CTR0041: Debug build shipped.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CTR0041DebugBuildShippedAnalyzer : DockerfileRuleAnalyzer
{
    public CTR0041DebugBuildShippedAnalyzer()
        : base(new CTR0041DebugBuildShippedRule())
    {
    }
}

/// <summary>CTR0042: No .dockerignore.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CTR0042NoDockerIgnoreAnalyzer : DockerfileRuleAnalyzer
{
    public CTR0042NoDockerIgnoreAnalyzer()
        : base(new CTR0042NoDockerIgnoreRule())
    {
    }
}

/// <summary>CTR0043: Builder stage does not use the build platform.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CTR0043BuilderNotOnBuildPlatformAnalyzer : DockerfileRuleAnalyzer
{
    public CTR0043BuilderNotOnBuildPlatformAnalyzer()
        : base(new CTR0043BuilderNotOnBuildPlatformRule())
    {
    }
}

/// <summary>CTR0050: Secret in ARG or ENV.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CTR0050SecretInArgOrEnvAnalyzer : DockerfileRuleAnalyzer
{
    public CTR0050SecretInArgOrEnvAnalyzer()
        : base(new CTR0050SecretInArgOrEnvRule())
    {
    }
}

/// <summary>CTR0051: ADD from a remote URL without --checksum.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CTR0051RemoteAddWithoutChecksumAnalyzer : DockerfileRuleAnalyzer
{
    public CTR0051RemoteAddWithoutChecksumAnalyzer()
        : base(new CTR0051RemoteAddWithoutChecksumRule())
    {
    }
}
