using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Fixes;

/// <summary>The second fix (<see cref="DockerfileFixes.RegenerateTitle"/>): the whole file anew, carrying over what the user configured.</summary>
internal static class FullRewrite
{
    // A comment that tells how to build the image (docker build, podman build, buildah bud): the new header says
    // that now, for the new file's context; the old one would contradict it.
    private static readonly Regex BuildCommandComment = new(@"\b(docker|podman)\s+(buildx\s+)?build\b|\bbuildah\s+(bud|build)\b|\bdocker\s+image\s+build\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    // The first line of the header a rewrite writes (DockerfileWriter.WriteHeader): an earlier rewrite's header is replaced
    // by this one's, not carried under it, so regenerating twice gives the same file.
    private static readonly Regex GeneratedHeaderComment = new(@"^#\s*\S.*: built on the \.NET SDK image, run on \S+ \(no SDK\)\.\s*$", RegexOptions.CultureInvariant);

    public static RewriteResult Regenerate(DockerfileModel model, ContainerPlan plan)
    {
        var tree = model.Syntax;
        var final = model.FinalStage!;

        // A final stage that builds (or starts the app with dotnet run) is itself a builder: what it copies is sources.
        var builds = model.LineageRunsDotnet(final) || model.StartsWithDotnetRun(final);

        // Stages that build something else (a front end, a tool) and that the app's stages copy from stay as they are.
        var lineage = new HashSet<Stage>(final.Lineage);
        // Visual Studio's 'base' stage stays too, though the final stage no longer builds on it: its fast-mode debugging
        // builds that stage alone (DockerfileFastModeStage) and mounts the app into it (issue 24).
        var keptStages = model.Stages.Where(s => (!lineage.Contains(s) || IsVisualStudioBase(s, final)) && !model.LineageRunsDotnet(s) && s.Name is not null).ToArray();
        var replacedBuilders = model.Stages.Where(s => s != final && model.LineageRunsDotnet(s)).ToArray();
        var carry = CarryOver.Collect(model, final, plan, stageIsBuilder: builds, replacedBuilders);
        var writer = new DockerfileWriter(plan, NewLines.Of(tree.Text), tree.EscapeCharacter);
        var commentReasons = new Dictionary<int, string>();

        // Parser directives first, as Docker requires; then the user's comments that open the file.
        var firstInstruction = tree.Elements.TakeWhile(e => e.Kind != SyntaxElementKind.Instruction).ToArray();
        foreach (var element in firstInstruction.Where(e => e.Kind == SyntaxElementKind.ParserDirective))
        {
            writer.Verbatim(tree.GetText(element.FullSpan));
        }

        var runtime = carry.ChooseRuntimeImage(plan);
        writer.WriteHeader(runtime);
        var inEarlierHeader = false;
        foreach (var comment in firstInstruction.Where(e => e.Kind == SyntaxElementKind.Comment))
        {
            var text = tree.GetText(comment.FullSpan);
            inEarlierHeader |= GeneratedHeaderComment.IsMatch(text.TrimEnd('\r', '\n'));
            if (BuildCommandComment.IsMatch(text))
            {
                // The build command ends an earlier rewrite's header.
                inEarlierHeader = false;
                commentReasons[comment.FullSpan.Start] = "it tells how to build the old file; the header above says how to build this one";
                continue;
            }

            if (inEarlierHeader)
            {
                commentReasons[comment.FullSpan.Start] = "it is the header of an earlier rewrite; the header above replaces it";
                continue;
            }

            writer.Verbatim(text);
        }

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
        return new RewriteResult(writer.ToString(), carry.DropReasons, commentReasons, carry.Edits);

        static bool IsVisualStudioBase(Stage stage, Stage final)
            => stage != final && string.Equals(stage.Name, "base", StringComparison.OrdinalIgnoreCase) && final.BaseStage == stage;

        string StageText(Stage stage)
        {
            var start = stage.From.FullSpan.Start;
            var next = model.Stages.FirstOrDefault(s => s.Index == stage.Index + 1);
            var end = next is null ? tree.Text.Length : tree.GetLeadingCommentStart(next.From);
            return CarryOver.CloseContinuation(tree.Text.Substring(start, end - start), tree.EscapeCharacter) + "\n";
        }
    }
}

/// <summary>A rewrite's text, with why it left out the user's lines it did not keep.</summary>
internal sealed class RewriteResult
{
    public RewriteResult(string text, IReadOnlyDictionary<InstructionSyntax, string> reasons, IReadOnlyDictionary<int, string>? commentReasons = null, IReadOnlyDictionary<InstructionSyntax, string>? edited = null)
    {
        Text = text;
        Reasons = reasons;
        CommentReasons = commentReasons ?? new Dictionary<int, string>();
        Edited = edited ?? new Dictionary<InstructionSyntax, string>();
    }

    public string Text { get; }

    /// <summary>Why an instruction was not kept, when the rewrite knows better than its kind says.</summary>
    public IReadOnlyDictionary<InstructionSyntax, string> Reasons { get; }

    /// <summary>Why a comment (by its start offset) was not kept.</summary>
    public IReadOnlyDictionary<int, string> CommentReasons { get; }

    /// <summary>Instructions kept but edited, with how (the publish given an output folder): not dropped.</summary>
    public IReadOnlyDictionary<InstructionSyntax, string> Edited { get; }
}
