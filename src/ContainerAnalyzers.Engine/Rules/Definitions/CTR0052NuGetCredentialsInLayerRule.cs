using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0052: a RUN gives <c>dotnet nuget add source</c> (or <c>update source</c>) a password. The password is written to
/// the layer's NuGet.Config (on Linux only in clear text) and the RUN's command line, with the values of the ARGs it
/// uses, is kept in the image's history: anyone who can pull the image can read the feed's token. A warning in a stage
/// the final image is built on; informational in a builder stage, whose layers stay in the build cache and in any
/// image built from that stage, but not in the final image.
/// </summary>
public sealed class CTR0052NuGetCredentialsInLayerRule : DockerfileRule
{
    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0052",
        "NuGet feed credentials stored in an image layer",
        "'dotnet nuget {0} source' stores the feed's password in this layer's NuGet.Config and the command in the image's history{1}; pass a NuGet.Config as a build secret instead: RUN --mount=type=secret,id=nugetconfig dotnet restore --configfile /run/secrets/nugetconfig",
        RuleCategories.Security,
        RuleSeverity.Warning,
        "A password given to 'dotnet nuget add source' in a RUN is written to NuGet.Config in that layer and kept in the image's history, with the build arguments it used.");

    public override RuleDescriptor Descriptor => Definition;

    protected internal override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        var model = analysis.Model;
        var shipped = model.FinalStage is { } final ? new HashSet<Stage>(final.Lineage) : new HashSet<Stage>();
        foreach (var stage in model.Stages)
        {
            foreach (var instruction in stage.Instructions)
            {
                if (instruction.Kind != InstructionKind.Run)
                {
                    continue;
                }

                foreach (var command in model.DotnetCommandsOf(instruction))
                {
                    if (command.Verb != "nuget" || command.Arguments.Count < 2 || command.Arguments[0] is not ("add" or "update")
                        || command.Arguments[1] != "source" || command.GetOption("--password", "-p") is null)
                    {
                        continue;
                    }

                    var ships = shipped.Contains(stage);
                    var where = ships ? ", which the final image carries" : $" of the stage '{stage.DisplayName}', which stays in the build cache and in any image built from that stage";
                    findings.Add(Report(instruction.Keyword.Span, command.Arguments[0], where).With(severity: ships ? null : RuleSeverity.Info));
                }
            }
        }
    }

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(SourceSpan span, string verb, string where)
        => new(Definition, span, new[] { verb, where });
}
