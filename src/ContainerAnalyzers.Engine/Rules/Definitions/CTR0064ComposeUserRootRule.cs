using System.Collections.Generic;
using System.Threading;
using ContainerAnalyzers.Compose;
using ContainerAnalyzers.Semantics;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>CTR0064 (info): the project's service sets <c>user: root</c> (or 0) over an image that runs as a non-root user by design.</summary>
public sealed class CTR0064ComposeUserRootRule : ComposeRule
{
    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0064",
        "Compose service runs a non-root image as root",
        "Service '{0}' runs as '{1}', but the image '{2}' runs as a non-root user by design",
        RuleCategories.Security,
        RuleSeverity.Info,
        "Chiseled and distroless .NET images run as the non-root 'app' user; 'user: root' in the compose file gives that back for every container of the service.")
    {
        Inputs = RuleInputs.Compose,
    };

    public override RuleDescriptor Descriptor => Definition;

    protected internal override void Analyze(ComposeAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        foreach (var service in analysis.Services)
        {
            if (service.Service.User is not { Resolved: { } user } value || !StageFacts.IsRoot(user)
                || service.Image is not { RunsAsNonRootByDefault: true } || service.Stage?.RootImage is not { } image)
            {
                continue;
            }

            findings.Add(Report(value.Location, service.Service.Name, user, image.Original));
        }
    }

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(ComposeLocation location, string service, string user, string image)
        => new(Definition, location.Span, new[] { service, user, image }) { File = location.File };
}
