using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using ContainerAnalyzers.Projects;
using ContainerAnalyzers.Rules;
using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;

namespace ContainerAnalyzers.Fixes;

/// <summary>The kinds of rewrite the fixes offer, in the order they are offered.</summary>
public enum DockerfileFixKind
{
    /// <summary>Keep the user's stages as builders and replace or append only the final stage.</summary>
    MinimalEdit,

    /// <summary>Write the whole file anew, carrying over what the old final stage configured.</summary>
    Regenerate,
}

/// <summary>One proposed Dockerfile: its title (the code action's) and its full text.</summary>
public sealed class DockerfileFix
{
    public DockerfileFix(DockerfileFixKind kind, string title, string newText)
    {
        Kind = kind;
        Title = title;
        NewText = newText;
    }

    public DockerfileFixKind Kind { get; }

    public string Title { get; }

    public string NewText { get; }

    /// <summary>Shared by every road (IDE code fix, C# lightbulb, MSBuild target) so Fix All groups them.</summary>
    public string EquivalenceKey => "ContainerAnalyzers." + Kind;
}

/// <summary>
/// The generator behind every fix: turns a Dockerfile (or none) and the project's facts into a multi-stage
/// Dockerfile with a distroless final stage. Pure: text in, text out; never throws on any input it is given.
/// </summary>
public static class DockerfileFixes
{
    public const string MinimalEditTitle = "Move the build to a builder stage and run on a distroless image";
    public const string RegenerateTitle = "Rewrite Dockerfile as a distroless multi-stage build";
    public const string CreateTitle = "Add a distroless multi-stage Dockerfile";
    public const string DockerIgnoreTitle = "Add a .dockerignore that keeps bin/, obj/ and secrets out of the build context";

    private static readonly Regex PublishCommand = new(@"\bdotnet(?:\.exe)?(?:\s|\\\r?\n)+publish\b", RegexOptions.CultureInvariant);
    private static readonly Regex OutputOption = new(@"(?<=\s)(?:-o|--output)(?:=|(?:\s|\\\r?\n)+)(?<dir>[^\s;&|]+)", RegexOptions.CultureInvariant);

    /// <summary>The rules whose findings these fixes resolve.</summary>
    public static readonly IReadOnlyList<string> FixableRuleIds = new[] { RuleIds.NoBuilderStage, RuleIds.FinalStageOnSdkImage };

    /// <summary>The ids of the fixable findings in a Dockerfile: what the C# mirror diagnostic and Fix All look for.</summary>
    public static IReadOnlyList<string> FindFixableRuleIds(DockerfileAnalysis analysis, CancellationToken cancellationToken = default)
    {
        var ids = new List<string>();
        foreach (var rule in new DockerfileRule[] { new CTR0001NoBuilderStageRule(), new CTR0002FinalStageOnSdkImageRule() })
        {
            if (rule.Analyze(analysis, cancellationToken).Count > 0)
            {
                ids.Add(rule.Descriptor.Id);
            }
        }

        return ids;
    }

    /// <summary>The fixes for an existing Dockerfile, minimal edit first; empty when the project gives no sure plan.</summary>
    public static IReadOnlyList<DockerfileFix> GetFixes(string dockerfileText, string dockerfilePath, ProjectFacts project, CancellationToken cancellationToken = default)
    {
        var fixes = new List<DockerfileFix>();
        try
        {
            var tree = DockerfileParser.Parse(dockerfileText, cancellationToken);
            var model = DockerfileModel.Create(tree);
            if (model.FinalStage is null || ProjectLayout.Create(project, dockerfilePath) is not { } layout || ContainerPlan.Create(project, layout) is not { } plan)
            {
                return fixes;
            }

            plan.OldFinalImage = model.FinalStage.RootImage;

            // The minimal edit keeps the user's builder as it is, so it is offered only when the result leaves none of
            // the rules with a warning (an SDK image too old for the project would still be one).
            if (TryMinimalEdit(model, plan) is { } minimal && IsClean(minimal, project, cancellationToken))
            {
                fixes.Add(new DockerfileFix(DockerfileFixKind.MinimalEdit, MinimalEditTitle, minimal));
            }

            fixes.Add(new DockerfileFix(DockerfileFixKind.Regenerate, RegenerateTitle, Regenerate(model, plan)));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A fix that cannot be computed is not offered.
            fixes.Clear();
        }

        return fixes;
    }

