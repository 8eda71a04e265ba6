using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ContainerAnalyzers.Infrastructure;

/// <summary>
/// Finds the time zones the app's code looks up by a literal id: <c>TimeZoneInfo.FindSystemTimeZoneById</c>,
/// <c>TryFindSystemTimeZoneById</c> and <c>ConvertTimeBySystemTimeZoneId</c>, and TimeZoneConverter's
/// <c>TZConvert.GetTimeZoneInfo</c>/<c>TryGetTimeZoneInfo</c>, each confirmed by its symbol. Each needs the OS's time-zone
/// database, except for UTC, which .NET answers itself. An id the code computes is not counted: it may be UTC. Only
/// files whose text names one of the methods are parsed, and the semantic model is asked only about those calls.
/// </summary>
internal static class CodeTimeZoneSearch
{
    private static readonly string[] Methods = { "FindSystemTimeZoneById", "TryFindSystemTimeZoneById", "ConvertTimeBySystemTimeZoneId", "GetTimeZoneInfo", "TryGetTimeZoneInfo" };

    public static IReadOnlyList<(string Id, string Where)> Find(Compilation compilation, CancellationToken cancellationToken)
    {
        var found = new List<(string, string)>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var text = tree.GetText(cancellationToken).ToString();
            if (!Methods.Any(m => text.IndexOf(m, StringComparison.Ordinal) >= 0))
            {
                continue;
            }

            SemanticModel? model = null;
            foreach (var invocation in tree.GetRoot(cancellationToken).DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                var name = invocation.Expression switch
                {
                    MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                    IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                    _ => null,
                };
                if (name is null || Array.IndexOf(Methods, name) < 0)
                {
                    continue;
                }

                model ??= compilation.GetSemanticModel(tree);
                if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method || !IsTimeZoneLookup(method))
                {
                    continue;
                }

                // The id is the one string parameter named like an id (ConvertTimeBySystemTimeZoneId has two).
                foreach (var argument in invocation.ArgumentList.Arguments)
                {
                    if (model.GetOperation(argument, cancellationToken) is Microsoft.CodeAnalysis.Operations.IArgumentOperation { Parameter: { } parameter }
                        && parameter.Type.SpecialType == SpecialType.System_String
                        && parameter.Name.IndexOf("id", StringComparison.OrdinalIgnoreCase) >= 0
                        && model.GetConstantValue(argument.Expression, cancellationToken) is { HasValue: true, Value: string id }
                        && !IsUtc(id))
                    {
                        var line = tree.GetLineSpan(argument.Span, cancellationToken).StartLinePosition.Line + 1;
                        found.Add((id, System.IO.Path.GetFileName(tree.FilePath) + ":" + line.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    }
                }
            }
        }

        return found;
    }

    private static bool IsTimeZoneLookup(IMethodSymbol method)
    {
        var type = method.ContainingType?.ToDisplayString();
        return type is "System.TimeZoneInfo" or "TimeZoneConverter.TZConvert";
    }

    // .NET answers UTC and its aliases without the database (TimeZoneInfo.Unix: UTC, Etc/UTC, Etc/UCT, Etc/Universal,
    // Etc/Zulu, UCT, Universal, Zulu); GMT names are counted as UTC too, to stay on the side of silence.
    private static readonly string[] UtcAliases = { "UTC", "Etc/UTC", "Etc/UCT", "Etc/Universal", "Etc/Zulu", "UCT", "Universal", "Zulu", "GMT", "Etc/GMT" };

    private static bool IsUtc(string id) => UtcAliases.Any(a => a.Equals(id.Trim(), StringComparison.OrdinalIgnoreCase));
}
