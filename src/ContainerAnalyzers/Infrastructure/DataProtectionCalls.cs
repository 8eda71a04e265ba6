using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ContainerAnalyzers.Infrastructure;

/// <summary>
/// Finds the call that makes an app depend on its Data Protection keys (authentication cookies, Identity's cookies and
/// tokens, session cookies), and whether the code persists the keys itself. Only files whose text
/// names one of <see cref="Words"/> are parsed into invocations; the names are distinctive enough to need no symbols
/// (<c>AddCookiePolicy</c> and <c>AddIdentityCore</c> are not among them).
/// </summary>
internal static class DataProtectionCalls
{
    // Calls that certainly issue something the keys protect: an authentication cookie, Identity's cookies and tokens, a
    // session cookie, or the app's own use. Views and antiforgery are not among them (AddRazorPages,
    // AddControllersWithViews, UseAntiforgery, which every Blazor Web App calls): a token is only made for a form, and
    // the forms are in views the code search does not read.
    private static readonly string[] Uses = { "AddCookie", "AddIdentity", "AddDefaultIdentity", "AddSession", "AddDataProtection" };

    private const string Persistence = "PersistKeysTo";

    public static readonly string[] Words = Uses.Append(Persistence).ToArray();

    /// <summary>The first call that uses the keys; null when there is none, or the code persists the keys (PersistKeysTo…).</summary>
    /// <param name="mentioning">The compilation's files whose text names one of <see cref="Words"/>.</param>
    /// <param name="cancellationToken">Honoured between files.</param>
    public static string? Find(IEnumerable<SyntaxTree> mentioning, CancellationToken cancellationToken)
    {
        string? found = null;
        foreach (var tree in mentioning)
        {
            foreach (var invocation in tree.GetRoot(cancellationToken).DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                var name = CodeSyntax.InvokedName(invocation);
                if (name is null)
                {
                    continue;
                }

                if (name.StartsWith(Persistence, StringComparison.Ordinal))
                {
                    return null;
                }

                if (found is null && Array.IndexOf(Uses, name) >= 0)
                {
                    found = name;
                }
            }
        }

        return found;
    }
}
