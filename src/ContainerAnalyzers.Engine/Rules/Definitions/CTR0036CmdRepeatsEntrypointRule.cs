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
/// CTR0036: the final stage's exec-form CMD begins with the entry point it is appended to. On the chiseled and
/// distroless runtime images, whose own ENTRYPOINT is <c>["/usr/bin/dotnet"]</c>, <c>CMD ["dotnet", "App.dll"]</c> runs
/// <c>dotnet dotnet App.dll</c> and the app never starts (a warning). Repeating an ENTRYPOINT that already names the
/// app hands the app its own command line as arguments (informational: the app may ignore them). Reported on the CMD.
/// </summary>
public sealed class CTR0036CmdRepeatsEntrypointRule : DockerfileRule
{
    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0036",
        "CMD repeats the entry point",
        "CMD {0} is appended to the entry point {1}, so the container runs '{2}'{3}",
        RuleCategories.Runtime,
        RuleSeverity.Warning,
        "Docker appends CMD to the ENTRYPOINT in effect, and the chiseled and distroless .NET runtime images declare ENTRYPOINT [\"/usr/bin/dotnet\"]. A CMD that starts with dotnet then runs 'dotnet dotnet App.dll', which exits without starting the app.")
    {
        FixKind = RuleFixKind.Edit,
    };

    public override RuleDescriptor Descriptor => Definition;

    protected internal override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        if (analysis.Model.FinalStage is not { } final
            || RepeatedEntrypoint.Find(final, analysis.FinalImage) is not { } repeated)
        {
            return;
        }

        var image = analysis.FinalImage;
        var entrypoint = repeated.Entrypoint is null
            ? $"{ExecForm.Format(repeated.EntrypointWords)} that the image '{image?.Reference.Original}' declares"
            : "ENTRYPOINT " + ExecForm.Format(repeated.EntrypointWords);
        var consequence = !repeated.StartsNothing ? "; the app receives its own command line as arguments. Drop the repeated words from CMD"
            : repeated.Entrypoint is null ? ", which starts no app. Make it the ENTRYPOINT, or drop 'dotnet' from CMD"
            : ", which starts no app. Drop the repeated words from CMD";
        var finding = Report(repeated.Cmd.Span, ExecForm.Format(repeated.CmdWords), entrypoint, string.Join(" ", repeated.CommandLine), consequence);
        findings.Add(finding.With(fixes: Fixes(analysis.Model.Syntax, repeated), severity: repeated.StartsNothing ? null : RuleSeverity.Info));
    }

    private static IReadOnlyList<RuleFix> Fixes(DockerfileSyntaxTree tree, RepeatedEntrypoint repeated)
    {
        var cmd = repeated.Cmd;
        var fixes = new List<RuleFix>();
        if (repeated.Entrypoint is null)
        {
            // The CMD becomes the ENTRYPOINT: it replaces the image's, and starts exactly what the user wrote.
            fixes.Add(Replace(tree, "Make the CMD the ENTRYPOINT", cmd.Keyword.Span, "ENTRYPOINT"));
        }

        var rest = repeated.CmdWords.Skip(repeated.EntrypointWords.Count).ToArray();
        if (rest.Length > 0)
        {
            fixes.Add(Replace(tree, "Drop the repeated words from CMD", cmd.ArgumentsSpan, ExecForm.Format(rest)));
        }
        else if (repeated.Entrypoint is not null)
        {
            // CMD adds nothing but the repetition: remove the instruction and its line break.
            var end = cmd.Span.End;
            end += end < tree.Text.Length && tree.Text[end] == '\r' ? 1 : 0;
            end += end < tree.Text.Length && tree.Text[end] == '\n' ? 1 : 0;
            fixes.Add(Replace(tree, "Remove the CMD", SourceSpan.FromBounds(cmd.Span.Start, end), string.Empty));
        }

        return fixes;
    }

    private static RuleFix Replace(DockerfileSyntaxTree tree, string title, SourceSpan span, string newText)
        => new(title, RuleFixTarget.Dockerfile, span, tree.GetText(span), newText);

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(SourceSpan span, string cmd, string entrypoint, string commandLine, string consequence)
        => new(Definition, span, new[] { cmd, entrypoint, commandLine, consequence });
}
