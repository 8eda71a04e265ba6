using System;
using System.Collections.Generic;
using System.Threading;
using ContainerAnalyzers.Rules.Shared;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0034: an ENTRYPOINT or CMD written as an exec-form array that is not valid JSON (single quotes, a comma before
/// <c>]</c>, no closing <c>]</c>, text after it). Docker silently runs the whole text through <c>/bin/sh -c</c>, which
/// cannot run it. The fix writes the array the author meant, when that is unambiguous.
/// </summary>
public sealed class CTR0034MalformedExecFormRule : DockerfileRule
{
    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0034",
        "ENTRYPOINT or CMD is not a valid JSON array",
        "{0} looks like the exec form but is not a valid JSON array ({1}), so Docker runs the whole text as a shell command and the container does not start the app; write a JSON array of double-quoted strings",
        RuleCategories.Runtime,
        RuleSeverity.Warning,
        "A JSON array is the exec form only when it parses as JSON: otherwise the instruction silently becomes shell form, and /bin/sh is handed the brackets and quotes.")
    {
        FixKind = RuleFixKind.Edit,
    };

    public override RuleDescriptor Descriptor => Definition;

    protected internal override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        var tree = analysis.Model.Syntax;
        foreach (var instruction in tree.Instructions)
        {
            if (instruction.Kind is not (InstructionKind.Entrypoint or InstructionKind.Cmd) || instruction.IsJsonForm || instruction.Arguments.Count != 1)
            {
                continue;
            }

            var command = instruction.Arguments[0];
            if (MalformedExecForm.TryRead(command.Value) is { } intended)
            {
                findings.Add(Report(command.Span, instruction.Keyword.Value.ToUpperInvariant(), intended.Problem).With(fixes: Repair(tree, command, intended)));
            }
        }
    }

    // Only a single-line command is rewritten: its text in the file is the argument as parsed.
    private static IReadOnlyList<RuleFix> Repair(DockerfileSyntaxTree tree, SyntaxToken command, MalformedExecForm intended)
        => intended.CanRepair && tree.GetText(command.Span) == command.Value
            ? new[] { new RuleFix("Write the JSON array", RuleFixTarget.Dockerfile, command.Span, command.Value, intended.Repaired()) }
            : Array.Empty<RuleFix>();

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(SourceSpan span, string instruction, string problem)
        => new(Definition, span, new[] { instruction, problem });
}
