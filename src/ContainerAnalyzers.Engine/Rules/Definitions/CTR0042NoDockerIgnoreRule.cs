using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0042: the build context has no .dockerignore (as the host reports it) and the Dockerfile copies a folder of
/// it (<c>COPY . .</c>, <c>COPY src/ src/</c>), so host bin/ and obj/ folders go in. Reported on the first such COPY.
/// </summary>
public sealed class CTR0042NoDockerIgnoreRule : DockerfileRule
{
    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0042",
        "No .dockerignore",
        "The Dockerfile copies the build context, which has no .dockerignore: the host's bin/ and obj/ enter the image build, and the host's obj/project.assets.json breaks the restore in the container",
        RuleCategories.Build,
        RuleSeverity.Warning,
        "Without a .dockerignore the whole folder is sent to the builder: host build output, .git, local secrets. A host obj/ folder makes restore and build in the container fail or use the host's paths.")
    {
        FixKind = RuleFixKind.NewFile,
    };

    public override RuleDescriptor Descriptor => Definition;

    protected internal override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        if (analysis.HasDockerIgnore != false)
        {
            return;
        }

        var copy = analysis.Model.Stages.SelectMany(s => s.Instructions)
            .Where(i => i.Kind is InstructionKind.Copy or InstructionKind.Add && i.GetFlag("from") is null)
            .OfType<CopyInstructionSyntax>()
            .FirstOrDefault(c => c.Sources.Any(s => IsFolder(s.Value) && HoldsTheProject(analysis, s.Value)));
        if (copy is not null)
        {
            findings.Add(Report(copy.Span));
        }
    }

    // Only a copy that brings the project's folder in carries its bin/ and obj/ (issue 24: COPY bin/Release/…/publish/
    // of a host-published app copies nothing the .dockerignore would keep out). The context is the Dockerfile's folder or
    // one above it; a folder source holds the project when, from one of them, it is the project's folder or an ancestor.
    private static bool HoldsTheProject(DockerfileAnalysis analysis, string source)
    {
        var path = PathText.Clean(source.Replace('\\', '/').TrimStart('/'));
        if (path is "." or "*")
        {
            return true;
        }

        if (analysis.DockerfilePath is not { } dockerfile || analysis.Project.ProjectPath is not { } project || path.StartsWith("..", StringComparison.Ordinal))
        {
            return false;
        }

        var projectFolder = PathText.GetDirectory(project);
        for (var context = PathText.GetDirectory(dockerfile); ; context = PathText.GetDirectory(context))
        {
            if (PathText.RelativeTo(context, projectFolder) is { } relative && PathText.IsSameOrBelow(relative, path))
            {
                return true;
            }

            if (PathText.GetDirectory(context) == context)
            {
                return false;
            }
        }
    }

    private static bool IsFolder(string source)
        => source is "." or "./" or "*" or "./*" || source.EndsWith("/", StringComparison.Ordinal) || source.EndsWith("/.", StringComparison.Ordinal)
            || (source.IndexOf('.', source.LastIndexOf('/') + 1) < 0 && source.IndexOf('*') < 0 && source.IndexOf('$') < 0 && !source.StartsWith("http", StringComparison.OrdinalIgnoreCase));

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(SourceSpan span)
        => new(Definition, span, Array.Empty<string>());
}
