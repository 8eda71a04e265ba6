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
/// CTR0030: the final stage's effective ENTRYPOINT, CMD or HEALTHCHECK CMD is in shell form on an image with no
/// /bin/sh. The fix rewrites a plain word list in exec form; commands that use shell syntax get no fix.
/// </summary>
public sealed class CTR0030ShellFormWithoutShellRule : DockerfileRule
{
    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0030",
        "Shell form on an image without a shell",
        "{0} in shell form runs '/bin/sh -c', but the image '{1}' has no shell; use the exec form",
        RuleCategories.Runtime,
        RuleSeverity.Warning,
        "Chiseled and distroless images have no /bin/sh, so a shell-form ENTRYPOINT, CMD or HEALTHCHECK CMD fails when the container starts.")
    {
        HadolintEquivalents = new[] { "DL3025" },
        BuildKitEquivalents = new[] { "JSONArgsRecommended" },
        FixKind = RuleFixKind.Edit,
    };

    public override RuleDescriptor Descriptor => Definition;

    protected internal override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        if (analysis.Model.FinalStage is not { } final || ShellAvailability.HasShell(final) != false || ShellAvailability.DeclaresShell(final) || final.RootImage is not { } image)
        {
            return;
        }

        foreach (var kind in new[] { InstructionKind.Entrypoint, InstructionKind.Cmd, InstructionKind.Healthcheck })
        {
            if (StageFacts.Last(final, kind) is not { IsJsonForm: false } instruction
                || instruction is HealthcheckInstructionSyntax { IsNone: true }
                || (instruction is HealthcheckInstructionSyntax healthcheck && healthcheck.ShellCommand is null)
                || instruction.Arguments.Count == 0)
            {
                continue;
            }

            var command = instruction is HealthcheckInstructionSyntax check ? check.ShellCommand! : instruction.Arguments[0];
            if (instruction is not HealthcheckInstructionSyntax && MalformedExecForm.TryRead(command.Value) is not null)
            {
                // Meant as the exec form: CTR0034 reports it, with the JSON the author meant. One mistake, one warning.
                continue;
            }

            findings.Add(Report(instruction.Span, instruction.Keyword.Value.ToUpperInvariant(), image.Original).With(fixes: ExecFormFix(analysis.Model.Syntax, command)));
        }
    }

    private static IReadOnlyList<RuleFix> ExecFormFix(DockerfileSyntaxTree tree, SyntaxToken command)
    {
        if (StageFacts.PlainWords(command.Value) is not { } words || tree.GetText(command.Span) != command.Value)
        {
            return Array.Empty<RuleFix>();
        }

        var exec = "[" + string.Join(", ", words.Select(w => "\"" + w + "\"")) + "]";
        return new[] { new RuleFix("Use the exec form", RuleFixTarget.Dockerfile, command.Span, command.Value, exec) };
    }

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(SourceSpan span, string instruction, string image)
        => new(Definition, span, new[] { instruction, image });
}
