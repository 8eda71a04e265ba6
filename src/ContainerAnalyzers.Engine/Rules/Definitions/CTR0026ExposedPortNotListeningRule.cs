using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using ContainerAnalyzers.Images;
using ContainerAnalyzers.Rules.Shared;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0026 (info): where a web app listens in its container (<see cref="ListeningPorts"/>: the image's default, ENV,
/// --urls, appsettings, the code) does not fit the final stage. Reported on each EXPOSEd port when none of them is
/// one it listens on; and on a port below 1024 it listens on while the stage runs as a non-root user, which cannot
/// bind it where unprivileged ports start at 1024 (Kubernetes' default).
/// </summary>
public sealed class CTR0026ExposedPortNotListeningRule : DockerfileRule
{
    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0026",
        "Exposed port is not where the app listens",
        "Port {0}: {1}",
        RuleCategories.Runtime,
        RuleSeverity.Info,
        ".NET 8 and later images listen on 8080 (ASPNETCORE_HTTP_PORTS); earlier ones on 80. EXPOSE documents the port, and a wrong one misleads 'docker run -P' and orchestrators; a non-root user cannot bind a port below 1024 where unprivileged ports start at 1024.")
    {
        Recommended = true,
    };

    public override RuleDescriptor Descriptor => Definition;

    protected internal override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        if (analysis.Model.FinalStage is not { } final
            || !analysis.Project.IsWeb
            || !analysis.BuildsThisApp
            || analysis.Project.ContainerPorts.Count > 0
            || analysis.FinalImage is not { Kind: not DotnetImageKind.Sdk, IsDotnetFramework: false } image
            || analysis.FinalListening is not { IsKnown: true } listening)
        {
            return;
        }

        var exposed = final.Lineage.SelectMany(s => s.Instructions).Where(i => i.Kind == InstructionKind.Expose).SelectMany(i => i.Arguments).ToArray();
        var exposedPorts = exposed.Select(t => (Token: t, Port: Port(t.Value))).ToArray();
        if (exposedPorts.Length > 0 && exposedPorts.All(e => e.Port is { } port && !listening.Ports.Contains(port)))
        {
            foreach (var (token, _) in exposedPorts)
            {
                findings.Add(Report(token.Span, token.Value, $"EXPOSEd, but the app listens on {listening.PortList} ({listening.Because})"));
            }
        }

        if (RunsAsNonRoot(final, image) is not { } user)
        {
            return;
        }

        foreach (var port in listening.Ports.Where(p => p < 1024))
        {
            var at = exposedPorts.FirstOrDefault(e => e.Port == port).Token?.Span ?? user.Span;
            findings.Add(Report(at, port.ToString(CultureInfo.InvariantCulture), $"the app listens on it ({listening.Because}) as the non-root user {user.Name}, which cannot bind a port below 1024 where unprivileged ports start at 1024 (Kubernetes' default); listen on 8080 instead"));
        }
    }

    /// <summary>The user the stage runs as when it is certainly not root (a USER that names another, or a non-root image); null otherwise.</summary>
    private static (string Name, SourceSpan Span)? RunsAsNonRoot(Stage final, DotnetImage image)
    {
        if (StageFacts.Last(final, InstructionKind.User) is { } user)
        {
            var account = user.Arguments.Count > 0 ? StageFacts.Account(user.Arguments[0].Value) : string.Empty;
            return account.Length == 0 || StageFacts.IsRoot(account) || (account.IndexOf('$') >= 0 && !StageFacts.IsImageAppUser(account))
                ? null
                : ($"'{account}'", user.Span);
        }

        return image.RunsAsNonRootByDefault ? ("'app' of the image", final.From.Image?.Span ?? final.From.Span) : null;
    }

    private static int? Port(string value)
    {
        var parts = value.Split('/');
        if (parts.Length > 1 && !string.Equals(parts[1], "tcp", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
    }

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(SourceSpan span, string port, string why)
        => new(Definition, span, new[] { port, why });
}
