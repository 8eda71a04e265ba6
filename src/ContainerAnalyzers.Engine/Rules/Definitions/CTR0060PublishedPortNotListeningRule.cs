using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using ContainerAnalyzers.Compose;
using ContainerAnalyzers.Rules.Shared;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0060: a compose service that builds the project maps a container port where the web app does not listen
/// (<c>"80:80"</c> to a .NET 8 image, which listens on 8080). Where it listens comes from every source
/// (<see cref="Semantics.ListeningPorts"/>); the rule is silent when any of them cannot be read.
/// </summary>
public sealed class CTR0060PublishedPortNotListeningRule : ComposeRule
{
    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0060",
        "Published container port is not where the app listens",
        "Container port {0} of service '{1}' is not where the app listens: it listens on {2} ({3})",
        RuleCategories.Runtime,
        RuleSeverity.Warning,
        ".NET 8 and later images listen on 8080 (ASPNETCORE_HTTP_PORTS), earlier ones on 80, unless the environment, the command line, appsettings or the code say otherwise. A port mapping to any other container port reaches nothing.")
    {
        Inputs = RuleInputs.Compose,
        FixKind = RuleFixKind.Edit,
    };

    public override RuleDescriptor Descriptor => Definition;

    protected internal override void Analyze(ComposeAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        if (!analysis.Project.IsWeb)
        {
            return;
        }

        foreach (var service in analysis.Services)
        {
            if (!service.Dockerfile.BuildsThisApp || service.Service.Ports.Count == 0 || service.Listening is not { IsKnown: true } listening)
            {
                continue;
            }

            foreach (var port in service.Service.Ports)
            {
                if (port.Protocol.ToLowerInvariant() != "tcp" || port.ContainerPort is not { } containerPort || listening.Ports.Contains(containerPort) || port.Container is not { } container)
                {
                    continue;
                }

                var finding = Report(container.Location, containerPort.ToString(CultureInfo.InvariantCulture), service.Service.Name, listening.PortList, listening.Because);
                if (listening.Ports.Count == 1 && container.ValueOffset is not null)
                {
                    var target = listening.Ports[0].ToString(CultureInfo.InvariantCulture);
                    finding = finding.With(new[] { new RuleFix($"Map to container port {target}", RuleFixTarget.ComposeFile, container.Span, container.Value, target) });
                }

                findings.Add(finding);
            }
        }
    }

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(ComposeLocation location, string containerPort, string service, string listeningPorts, string because)
        => new(Definition, location.Span, new[] { containerPort, service, listeningPorts, because }) { File = location.File };
}
