using System;
using System.Collections.Generic;
using System.Linq;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules.Shared;

/// <summary>The fix that copies a file the build needs into the image, where the build context's layout puts it.</summary>
internal static class ContextCopyFix
{
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