    /// <summary>A new Dockerfile for a project that has none (CTR0003), or null when the project gives no sure plan.</summary>
    public static string? CreateDockerfile(ProjectFacts project, string dockerfilePath)
    {
        try
        {
            if (ProjectLayout.Create(project, dockerfilePath) is not { } layout || ContainerPlan.Create(project, layout) is not { } plan)
            {
                return null;
            }

            var model = DockerfileModel.Create(DockerfileParser.Parse("FROM scratch\n"));
            return Regenerate(model, plan);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Where the .dockerignore goes: the build context the generated Dockerfile uses.</summary>
    public static string? GetDockerIgnorePath(ProjectFacts project, string dockerfilePath)
        => ProjectLayout.Create(project, dockerfilePath) is { } layout ? layout.ContextDirectory.TrimEnd('/') + "/.dockerignore" : null;

    public static string CreateDockerIgnore() => string.Join("\n", new[]
    {
        "# Keep the build context small and the build reproducible: the image is built from sources, never from",
        "# the host's build output (a host obj/project.assets.json breaks restore in the container).",
        "**/bin/",
        "**/obj/",
        "**/out/",
        "**/publish/",
        "**/TestResults/",
        "**/node_modules/",
        "",
        "# Source control, editors and local tooling.",
        "**/.git",
        "**/.gitignore",
        "**/.vs/",
        "**/.vscode/",
        "**/.idea/",
        "**/*.user",
        "**/*.swp",
        "**/docker-compose*",
        "**/compose*.y*ml",
        "**/Dockerfile*",
        "**/.dockerignore",
        "",
        "# Local secrets must never reach an image layer.",
        "**/.env",
        "**/*.env",
        "**/secrets.json",
        "**/appsettings.*.local.json",
        "**/*.pfx",
        "**/*.key",
        "**/*.pem",
        "",
        "# The Dockerfile itself still builds: BuildKit reads it apart from the context.",
        "",
    });

    /// <summary>True when no rule reports a warning or an error on the text for this project.</summary>
    public static bool IsClean(string dockerfileText, ProjectFacts project, CancellationToken cancellationToken = default)
    {
        var analysis = new DockerfileAnalysis(DockerfileModel.Create(DockerfileParser.Parse(dockerfileText, cancellationToken)), project);
        foreach (var finding in RuleHost.Run(analysis, AllRules.DockerfileRules, cancellationToken))
        {
            if (finding.Severity >= RuleSeverity.Warning)
            {
                return false;
            }
        }

        return true;
    }

    private static string NewLineOf(string text) => text.Contains("\r\n") ? "\r\n" : "\n";

    private static string Regenerate(DockerfileModel model, ContainerPlan plan)
    {
        var tree = model.Syntax;
        var final = model.FinalStage!;
        var builds = CarryOver.DotnetCommandsRunIn(model, final);
        var carry = CarryOver.Collect(model, final, plan, stageIsBuilder: builds);
        var writer = new DockerfileWriter(plan, NewLineOf(tree.Text), tree.EscapeCharacter);

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
        var builderName = UniqueName(ContainerPlan.DefaultBuilderName, keptStages.Select(s => s.Name!));
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
        var carriedArguments = CarryOver.Referenced(carry.Arguments, ArgumentNames, carriedTexts).ToArray();
        carriedTexts.AddRange(carriedArguments.Select(carry.TextOf));
        var globalArguments = CarryOver.Referenced(tree.Instructions.TakeWhile(i => i.Kind != InstructionKind.From).OfType<ArgInstructionSyntax>(), ArgumentNames, carriedTexts).ToArray();

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

    /// <summary>
    /// Keeps the user's file: the stage that built the app becomes the builder (named, and publishing to a known
    /// folder), runtime-only instructions move to a new final stage on the runtime image. Null when the build
    /// cannot be followed (no <c>dotnet publish</c> in shell form in the final stage's lineage).
    /// </summary>
    private static string? TryMinimalEdit(DockerfileModel model, ContainerPlan plan)
    {
        var tree = model.Syntax;
        var final = model.FinalStage!;
        // The app is built in the final stage's lineage (FROM build AS final), or in the stage the final stage copies from.
        bool IsShellPublish(InstructionSyntax instruction) => IsEditableShellPublish(model, instruction);
        var publishing = final.Lineage.FirstOrDefault(s => s.Instructions.Any(IsShellPublish))
            ?? final.Dependencies.Where(d => d.Stage is not null).SelectMany(d => d.Stage!.Lineage).FirstOrDefault(s => s.Instructions.Any(IsShellPublish));
        if (publishing is null)
        {
            return null;
        }

        var publish = publishing.Instructions.Last(IsShellPublish);
        if (!BuilderCanSeeReferencedProjects(model, plan.Layout, publish))
        {
            return null;
        }

        var edits = new List<TextEdit>();
        var publishDirectory = EnsurePublishOutput(tree, publishing, publish, edits);
        if (publishDirectory is null)
        {
            return null;
        }

        var finalBuilds = publishing == final;
        var carry = CarryOver.Collect(model, final, plan, stageIsBuilder: finalBuilds);
        string builderName;
        if (finalBuilds)
        {
            // The old final stage becomes the builder; what only matters at run time moves to the new final stage.
            builderName = final.Name is { } name && !string.Equals(name, "final", StringComparison.OrdinalIgnoreCase) ? name : UniqueName(ContainerPlan.DefaultBuilderName, model.Stages.Select(s => s.Name).Where(n => n is not null)!);
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
        var carriedArguments = CarryOver.Referenced(carry.Arguments, ArgumentNames, carriedTexts).ToArray();

        var newLine = NewLineOf(tree.Text);
        var kept = CarryOver.CloseContinuation(TextEdit.Apply(tree.Text, edits), tree.EscapeCharacter);
        var writer = new DockerfileWriter(plan, newLine, tree.EscapeCharacter);
        writer.Verbatim(kept);
        writer.Line();
        writer.WriteFinal(builderName, publishDirectory, carry, carriedArguments);
        return writer.ToString();
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

    // The model's command index decides that the RUN publishes; the regex only locates the command in the source
    // text, which the minimal edit changes in place (the syntax tree does not map a joined line's offsets back to
    // the file, so the index cannot give the position of a word on a continuation line).
    private static bool IsEditableShellPublish(DockerfileModel model, InstructionSyntax instruction)
        => instruction.Kind == InstructionKind.Run && !instruction.IsJsonForm && instruction.Heredocs.Count == 0
            && model.DotnetCommandsOf(instruction).Any(c => c.Verb == "publish")
            && PublishCommand.IsMatch(instruction.LogicalLine);

    /// <summary>
    /// The folder the publish writes to, as an absolute path. A relative <c>-o</c> is resolved against the WORKDIR;
    /// when that cannot be known, or there is no <c>-o</c>, the command is edited to publish to /app/publish.
    /// </summary>
    private static string? EnsurePublishOutput(DockerfileSyntaxTree tree, Stage stage, InstructionSyntax publish, List<TextEdit> edits)
    {
        var text = tree.GetText(publish.Span);
        var command = PublishCommand.Match(text);
        if (!command.Success)
        {
            return null;
        }

        var rest = text.Substring(command.Index + command.Length);
        var end = Regex.Match(rest, @"&&|\|\||;|\|");
        var segment = end.Success ? rest.Substring(0, end.Index) : rest;
        var output = OutputOption.Match(segment);
        var restart = publish.Span.Start + command.Index + command.Length;
        if (output.Success)
        {
            var directory = output.Groups["dir"].Value.Trim('"', '\'');
            if (directory.StartsWith("/", StringComparison.Ordinal) && directory.IndexOf('$') < 0)
            {
                return PathText.Normalize(directory);
            }

            if (directory.IndexOf('$') < 0 && StageFacts.WorkdirBefore(stage, publish) is { } workdir)
            {
                return PathText.Combine(workdir, directory);
            }

            var group = output.Groups["dir"];
            edits.Add(new TextEdit(restart + group.Index, group.Length, ContainerPlan.PublishDirectory));
            return ContainerPlan.PublishDirectory;
        }

        edits.Add(new TextEdit(restart, 0, " -o " + ContainerPlan.PublishDirectory));
        return ContainerPlan.PublishDirectory;
    }

    private static IEnumerable<string> ArgumentNames(InstructionSyntax instruction)
        => instruction is ArgInstructionSyntax arg ? arg.Declarations.Select(d => d.Name) : Enumerable.Empty<string>();

    private static string UniqueName(string name, IEnumerable<string> taken)
    {
        var names = new HashSet<string>(taken, StringComparer.OrdinalIgnoreCase);
        var candidate = name;
        for (var i = 2; names.Contains(candidate) || candidate.Equals("final", StringComparison.OrdinalIgnoreCase); i++)
        {
            candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }
}
