using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using ContainerAnalyzers.Images;
using ContainerAnalyzers.Rules.CrossFile;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0026 (info): a web app's final stage EXPOSEs only ports it does not listen on by default (80/443 on a .NET 8+
/// image, 8080 on an older one), and nothing (ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS, --urls, ContainerPort) says
/// it listens elsewhere. Reported on each such port.
/// </summary>
public sealed class CTR0026ExposedPortNotListeningRule : DockerfileRule
{
    private static readonly string[] PortVariables =
    {
        "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "DOTNET_URLS", "URLS", "HTTP_PORTS", "HTTPS_PORTS",
        "ASPNETCORE_Kestrel__Endpoints__Http__Url", "Kestrel__Endpoints__Http__Url",
    };

    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0026",
        "Exposed port is not where the app listens",
        "EXPOSE {0}, but on the .NET {1} image the app listens on port {2} unless ASPNETCORE_HTTP_PORTS or ASPNETCORE_URLS says otherwise",
        RuleCategories.Runtime,
        RuleSeverity.Info,
        ".NET 8 and later images listen on 8080 (ASPNETCORE_HTTP_PORTS); earlier ones on 80. EXPOSE documents the port; a wrong one misleads 'docker run -P' and orchestrators.")
    {
        Recommended = true,
    };

    public override RuleDescriptor Descriptor => Definition;

    protected internal override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        if (analysis.Model.FinalStage is not { } final
            || !analysis.Project.IsWeb
            || !AppBuild.BuildsThisApp(analysis)
            || analysis.Project.ContainerPorts.Count > 0
            || AppBuild.FinalImage(analysis) is not { Kind: not DotnetImageKind.Sdk, IsDotnetFramework: false, Major: { } major, DefaultHttpPort: { } listening }
            || StageFacts.Environment(final).Any(p => PortVariables.Contains(p.Key.Value, StringComparer.OrdinalIgnoreCase))
            || SetsUrlsOnCommandLine(final))
        {
            return;
        }

        var exposed = final.Lineage.SelectMany(s => s.Instructions).Where(i => i.Kind == InstructionKind.Expose).SelectMany(i => i.Arguments).ToArray();
        if (exposed.Length == 0 || exposed.Any(t => Port(t.Value) == listening || Port(t.Value) is null))
        {
            return;
        }

        var stale = major >= 8 ? new[] { 80, 443 } : new[] { 8080 };
        foreach (var token in exposed.Where(t => Port(t.Value) is { } port && stale.Contains(port)))
        {
            findings.Add(Report(token.Span, token.Value, image(major), listening.ToString(CultureInfo.InvariantCulture)));
        }

        static string image(int major) => major.ToString(CultureInfo.InvariantCulture);
    }

    private static int? Port(string value)
    {
        var port = value.Split('/')[0];
        return int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
    }

    private static bool SetsUrlsOnCommandLine(Stage final)
        => new[] { StageFacts.Last(final, InstructionKind.Entrypoint), StageFacts.Last(final, InstructionKind.Cmd) }
            .Any(i => i is not null && i.LogicalLine.IndexOf("urls", StringComparison.OrdinalIgnoreCase) >= 0);

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(SourceSpan span, string exposed, string dotnetVersion, string listeningPort)
        => new(Definition, span, new[] { exposed, dotnetVersion, listeningPort });
}
