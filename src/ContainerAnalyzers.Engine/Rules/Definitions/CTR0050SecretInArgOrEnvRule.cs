using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0050: an ARG or ENV whose name says it holds a secret (PASSWORD, TOKEN, SECRET, API_KEY, private keys, NuGet
/// feed credentials). Names that point at a secret rather than hold it (<c>*_FILE</c>, <c>*_PATH</c>) are fine.
/// </summary>
public sealed class CTR0050SecretInArgOrEnvRule : DockerfileRule
{

    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0050",
        "Secret in ARG or ENV",
        "'{0}' looks like a secret: {1} values stay in the image's history and metadata; pass secrets with RUN --mount=type=secret",
        RuleCategories.Security,
        RuleSeverity.Warning,
        "Build arguments and environment variables are recorded in the image (docker history, docker inspect). NuGet feed credentials and tokens belong in BuildKit secrets.")
    {
        BuildKitEquivalents = new[] { "SecretsUsedInArgOrEnv" },
    };

    public override RuleDescriptor Descriptor => Definition;

    protected internal override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        foreach (var instruction in analysis.Model.Syntax.Instructions)
        {
            if (instruction is ArgInstructionSyntax arg)
            {
                foreach (var declaration in arg.Declarations.Where(d => IsSecret(d.Name)))
                {
                    findings.Add(Report(declaration.Token.Span, declaration.Name, "build argument"));
                }
            }
            else if (instruction is KeyValueInstructionSyntax { Kind: InstructionKind.Env } env)
            {
                foreach (var pair in env.Pairs.Where(p => IsSecret(p.Key.Value) && p.Value.Value.Length > 0))
                {
                    findings.Add(Report(pair.Key.Span, pair.Key.Value, "environment variable"));
                }
            }
        }
    }

    // Most names (DOTNET_VERSION, ASPNETCORE_URLS…) have none of the words: a cheap look first, the regex only then.
    private static readonly string[] Hints = { "PASS", "PWD", "TOKEN", "SECRET", "KEY", "CREDENTIAL", "NUGET", "FEED" };

    public static bool IsSecret(string name)
        => Hints.Any(h => name.IndexOf(h, StringComparison.OrdinalIgnoreCase) >= 0) && Patterns.SecretName.IsMatch(name) && !Patterns.NotTheSecret.IsMatch(name);

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(SourceSpan span, string name, string kind)
        => new(Definition, span, new[] { name, kind });

    // Built on first use, not when the rule table reads Definition (which runs this class's static initialisers).
    private static class Patterns
    {
        public static readonly Regex SecretName = new(
            @"(PASSWORD|PASSWD|PWD$|TOKEN|SECRET|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CLIENT_?SECRET|CREDENTIAL|NUGET_?AUTH|FEED_?ACCESS|VSS_NUGET_EXTERNAL_FEED_ENDPOINTS|NUGETPACKAGESOURCECREDENTIALS)",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        public static readonly Regex NotTheSecret = new(@"(_FILE|_PATH|_DIR|_URL|_URI|_ENDPOINT|_HEADER|_NAME|_TYPE|_ID)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    }
}
