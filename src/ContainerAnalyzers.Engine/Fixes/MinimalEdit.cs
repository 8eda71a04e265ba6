using System;
using System.Collections.Generic;
using System.Linq;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Fixes;

/// <summary>
/// The first fix (<see cref="DockerfileFixes.MinimalEditTitle"/>): the user's stages stay as they are and become the
/// builder; only the final stage is appended or replaced.
/// </summary>
internal static class MinimalEdit
{
    /// <summary>
    /// Keeps the user's file: the stage that built the app becomes the builder (named, and publishing to a known
    /// folder), runtime-only instructions move to a new final stage on the runtime image. Null when the build
    /// cannot be followed (no <c>dotnet publish</c> in shell form in the final stage's lineage).
    /// </summary>
    /// <summary>Why <see cref="TryApply"/> gives nothing for this file, in words for a log; null when it gives an edit.</summary>
    public static string? Obstacle(DockerfileModel model, ContainerPlan plan)
    {
        if (FindPublish(model) is not { } found)
        {
            return "the minimal edit cannot follow its build (no dotnet publish in the final stage's build that it can give an output folder)";
        }

        if (!BuilderCanSeeReferencedProjects(model, plan.Layout, found.Publish))
        {
            return "its build publishes the project from the project's folder, where the projects it references are missing";
        }

        return TryApply(model, plan) is null ? "the minimal edit cannot follow its publish output" : null;
    }

    public static RewriteResult? TryApply(DockerfileModel model, ContainerPlan plan)
    {
        var tree = model.Syntax;
        var final = model.FinalStage!;
        if (FindPublish(model) is not { } found || !BuilderCanSeeReferencedProjects(model, plan.Layout, found.Publish))
        {
            return null;
        }

        var (publishing, publish) = found;
        var edits = new List<TextEdit>();
        var edited = new Dictionary<InstructionSyntax, string>();
        var publishDirectory = publish.IsJsonForm ? EnsureJsonPublishOutput(publishing, publish, edits) : EnsurePublishOutput(model, publishing, publish, edits);
        if (publishDirectory is null)
        {
            return null;
        }

        if (edits.Count > 0)
        {
            edited[publish] = "now publishes to " + publishDirectory;
        }

        var finalBuilds = publishing == final;
        var carry = CarryOver.Collect(model, final, plan, stageIsBuilder: finalBuilds);
        string builderName;
        if (finalBuilds)
        {
            // The old final stage becomes the builder; what only matters at run time moves to the new final stage.
            builderName = final.Name is { } name && !string.Equals(name, "final", StringComparison.OrdinalIgnoreCase) ? name : RewriteNames.UniqueName(ContainerPlan.DefaultBuilderName, model.Stages.Select(s => s.Name).Where(n => n is not null)!);
            edited[final.From] = "named as the builder stage";
            if (final.From.StageName is { } stageName)
            {
                if (!string.Equals(stageName.Value, builderName, StringComparison.Ordinal))
                {
                    edits.Add(new TextEdit(stageName.Span.Start, stageName.Span.Length, builderName));
                }
            }
            else
            {
                edits.Add(new TextEdit(final.From.Span.End, 0, " AS " + builderName));
            }

            foreach (var moved in carry.MovedToFinal)
            {
                var start = tree.GetLeadingCommentStart(moved);
                edits.Add(new TextEdit(start, moved.FullSpan.End - start, string.Empty));
            }
        }
        else
        {
            // The old final stage only ran the app: it is replaced as a whole.
            builderName = publishing.Name ?? publishing.Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var start = tree.GetLeadingCommentStart(final.From);
            edits.Add(new TextEdit(start, tree.Text.Length - start, string.Empty));
        }

        var carriedTexts = carry.Metadata.Concat(carry.PackageInstalls).Concat(carry.RuntimeCommands).Concat(carry.Runtime).Concat(carry.Exposes).Select(carry.TextOf).ToArray();
        var carriedArguments = CarryOver.Referenced(carry.Arguments, RewriteNames.ArgumentNames, carriedTexts).ToArray();

        var newLine = NewLines.Of(tree.Text);
        var kept = CarryOver.CloseContinuation(TextEdit.Apply(tree.Text, edits), tree.EscapeCharacter);
        var writer = new DockerfileWriter(plan, newLine, tree.EscapeCharacter);
        writer.Verbatim(kept);
        writer.Line();
        writer.WriteFinal(builderName, publishDirectory, carry, carriedArguments);
        foreach (var edit in carry.Edits)
        {
            edited[edit.Key] = edit.Value;
        }

        return new RewriteResult(writer.ToString(), carry.DropReasons, edited: edited);
    }

    // The stage that publishes the app, and its last publish the edit can change: in the final stage's lineage
    // (FROM build AS final), or in the stage the final stage copies from. Null when there is none.
    private static (Stage Stage, InstructionSyntax Publish)? FindPublish(DockerfileModel model)
    {
        var final = model.FinalStage!;
        bool IsPublish(InstructionSyntax instruction) => IsEditablePublish(model, instruction);
        var publishing = final.Lineage.FirstOrDefault(s => s.Instructions.Any(IsPublish))
            ?? final.Dependencies.Where(d => d.Stage is not null).SelectMany(d => d.Stage!.Lineage).FirstOrDefault(s => s.Instructions.Any(IsPublish));
        return publishing is null ? null : (publishing, publishing.Instructions.Last(IsPublish));
    }

