using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ContainerAnalyzers.Compose;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0066: the project's service builds a <c>target:</c> stage that the Dockerfile does not have, so
/// <c>docker compose build</c> fails ("target stage … could not be found"). Only for a target whose value is known and a
/// Dockerfile the parser read without error.
/// </summary>
public sealed class CTR0066ComposeTargetNotAStageRule : ComposeRule
{
    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0066",
        "Compose build target is not a stage of the Dockerfile",
        "Service '{0}' builds the target '{1}', but the Dockerfile has no stage of that name (its named stages: {2}); 'docker compose build' fails",
        RuleCategories.Build,
        RuleSeverity.Warning,
        "A compose build target must name a stage of the Dockerfile (FROM … AS <name>); otherwise BuildKit stops with 'target stage could not be found'.")
    {
        Inputs = RuleInputs.Compose,
    };

    public override RuleDescriptor Descriptor => Definition;

    protected internal override void Analyze(ComposeAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        foreach (var service in analysis.Services)
        {
            var model = service.Dockerfile.Model;
            if (service.Service.Build?.Target is not { Resolved: { Length: > 0 } target } value
                || model.Syntax.Diagnostics.Count > 0
                || model.Stages.Any(s => string.Equals(s.Name, target, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var names = model.Stages.Where(s => s.Name is not null).Select(s => s.Name!).ToList();
            findings.Add(Report(value.Location, service.Service.Name, target, names.Count == 0 ? "none" : MessageText.QuotedList(names)));
        }
    }

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(ComposeLocation location, string service, string target, string stages)
        => new(Definition, location.Span, new[] { service, target, stages }) { File = location.File };
}
