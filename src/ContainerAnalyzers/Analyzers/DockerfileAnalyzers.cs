using ContainerAnalyzers.Infrastructure;
using ContainerAnalyzers.Rules.Definitions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ContainerAnalyzers.Analyzers;

// One analyzer class per rule, so each can be found, documented and tested on its own. The rule logic lives in
// the engine (ContainerAnalyzers.Rules.Definitions); these classes only bind it to Roslyn.

/// <summary>CTR0001: Dockerfile has no builder stage.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CTR0001NoBuilderStageAnalyzer : DockerfileRuleAnalyzer
{
    public CTR0001NoBuilderStageAnalyzer()
        : base(new CTR0001NoBuilderStageRule())
    {
    }
}

/// <summary>CTR0002: Final stage runs on a .NET SDK image.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CTR0002FinalStageOnSdkImageAnalyzer : DockerfileRuleAnalyzer
{
    public CTR0002FinalStageOnSdkImageAnalyzer()
        : base(new CTR0002FinalStageOnSdkImageRule())
    {
    }
}

/// <summary>CTR0090: Dockerfile syntax error.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CTR0090SyntaxErrorAnalyzer : DockerfileRuleAnalyzer
{
    public CTR0090SyntaxErrorAnalyzer()
        : base(new CTR0090SyntaxErrorRule())
    {
    }
}
