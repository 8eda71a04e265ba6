using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ContainerAnalyzers.Infrastructure;

/// <summary>What the code searches read off a call's syntax before they ask any symbol.</summary>
internal static class CodeSyntax
{
    /// <summary>The name a call invokes: <c>Listen</c> of <c>options.Listen(…)</c> or <c>Listen(…)</c>, generic ones too; null for anything else.</summary>
    public static string? InvokedName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        SimpleNameSyntax name => name.Identifier.ValueText,
        _ => null,
    };
}
