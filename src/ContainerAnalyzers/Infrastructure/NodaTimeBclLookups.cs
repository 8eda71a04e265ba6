using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ContainerAnalyzers.Infrastructure;

/// <summary>
/// Finds the time zones the code looks up by a literal id through NodaTime's BCL provider
/// (<c>DateTimeZoneProviders.Bcl["Europe/Paris"]</c>, <c>DateTimeZoneProviders.Bcl.GetZoneOrNull("Europe/Paris")</c>),
/// which reads the OS's time-zone database as <c>TimeZoneInfo</c> does. The TZDB provider carries its own data and is
/// not counted; the receiver is confirmed by its symbol.
/// </summary>
internal static class NodaTimeBclLookups
{
    private static readonly CodeWords Words = new("Bcl");

    /// <summary>Each literal id with where it is (<c>File.cs:line</c>); empty when NodaTime is not referenced or the code makes none.</summary>
    public static IReadOnlyList<(string Id, string Where)> Find(Compilation compilation, CancellationToken cancellationToken)
    {
        var found = new List<(string, string)>();
        if (!compilation.ReferencedAssemblyNames.Any(a => a.Name == "NodaTime"))
        {
            return found;
        }

        foreach (var tree in compilation.SyntaxTrees)
        {
            if (!CodeText.ContainsAny(tree.GetText(cancellationToken), Words))
            {
                continue;
            }

            SemanticModel? model = null;
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                var (receiver, arguments) = node switch
                {
                    ElementAccessExpressionSyntax indexer => (indexer.Expression, indexer.ArgumentList.Arguments),
                    InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetZoneOrNull" } call } invocation => (call.Expression, invocation.ArgumentList.Arguments),
                    _ => (null, default(SeparatedSyntaxList<ArgumentSyntax>)),
                };
                if (receiver is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Bcl" } || arguments.Count != 1)
                {
                    continue;
                }

                model ??= compilation.GetSemanticModel(tree);
                if (model.GetSymbolInfo(receiver, cancellationToken).Symbol is not IPropertySymbol { ContainingType: { } type } || type.ToDisplayString() != "NodaTime.DateTimeZoneProviders"
                    || model.GetConstantValue(arguments[0].Expression, cancellationToken) is not { HasValue: true, Value: string id }
                    || CodeLiteralLookups.IsUtc(id))
                {
                    continue;
                }

                found.Add((id, CodeSyntax.Where(tree, arguments[0].Span, cancellationToken)));
            }
        }

        return found;
    }
}
