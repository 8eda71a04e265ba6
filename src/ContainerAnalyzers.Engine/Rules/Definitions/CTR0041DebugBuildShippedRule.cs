using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ContainerAnalyzers.Rules.Shared;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0041: <c>dotnet publish</c> builds Debug: <c>-c Debug</c> (or the Configuration property), or no configuration at
/// all for a TargetFramework before net8.0, when publish still defaulted to Debug. Builds and tests are left alone.
/// </summary>
public sealed class CTR0041DebugBuildShippedRule : DockerfileRule
{
    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0041",
        "Debug build shipped",
        "'dotnet publish' builds the Debug configuration{0}; publish with -c Release",
        RuleCategories.Build,
        RuleSeverity.Warning,
        "A Debug build is unoptimised and may enable development-only behaviour. Before .NET 8, 'dotnet publish' built Debug unless told '-c Release'.");

    public override RuleDescriptor Descriptor => Definition;

    protected internal override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        var framework = analysis.TargetFramework;
        foreach (var publish in analysis.Model.DotnetRunCommands.Where(c => c.Verb == "publish"))
        {
            var instruction = publish.Instruction;
            {
                var configuration = publish.GetOption("-c", "--configuration") ?? publish.GetProperty("Configuration");
                if (configuration is not null && configuration.IndexOf('$') < 0 && string.Equals(configuration, "Debug", StringComparison.OrdinalIgnoreCase))
                {
                    findings.Add(Report(instruction.Span, string.Empty));
                }
                else if (configuration is null && framework is { Major: < 8 } && publish.GetProperty("PublishRelease") is null)
                {
                    findings.Add(Report(instruction.Span, $" without -c before .NET 8, and the project targets {framework.Name}"));
                }
            }
        }
    }

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(SourceSpan span, string detail)
        => new(Definition, span, new[] { detail });
}
