using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ContainerAnalyzers.Semantics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ContainerAnalyzers.Infrastructure;

/// <summary>
/// Finds where the app's code pins its endpoints: Kestrel's <c>ListenAnyIP</c>/<c>ListenLocalhost</c>/<c>Listen</c>,
/// <c>UseUrls</c>, <c>app.Run(url)</c> and <c>app.Urls.Add</c>. Literal (or constant) ports and URLs are read; anything
/// else that binds, or code that sets the URL settings by name, makes the answer unknown. Only files whose text
/// mentions one of <see cref="Words"/> are parsed into invocations, and the semantic model is asked only about those calls.
/// </summary>
internal static class CodeEndpointSearch
{
    // Every name the search acts on contains one of these (UseUrls and ServerUrlsKey contain Urls; ListenAnyIP, Listen;
    // ASPNETCORE_URLS and ASPNETCORE_HTTP_PORTS, ASPNETCORE_): a file with none of them is not looked at.
    public static readonly string[] Words = { "Listen", "Urls", ".Run(", "UseSetting", "ASPNETCORE_", "Kestrel" };
    private static readonly CodeWords SettingNames = new("ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ServerUrlsKey");

    /// <param name="compilation">The compilation, for the semantic model of a call whose target decides.</param>
    /// <param name="mentioning">The compilation's files whose text mentions one of <see cref="Words"/>.</param>
    /// <param name="cancellationToken">Honoured between files.</param>
    public static CodeEndpoints Find(Compilation compilation, IEnumerable<SyntaxTree> mentioning, CancellationToken cancellationToken)
    {
        var ports = new List<int>();
        var urls = new List<string>();
        foreach (var tree in mentioning)
        {
            var text = tree.GetText(cancellationToken);

            // Code that reads or writes the URL settings by name decides them in a way only running it can tell.
            if (CodeText.ContainsAny(text, SettingNames))
            {
                return CodeEndpoints.Unknown;
            }

            SemanticModel? model = null;
            SemanticModel Model() => model ??= compilation.GetSemanticModel(tree);
            foreach (var invocation in tree.GetRoot(cancellationToken).DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                var name = CodeSyntax.InvokedName(invocation);
                var arguments = invocation.ArgumentList.Arguments;
                switch (name)
                {
                    case "ListenAnyIP" or "ListenLocalhost":
                        if (arguments.Count == 0 || Number(arguments[0].Expression, Model) is not { } anyPort)
                        {
                            return CodeEndpoints.Unknown;
                        }

                        ports.Add(anyPort);
                        break;
                    case "ListenUnixSocket" or "ListenNamedPipe" or "ListenHandle":
                        return CodeEndpoints.Unknown;
                    case "Listen" when IsKestrel(invocation, Model, arguments):
                        var portExpression = arguments.Count >= 2 ? arguments[1].Expression
                            : arguments.Count == 1 && arguments[0].Expression is ObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 2 } endpoint ? endpoint.ArgumentList.Arguments[1].Expression
                            : null;
                        if (portExpression is null || Number(portExpression, Model) is not { } port)
                        {
                            return CodeEndpoints.Unknown;
                        }

                        ports.Add(port);
                        break;
                    case "UseUrls":
                        foreach (var argument in arguments)
                        {
                            if (Text(argument.Expression, Model) is not { } url)
                            {
                                return CodeEndpoints.Unknown;
                            }

                            urls.AddRange(url.Split(';'));
                        }

                        break;
                    // A lambda is no URL, nor a configuration section: Task.Run(() => …) and services.Configure(o => …),
                    // common in any code, are told apart without binding the file.
                    case "Run" when arguments.Count == 1 && arguments[0].Expression is not AnonymousFunctionExpressionSyntax && IsWebApplication(invocation, Model):
                        if (Text(arguments[0].Expression, Model) is not { } runUrl)
                        {
                            return CodeEndpoints.Unknown;
                        }

                        urls.Add(runUrl);
                        break;
                    case "Add" or "Clear" when invocation.Expression is MemberAccessExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Urls" } }:
                        if (name == "Add" && (arguments.Count != 1 || Text(arguments[0].Expression, Model) is not { } added))
                        {
                            return CodeEndpoints.Unknown;
                        }

                        if (name == "Add")
                        {
                            urls.Add(Text(arguments[0].Expression, Model)!);
                        }

                        break;
                    case "UseSetting" when arguments.Count >= 1 && Text(arguments[0].Expression, Model) is { } key
                        && (key.Equals("urls", StringComparison.OrdinalIgnoreCase) || key.EndsWith("_ports", StringComparison.OrdinalIgnoreCase)):
                        return CodeEndpoints.Unknown;
                    case "Configure" when arguments.Count >= 1 && arguments[0].Expression is not AnonymousFunctionExpressionSyntax && ContainingType(invocation, Model) == "KestrelServerOptions":
                        // options.Configure(section): endpoints from a configuration section of the app's choosing.
                        return CodeEndpoints.Unknown;
                }
            }
        }

        return ports.Count == 0 && urls.Count == 0 ? CodeEndpoints.None : new CodeEndpoints(ports, urls);
    }

    // Kestrel's Listen takes an address and a port, or an endpoint; a socket's Listen takes a backlog.
    private static bool IsKestrel(InvocationExpressionSyntax invocation, Func<SemanticModel> model, SeparatedSyntaxList<ArgumentSyntax> arguments)
    {
        if (ContainingType(invocation, model) is { } type)
        {
            return type == "KestrelServerOptions";
        }

        return arguments.Count >= 2 || (arguments.Count == 1 && arguments[0].Expression is ObjectCreationExpressionSyntax creation && creation.Type.ToString().EndsWith("EndPoint", StringComparison.Ordinal));
    }

    private static bool IsWebApplication(InvocationExpressionSyntax invocation, Func<SemanticModel> model)
        => ContainingType(invocation, model) is { } type ? type == "WebApplication" : invocation.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression };

    // The type a method is called on: its own type, or for an extension method the type it extends.
    private static string? ContainingType(InvocationExpressionSyntax invocation, Func<SemanticModel> model)
    {
        var info = model().GetSymbolInfo(invocation);
        var symbol = info.Symbol ?? (info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] : null);
        return symbol is IMethodSymbol method ? method.ReducedFrom is not null ? method.ReceiverType?.Name : method.ContainingType?.Name : null;
    }

    private static int? Number(ExpressionSyntax expression, Func<SemanticModel> model)
        => Constant(expression, model) is int value ? value : null;

    private static string? Text(ExpressionSyntax expression, Func<SemanticModel> model)
        => Constant(expression, model) as string;

    private static object? Constant(ExpressionSyntax expression, Func<SemanticModel> model)
    {
        if (expression is LiteralExpressionSyntax literal)
        {
            return literal.Token.Value;
        }

        // What cannot be a constant has none to read, and asking would bind the file.
        if (!CodeSyntax.MayBeConstant(expression))
        {
            return null;
        }

        var constant = model().GetConstantValue(expression);
        return constant.HasValue ? constant.Value : null;
    }
}
