using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
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

    /// <summary>
    /// Whether an expression may be a compile-time constant, read from its syntax alone. False only for what C# never
    /// makes a constant (a call other than <c>nameof</c>, a <c>new</c>, a lambda, an <c>await</c>, an element access…):
    /// a search that wants an argument's constant value asks the semantic model nothing about a call with none, since
    /// the first question about a file binds its code.
    /// </summary>
    public static bool MayBeConstant(ExpressionSyntax expression) => MayBeConstant(expression, 0);

    // Deeper than this, an expression may be a constant: the semantic model, which the compiler built to bind any depth,
    // decides. The parser makes a chain of ten thousand '+' into a tree as deep, and recursion down it would overflow
    // the stack, which no analyzer may do.
    private const int MaxDepth = 64;

    private static bool MayBeConstant(ExpressionSyntax expression, int depth) => depth > MaxDepth || expression switch
    {
        // Literals (null and default too), interpolated strings (constant when their holes are), names of constants.
        LiteralExpressionSyntax or InterpolatedStringExpressionSyntax or DefaultExpressionSyntax or SizeOfExpressionSyntax => true,
        IdentifierNameSyntax name => NameMayBeConstant(name),
        SimpleNameSyntax or QualifiedNameSyntax or AliasQualifiedNameSyntax => true,
        // A constant reached through its type: Consts.Path, int.MaxValue, Kind.Value (even where a property Kind of
        // type Kind is in scope, C#'s Color Color rule).
        MemberAccessExpressionSyntax member => IsNameChain(member.Expression),
        InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } } => true,
        ParenthesizedExpressionSyntax parenthesized => MayBeConstant(parenthesized.Expression, depth + 1),
        CastExpressionSyntax cast => MayBeConstant(cast.Expression, depth + 1),
        CheckedExpressionSyntax @checked => MayBeConstant(@checked.Expression, depth + 1),
        PrefixUnaryExpressionSyntax unary => MayBeConstant(unary.Operand, depth + 1),
        PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } suppressed => MayBeConstant(suppressed.Operand, depth + 1),
        BinaryExpressionSyntax binary => MayBeConstant(binary.Left, depth + 1) && MayBeConstant(binary.Right, depth + 1),
        ConditionalExpressionSyntax conditional => MayBeConstant(conditional.Condition, depth + 1) && MayBeConstant(conditional.WhenTrue, depth + 1) && MayBeConstant(conditional.WhenFalse, depth + 1),
        _ => false,
    };

    private static bool IsNameChain(ExpressionSyntax expression)
    {
        while (expression is MemberAccessExpressionSyntax member)
        {
            expression = member.Expression;
        }

        return expression is NameSyntax or PredefinedTypeSyntax;
    }

    // A simple name is a constant only if it names one. The nearest declaration of the name in the syntax around it
    // decides, as C#'s lookup does: a parameter, or a local of an enclosing block, shadows the type's members, and a
    // member declared in the innermost type comes before its base's and the outer types'. Anything not declared in sight
    // (a base's member, another part of a partial type, a using static) may be a constant.
    private static bool NameMayBeConstant(IdentifierNameSyntax name)
    {
        var identifier = name.Identifier.ValueText;
        for (var node = name.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case BlockSyntax block when LocalIn(block.Statements, identifier) is { } local:
                    return local.IsConst;
                case SwitchSectionSyntax section when LocalIn(section.Statements, identifier) is { } local:
                    return local.IsConst;
                case CompilationUnitSyntax unit:
                    foreach (var member in unit.Members)
                    {
                        if (member is GlobalStatementSyntax { Statement: LocalDeclarationStatementSyntax local } && Declares(local.Declaration, identifier))
                        {
                            return local.IsConst;
                        }
                    }

                    return true;
                case ForEachStatementSyntax { Identifier.ValueText: var element } when element == identifier:
                case ForStatementSyntax { Declaration: { } declaration } when Declares(declaration, identifier):
                case UsingStatementSyntax { Declaration: { } usingDeclaration } when Declares(usingDeclaration, identifier):
                case CatchClauseSyntax { Declaration.Identifier.ValueText: var caught } when caught == identifier:
                case BaseMethodDeclarationSyntax method when HasParameter(method.ParameterList, identifier):
                case LocalFunctionStatementSyntax function when HasParameter(function.ParameterList, identifier):
                case ParenthesizedLambdaExpressionSyntax lambda when HasParameter(lambda.ParameterList, identifier):
                case SimpleLambdaExpressionSyntax simpleLambda when simpleLambda.Parameter.Identifier.ValueText == identifier:
                case AnonymousMethodExpressionSyntax { ParameterList: { } anonymousParameters } when HasParameter(anonymousParameters, identifier):
                    return false;
                case TypeDeclarationSyntax type:
                    foreach (var member in type.Members)
                    {
                        switch (member)
                        {
                            case FieldDeclarationSyntax field when Declares(field.Declaration, identifier):
                                return field.Modifiers.Any(SyntaxKind.ConstKeyword);
                            case PropertyDeclarationSyntax { Identifier.ValueText: var property } when property == identifier:
                            case MethodDeclarationSyntax { Identifier.ValueText: var method } when method == identifier:
                                return false;
                        }
                    }

                    // A primary constructor's parameter, unless a member of the same name hides it.
                    return type.ParameterList is not { } primaryParameters || !HasParameter(primaryParameters, identifier);
            }
        }

        return true;
    }

    private static LocalDeclarationStatementSyntax? LocalIn(SyntaxList<StatementSyntax> statements, string identifier)
    {
        foreach (var statement in statements)
        {
            var declared = statement is LabeledStatementSyntax labeled ? labeled.Statement : statement;
            if (declared is LocalDeclarationStatementSyntax local && Declares(local.Declaration, identifier))
            {
                return local;
            }
        }

        return null;
    }

    private static bool Declares(VariableDeclarationSyntax declaration, string identifier)
    {
        foreach (var variable in declaration.Variables)
        {
            if (variable.Identifier.ValueText == identifier)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasParameter(BaseParameterListSyntax parameters, string identifier)
    {
        foreach (var parameter in parameters.Parameters)
        {
            if (parameter.Identifier.ValueText == identifier)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether any of a call's arguments may be a compile-time constant (<see cref="MayBeConstant"/>).</summary>
    public static bool AnyMayBeConstant(ArgumentListSyntax arguments)
    {
        foreach (var argument in arguments.Arguments)
        {
            if (MayBeConstant(argument.Expression))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Where a piece of code is, for a message: <c>Program.cs:12</c>.</summary>
    public static string Where(SyntaxTree tree, TextSpan span, CancellationToken cancellationToken)
        => System.IO.Path.GetFileName(tree.FilePath) + ":" + (tree.GetLineSpan(span, cancellationToken).StartLinePosition.Line + 1).ToString(CultureInfo.InvariantCulture);
}
