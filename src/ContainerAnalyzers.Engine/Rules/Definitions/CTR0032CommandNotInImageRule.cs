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
/// CTR0032: the final stage's exec-form HEALTHCHECK, ENTRYPOINT or CMD starts a tool that a shell-less image does not
/// have (curl, wget, a shell, a package manager), and no COPY in the stage puts one there. Reported on the word.
/// Shell-form commands are CTR0030's.
/// </summary>
public sealed class CTR0032CommandNotInImageRule : DockerfileRule
{
    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0032",
        "Command not present in the image",
        "'{0}' is not in the image '{1}', which has no {2}",
        RuleCategories.Runtime,
        RuleSeverity.Warning,
        "Chiseled and distroless images contain no shell tools (curl, wget, bash, a package manager): a HEALTHCHECK or entry point that calls them fails.");

    public override RuleDescriptor Descriptor => Definition;

    protected internal override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        if (analysis.Model.FinalStage is not { } final || final.RootImage is not { } image)
        {
            return;
        }

        // An image with a shell can still lack the tool a health check calls: the .NET runtime images on Debian and
        // Ubuntu have neither curl nor wget (issue 27).
        if (ShellAvailability.HasShell(final) == true)
        {
            if (StageFacts.Last(final, InstructionKind.Healthcheck) is { } healthcheck
                && healthcheck.Arguments.FirstOrDefault(a => !string.Equals(a.Value, "CMD", StringComparison.OrdinalIgnoreCase)) is { } program)
            {
                // Shell form keeps the command as one argument: the program is its first word.
                var word = healthcheck.IsJsonForm ? program.Value : program.Value.TrimStart().Split(' ', '\t')[0];
                var span = healthcheck.IsJsonForm ? program.Span : new SourceSpan(program.Span.Start + (program.Value.Length - program.Value.TrimStart().Length), word.Length);
                if (ShellAvailability.MissingHttpTool(final, word) is { } tool)
                {
                    findings.Add(Report(span, tool, image.Original, tool + " (its Dockerfile in dotnet-docker installs none, and this one does not add it)"));
                }
            }

            return;
        }

        if (ShellAvailability.HasShell(final) != false)
        {
            return;
        }

        foreach (var kind in new[] { InstructionKind.Healthcheck, InstructionKind.Entrypoint, InstructionKind.Cmd })
        {
            if (StageFacts.Last(final, kind) is not { IsJsonForm: true } instruction || instruction.Arguments.Count == 0)
            {
                continue;
            }

            // HEALTHCHECK CMD ["curl", …]: the parser keeps CMD as the first argument.
            var first = instruction.Arguments.FirstOrDefault(a => !string.Equals(a.Value, "CMD", StringComparison.OrdinalIgnoreCase));
            if (first is null)
            {
                continue;
            }

            if (ShellAvailability.MissingTool(final, first.Value) is { } missing)
            {
                findings.Add(Report(first.Span, missing.Tool, image.Original, missing.Kind));
            }
        }
    }

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(SourceSpan span, string command, string image, string missing)
        => new(Definition, span, new[] { command, image, missing });
}
