using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0007: the final stage's effective ENTRYPOINT or CMD runs <c>dotnet run</c> or <c>dotnet watch</c>, including
/// <c>ENTRYPOINT ["dotnet"]</c> with <c>CMD ["run"]</c>. Reported on the instruction.
/// </summary>
public sealed class CTR0007DotnetRunInContainerRule : DockerfileRule
{
    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0007",
        "Container starts the app with 'dotnet run' or 'dotnet watch'",
        "The container starts the app with '{0}': it compiles the app on every start, needs the SDK at run time and runs a Debug build; publish it in a builder stage and start the published app",
        RuleCategories.Runtime,
        RuleSeverity.Warning,
        "'dotnet run' and 'dotnet watch' are development commands: every container start restores and builds the sources, which needs the SDK image, is slow, and runs the Debug configuration.");

    public override RuleDescriptor Descriptor => Definition;

    protected internal override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        if (analysis.Model.FinalStage is not { } final)
        {
            return;
        }

        var entrypoint = StageFacts.Last(final, InstructionKind.Entrypoint);
        var cmd = StageFacts.Last(final, InstructionKind.Cmd);
        foreach (var instruction in new[] { entrypoint, cmd })
        {
            if (instruction is not null && analysis.Model.DotnetCommandsOf(instruction).FirstOrDefault(c => c.Verb is "run" or "watch") is { } command)
            {
                findings.Add(Report(instruction.Span, "dotnet " + command.Verb));
                return;
            }
        }

        // ENTRYPOINT ["dotnet"] CMD ["run", …]: the verb is in the default arguments.
        if (entrypoint is not null && cmd is not null
            && StageFacts.Words(entrypoint) is { Count: 1 } program && program[0].EndsWith("dotnet", System.StringComparison.Ordinal)
            && StageFacts.Words(cmd) is { Count: > 0 } arguments && arguments[0] is "run" or "watch")
        {
            findings.Add(Report(cmd.Span, "dotnet " + arguments[0]));
        }
    }

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(SourceSpan span, string command)
        => new(Definition, span, new[] { command });
}
