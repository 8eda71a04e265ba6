using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

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

    /// <summary>
    /// The name a call or a <c>new</c> names, with its arguments: <c>Listen</c> of <c>options.Listen(…)</c>,
    /// <c>CultureInfo</c> of <c>new System.Globalization.CultureInfo(…)</c>; nulls for any other node.
    /// </summary>
    public static (string? Name, ArgumentListSyntax? Arguments) Call(SyntaxNode node) => node switch
    {
        InvocationExpressionSyntax call => (InvokedName(call), call.ArgumentList),
        ObjectCreationExpressionSyntax creation => (creation.Type switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => null,
        }, creation.ArgumentList),
        _ => (null, null),
    };

    /// <summary>Where a piece of code is, for a message: <c>Program.cs:12</c>.</summary>
    public static string Where(SyntaxTree tree, TextSpan span, CancellationToken cancellationToken)
        => System.IO.Path.GetFileName(tree.FilePath) + ":" + (tree.GetLineSpan(span, cancellationToken).StartLinePosition.Line + 1).ToString(CultureInfo.InvariantCulture);
}
