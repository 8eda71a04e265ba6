using System;
using System.Collections.Generic;
using System.Linq;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules.CrossFile;

/// <summary>
/// What is certain about the build context of a Dockerfile: which .dockerignore applies to its COPY sources, and which
/// of the project's folders its sources name. The context itself is the user's command line; it is taken as known only
/// when DockerfileContext says it, when BuildKit's per-Dockerfile ignore file decides whatever the context, or when the
/// Dockerfile lies in the project's folder and its sources name the project's own files from there.
/// </summary>
internal static class BuildContext
{
    /// <summary>The .dockerignore that applies to the Dockerfile's context sources, with its path; null when there is none or it is not certain.</summary>
    public static (string Path, DockerIgnore Ignore)? ApplyingIgnore(DockerfileAnalysis analysis) => analysis.Memo(nameof(ApplyingIgnore), Compute);

    private static (string Path, DockerIgnore Ignore)? Compute(DockerfileAnalysis analysis)
    {
        if (analysis.DockerfilePath is not { } dockerfilePath)
        {
            return null;
        }

        // BuildKit reads <Dockerfile>.dockerignore beside the Dockerfile in preference to the context's, wherever the context is.
        var own = analysis.DockerIgnoreFiles.FirstOrDefault(f => PathText.SamePath(f.Path, dockerfilePath + ".dockerignore"));
        if (own.Path is not null)
        {
            return (own.Path, DockerIgnore.Parse(own.Text));
        }

        var folder = ContextFolder(analysis);
        if (folder is null)
        {
            return null;
        }

        var context = analysis.DockerIgnoreFiles.FirstOrDefault(f => PathText.SamePath(f.Path, folder.TrimEnd('/') + "/.dockerignore"));
        return context.Path is null ? null : (context.Path, DockerIgnore.Parse(context.Text));
    }

    /// <summary>The context folder when it is certain (see the class); null otherwise.</summary>
    public static string? ContextFolder(DockerfileAnalysis analysis)
    {
        if (analysis.DockerfilePath is not { } dockerfilePath || analysis.Project.ProjectPath is not { } projectPath)
        {
            return null;
        }

        var projectFolder = PathText.GetDirectory(projectPath);
        if (analysis.Project.GetProperty("DockerfileContext") is { Length: > 0 } explicitContext)
        {
            return explicitContext.IndexOf('$') >= 0 ? null : PathText.Combine(projectFolder, explicitContext.Replace('\\', '/'));
        }

        var dockerfileFolder = PathText.GetDirectory(dockerfilePath);
        if (!PathText.SamePath(dockerfileFolder, projectFolder))
        {
            return null;
        }

        // The sources must name the project's own files from its folder (App.csproj, bin/…, obj/…), and none the
        // project file by a longer path (src/App/App.csproj, which only resolves from a folder above).
        var projectFile = projectPath.Substring(projectPath.LastIndexOf('/') + 1);
        var sources = ContextSources(analysis.Model).Select(s => PathText.Clean(s.Source.Value.Replace('\\', '/').TrimStart('/'))).ToList();
        var namesProjectFile = sources.Any(s => string.Equals(s, projectFile, StringComparison.Ordinal) || s is "*.csproj" or "*.fsproj" or "*.vbproj");
        var namesOwnOutput = sources.Any(s => s.StartsWith("bin/", StringComparison.Ordinal) || s.StartsWith("obj/", StringComparison.Ordinal));
        var namesItFromAbove = sources.Any(s => s.EndsWith("/" + projectFile, StringComparison.Ordinal));
        return (namesProjectFile || namesOwnOutput) && !namesItFromAbove ? dockerfileFolder : null;
    }

    /// <summary>Every source of a COPY or ADD that reads the build context (no --from, not a heredoc or a URL), with its token.</summary>
    public static IEnumerable<(CopyInstructionSyntax Instruction, SyntaxToken Source)> ContextSources(Semantics.DockerfileModel model)
    {
        foreach (var instruction in model.Syntax.Instructions)
        {
            if (instruction is not CopyInstructionSyntax copy || copy.From is not null)
            {
                continue;
            }

            for (var i = 0; i < copy.SourceCount; i++)
            {
                var source = copy.Arguments[i];
                var value = source.Value;
                if (value.Length == 0 || value.StartsWith("<<", StringComparison.Ordinal) || value.IndexOf("://", StringComparison.Ordinal) >= 0
                    || value.StartsWith("git@", StringComparison.Ordinal))
                {
                    continue;
                }

                yield return (copy, source);
            }
        }
    }

    /// <summary>The COPY and ADD instructions that read the context in a stage and the stages it builds on, before an instruction of it.</summary>
    public static List<CopyInstructionSyntax> ContextCopiesBefore(Stage stage, InstructionSyntax before)
    {
        var copies = new List<CopyInstructionSyntax>();
        foreach (var ancestor in stage.Lineage.Reverse())
        {
            foreach (var instruction in ancestor.Instructions)
            {
                if (instruction == before)
                {
                    return copies;
                }

                if (instruction is CopyInstructionSyntax { From: null } copy && instruction.Kind is InstructionKind.Copy or InstructionKind.Add)
                {
                    copies.Add(copy);
                }
            }
        }

        return copies;
    }

    /// <summary>
    /// A COPY of <paramref name="file"/> (a full path) to where the context's layout puts it in the image, inserted
    /// before <paramref name="before"/>: the project file's own COPY (<c>COPY ["src/Api/Api.csproj", "src/Api/"]</c>, whose
    /// destination mirrors its source folder) shows where the context's root lands, and the WORKDIR there makes the
    /// destination absolute. Null when that is not certain, or the file lies outside the context.
    /// </summary>
    public static RuleFix? MirroredCopy(DockerfileAnalysis analysis, Stage stage, IEnumerable<CopyInstructionSyntax> copies, InstructionSyntax before, string file, string where)
    {
        if (analysis.Project.ProjectPath?.Replace('\\', '/') is not { } projectPath)
        {
            return null;
        }

        var projectName = PathText.GetFileName(projectPath);
        foreach (var copy in copies)
        {
            var sources = copy.Sources.ToArray();
            if (sources.Length != 1 || copy.Destination is not { } destination || destination.Value.IndexOf('$') >= 0)
            {
                continue;
            }

            var source = PathText.Clean(sources[0].Value.Replace('\\', '/').TrimStart('/'));
            if (!source.EndsWith(projectName, StringComparison.Ordinal) || !projectPath.EndsWith("/" + source, StringComparison.Ordinal))
            {
                continue;
            }

            var context = projectPath.Substring(0, projectPath.Length - source.Length - 1);
            var sourceFolder = source.IndexOf('/') < 0 ? "." : source.Substring(0, source.LastIndexOf('/'));
            var target = PathText.Clean(destination.Value.Replace('\\', '/'));
            if ((!destination.Value.EndsWith("/", StringComparison.Ordinal) && target != ".") || target != sourceFolder
                || PathText.RelativeTo(context, file) is not { } relative || relative == "."
                || StageFacts.WorkdirBefore(stage, copy) is not { } root)
            {
                return null;
            }

            var folder = relative.IndexOf('/') < 0 ? string.Empty : relative.Substring(0, relative.LastIndexOf('/'));
            var into = StageFacts.CombinePath(root, folder).TrimEnd('/') + "/";
            var line = "COPY " + ExecForm.Format(new[] { relative, into }) + NewLines.Of(analysis.Model.Syntax.Text);
            return new RuleFix($"Copy {relative} {where}", RuleFixTarget.Dockerfile, new SourceSpan(before.Span.Start, 0), string.Empty, line);
        }

        return null;
    }
}
