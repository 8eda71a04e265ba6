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
/// Finds where an app that references Microsoft.Data.Sqlite opens its databases, with which connection string, and
/// whether it writes. Only files whose text names one of the calls are parsed; the names are distinctive, and the
/// reference to Microsoft.Data.Sqlite is required first, so no symbols are asked.
/// </summary>
internal static class SqliteCalls
{
    // EF Core's provider (UseSqlite, AddSqlite<TContext>) and the ADO.NET connection.
    private static readonly string[] Openings = { "UseSqlite", "AddSqlite", "SqliteConnection" };

    // Calls that write to a database: EF Core's saves, schema creation and bulk statements, ADO.NET's non-queries, and
    // Identity's EF stores (which save users on sign-up).
    private static readonly string[] Writes =
    {
        "SaveChanges", "SaveChangesAsync", "EnsureCreated", "EnsureCreatedAsync", "Migrate", "MigrateAsync",
        "ExecuteSqlRaw", "ExecuteSqlRawAsync", "ExecuteSqlInterpolated", "ExecuteSqlInterpolatedAsync", "ExecuteSql", "ExecuteSqlAsync",
        "ExecuteUpdate", "ExecuteUpdateAsync", "ExecuteDelete", "ExecuteDeleteAsync", "ExecuteNonQuery", "ExecuteNonQueryAsync",
        "AddEntityFrameworkStores",
    };

    private static readonly CodeWords Words = new(Openings.Concat(Writes).ToArray());

    /// <summary>The databases the code opens and its first write; null when it references no Microsoft.Data.Sqlite or opens none.</summary>
    public static SqliteUse? Find(Compilation compilation, CancellationToken cancellationToken)
    {
        if (!compilation.ReferencedAssemblyNames.Any(a => a.Name == "Microsoft.Data.Sqlite"))
        {
            return null;
        }

        var openings = new List<SqliteOpening>();
        string? write = null;
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (!CodeText.ContainsAny(tree.GetText(cancellationToken), Words))
            {
                continue;
            }

            var root = tree.GetRoot(cancellationToken);
            foreach (var node in root.DescendantNodes())
            {
                var (name, arguments) = CodeSyntax.Call(node);
                if (name is null)
                {
                    continue;
                }

                if (write is null && node is InvocationExpressionSyntax && Array.IndexOf(Writes, name) >= 0)
                {
                    write = name;
                }
                else if (Array.IndexOf(Openings, name) >= 0 && (node is ObjectCreationExpressionSyntax) == (name == "SqliteConnection"))
                {
                    var where = CodeSyntax.Where(tree, node.Span, cancellationToken);
                    var (connectionName, connectionString) = arguments is { Arguments.Count: > 0 } list ? ConnectionString(list.Arguments[0].Expression, root, depth: 0) : (null, null);
                    openings.Add(new SqliteOpening(name, where, connectionName, connectionString));
                }
            }
        }

        return openings.Count == 0 ? null : new SqliteUse(openings, write);
    }

    // The connection string an argument stands for: a literal, GetConnectionString("Name") (with ?? throw …), or a
    // local or field the file initialises with one of those.
    private static (string? Name, string? Literal) ConnectionString(ExpressionSyntax expression, SyntaxNode root, int depth)
    {
        switch (expression)
        {
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                return (null, literal.Token.ValueText);
            case BinaryExpressionSyntax coalesce when coalesce.IsKind(SyntaxKind.CoalesceExpression) && coalesce.Right is ThrowExpressionSyntax:
                return ConnectionString(coalesce.Left, root, depth);
            case PostfixUnaryExpressionSyntax bang when bang.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                return ConnectionString(bang.Operand, root, depth);
            case InvocationExpressionSyntax call when CodeSyntax.InvokedName(call) == "GetConnectionString" && call.ArgumentList.Arguments.Count == 1
                && call.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax name && name.IsKind(SyntaxKind.StringLiteralExpression):
                return (name.Token.ValueText, null);
            case IdentifierNameSyntax identifier when depth == 0:
                // One initialisation in the file, so the value cannot depend on which path ran.
                var declarations = root.DescendantNodes().OfType<VariableDeclaratorSyntax>()
                    .Where(d => d.Identifier.ValueText == identifier.Identifier.ValueText).ToList();
                return declarations.Count == 1 && declarations[0].Initializer is { } initializer && !IsAssignedAgain(root, identifier.Identifier.ValueText)
                    ? ConnectionString(initializer.Value, root, depth + 1)
                    : (null, null);
            default:
                return (null, null);
        }
    }

    private static bool IsAssignedAgain(SyntaxNode root, string name)
        => root.DescendantNodes().OfType<AssignmentExpressionSyntax>().Any(a => a.Left is IdentifierNameSyntax target && target.Identifier.ValueText == name);
}
