using System;
using System.Collections.Generic;
using System.Linq;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Fixes;

/// <summary>The second fix (<see cref="DockerfileFixes.RegenerateTitle"/>): the whole file anew, carrying over what the user configured.</summary>
internal static class FullRewrite
{
    public static string Regenerate(DockerfileModel model, ContainerPlan plan)
    {
        var tree = model.Syntax;
        var final = model.FinalStage!;
        var builds = CarryOver.DotnetCommandsRunIn(model, final);
        var carry = CarryOver.Collect(model, final, plan, stageIsBuilder: builds);
        var writer = new DockerfileWriter(plan, NewLines.Of(tree.Text), tree.EscapeCharacter);

        // Parser directives first, as Docker requires; then the user's comments that open the file.
        var firstInstruction = tree.Elements.TakeWhile(e => e.Kind != SyntaxElementKind.Instruction).ToArray();
        foreach (var element in firstInstruction.Where(e => e.Kind == SyntaxElementKind.ParserDirective))
        {
            writer.Verbatim(tree.GetText(element.FullSpan));
        }

        var runtime = plan.GetRuntimeImage(carry.NeedsShell);
        writer.WriteHeader(runtime);
        var leadingComments = firstInstruction.Where(e => e.Kind == SyntaxElementKind.Comment).Select(e => tree.GetText(e.FullSpan)).ToArray();
        foreach (var comment in leadingComments)
        {
            writer.Verbatim(comment);
        }

        // Stages that build something else (a front end, a tool) and that the app's stages copy from stay as they are.
        var lineage = new HashSet<Stage>(final.Lineage);
        var keptStages = model.Stages.Where(s => !lineage.Contains(s) && !CarryOver.DotnetCommandsRunIn(model, s) && s.Name is not null).ToArray();
        var builderName = RewriteNames.UniqueName(ContainerPlan.DefaultBuilderName, keptStages.Select(s => s.Name!));
        var carriedTexts = new List<string>();
        var keptCopies = new List<string>();
        foreach (var stage in model.Stages.Where(s => !keptStages.Contains(s)))
        {
            foreach (var copy in stage.Instructions.OfType<CopyInstructionSyntax>())
            {
                if (stage != final && copy.From is { } from && keptStages.Any(k => string.Equals(k.Name, from.Value, StringComparison.OrdinalIgnoreCase)))
                {
                    keptCopies.Add(carry.TextOf(copy));
                }
            }
        }

        carriedTexts.AddRange(keptStages.Select(StageText));
        carriedTexts.AddRange(carry.Metadata.Concat(carry.PackageInstalls).Concat(carry.RuntimeCommands).Concat(carry.BuildCommands).Concat(carry.Runtime).Concat(carry.Exposes).Select(carry.TextOf));
        carriedTexts.AddRange(keptCopies);
        var carriedArguments = CarryOver.Referenced(carry.Arguments, RewriteNames.ArgumentNames, carriedTexts).ToArray();
        carriedTexts.AddRange(carriedArguments.Select(carry.TextOf));
        var globalArguments = CarryOver.Referenced(tree.Instructions.TakeWhile(i => i.Kind != InstructionKind.From).OfType<ArgInstructionSyntax>(), RewriteNames.ArgumentNames, carriedTexts).ToArray();

        if (globalArguments.Length > 0)
        {
            writer.Line();
            foreach (var argument in globalArguments)
            {
                writer.Verbatim(carry.TextOf(argument));
            }
        }

        foreach (var stage in keptStages)
        {
            writer.Line();
            writer.Verbatim(StageText(stage));
        }

        writer.Line();
        writer.WriteBuilder(builderName, carry, keptCopies);
        writer.Line();
        writer.WriteFinal(builderName, ContainerPlan.PublishDirectory, carry, carriedArguments, runtime);
        return writer.ToString();

        string StageText(Stage stage)
        {
            var start = stage.From.FullSpan.Start;
            var next = model.Stages.FirstOrDefault(s => s.Index == stage.Index + 1);
            var end = next is null ? tree.Text.Length : tree.GetLeadingCommentStart(next.From);
            return CarryOver.CloseContinuation(tree.Text.Substring(start, end - start), tree.EscapeCharacter) + "\n";
        }
    }
}