    /// <summary>
    /// The kept builder was written for a build context we cannot see. When the project references projects outside
    /// its folder and declares no context, a publish that does not name the project by a path (<c>dotnet publish
    /// src/Api/Api.csproj</c>) was written for the project's folder, where those projects are missing: keeping that
    /// builder keeps a build that cannot work. (Found by building the result in the container suite.)
    /// </summary>
    private static bool BuilderCanSeeReferencedProjects(DockerfileModel model, ProjectLayout layout, InstructionSyntax publish)
    {
        if (!layout.ReferencesProjectsOutsideItsFolder || layout.ContextIsDeclared)
        {
            return true;
        }

        return model.DotnetCommandsOf(publish).Any(c => c.Verb == "publish" && c.ProjectArgument is { } path && NamesAFolder(path));

        static bool NamesAFolder(string path)
        {
            var normalized = path.Replace('\\', '/');
            while (normalized.StartsWith("./", StringComparison.Ordinal))
            {
                normalized = normalized.Substring(2);
            }

            return normalized.IndexOf('/') > 0;
        }
    }

    // The model's command index finds the publish and where its words are written, on continuation lines too; a
    // publish read from text that is not the file's (a heredoc, sh -c "…") has no positions and is not edited.
    // An exec-form publish (RUN ["dotnet", "publish", …]) is edited by its JSON strings, whose positions are exact
    // on a single line.
    private static bool IsEditablePublish(DockerfileModel model, InstructionSyntax instruction)
        => instruction.Kind == InstructionKind.Run && instruction.Heredocs.Count == 0
            && (instruction.IsJsonForm
                ? model.DotnetCommandsOf(instruction).Any(c => c.Verb == "publish") && JsonPublishVerb(instruction) is not null && model.Syntax.GetText(instruction.Span).IndexOf('\n') < 0
                : ShellPublish(model, instruction) is not null);

    // The first dotnet publish of a shell-form RUN whose words have their place in the file.
    private static DotnetCommandLine? ShellPublish(DockerfileModel model, InstructionSyntax run)
        => model.DotnetCommandsOf(run).FirstOrDefault(c => c.Verb == "publish" && c.VerbSpan is not null);

    // The index of "publish" in RUN ["dotnet", "publish", …], or null.
    private static int? JsonPublishVerb(InstructionSyntax run)
        => run.Arguments.Count >= 2 && DotnetCommandLine.IsDotnetExecutable(run.Arguments[0].Value) && run.Arguments[1].Value == "publish" ? 1 : null;

    private static string? EnsureJsonPublishOutput(Stage stage, InstructionSyntax publish, List<TextEdit> edits)
    {
        if (JsonPublishVerb(publish) is not { } verb)
        {
            return null;
        }

        var arguments = publish.Arguments;
        for (var i = verb + 1; i < arguments.Count; i++)
        {
            if (arguments[i].Value is "-o" or "--output" && i + 1 < arguments.Count)
            {
                var directory = arguments[i + 1].Value;
                if (directory.IndexOf('$') >= 0)
                {
                    // Exec form expands no variables: a literal $ folder is not one we can follow.
                    return null;
                }

                return directory.StartsWith("/", StringComparison.Ordinal) ? PathText.Normalize(directory)
                    : StageFacts.WorkdirBefore(stage, publish) is { } workdir ? PathText.Combine(workdir, directory) : null;
            }
        }

        edits.Add(new TextEdit(arguments[verb].Span.End, 0, ", \"-o\", \"" + ContainerPlan.PublishDirectory + "\""));
        return ContainerPlan.PublishDirectory;
    }

    /// <summary>
    /// The folder the publish writes to, as an absolute path. A relative <c>-o</c> is resolved against the WORKDIR;
    /// when that cannot be known, or there is no <c>-o</c>, the command is edited to publish to /app/publish.
    /// </summary>
    private static string? EnsurePublishOutput(DockerfileModel model, Stage stage, InstructionSyntax publish, List<TextEdit> edits)
    {
        if (ShellPublish(model, publish) is not { VerbSpan: { } verb } command)
        {
            return null;
        }

        var words = command.WrittenArguments;
        for (var i = 0; i < words.Count; i++)
        {
            // -o dir, --output dir, -o=dir, --output=dir (as written: a variable is not a folder we can follow).
            var word = words[i];
            var joined = word.StartsWith("-o=", StringComparison.Ordinal) || word.StartsWith("--output=", StringComparison.Ordinal);
            if (!joined && (word is not ("-o" or "--output") || i + 1 >= words.Count))
            {
                continue;
            }

            // A folder with a blank in it would need quoting in the COPY --from the final stage gets: publish to ours instead.
            var directory = joined ? word.Substring(word.IndexOf('=') + 1) : words[i + 1];
            var followable = directory.IndexOf('$') < 0 && !directory.Any(char.IsWhiteSpace);
            if (directory.StartsWith("/", StringComparison.Ordinal) && followable)
            {
                return PathText.Normalize(directory);
            }

            if (followable && StageFacts.WorkdirBefore(stage, publish) is { } workdir)
            {
                return PathText.Combine(workdir, directory);
            }

            if (command.ArgumentSpan(joined ? i : i + 1) is not { } written)
            {
                return null;
            }

            edits.Add(new TextEdit(written.Start, written.Length, joined ? word.Substring(0, word.IndexOf('=') + 1) + ContainerPlan.PublishDirectory : ContainerPlan.PublishDirectory));
            return ContainerPlan.PublishDirectory;
        }

        edits.Add(new TextEdit(verb.End, 0, " -o " + ContainerPlan.PublishDirectory));
        return ContainerPlan.PublishDirectory;
    }
}
