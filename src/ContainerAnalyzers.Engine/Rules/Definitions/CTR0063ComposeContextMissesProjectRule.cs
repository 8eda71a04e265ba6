using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ContainerAnalyzers.Compose;
using ContainerAnalyzers.Rules.Shared;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0063: the build context of the project's service cannot hold what the Dockerfile builds. Either it is not the
/// folder the Dockerfile's COPY paths are written against (a source naming the project file, or a folder on its path,
/// says which folder that is), or the Dockerfile builds the project from sources and the context does not contain the
/// project or a project it references. Silent when the COPY paths say nothing certain and the Dockerfile does not build.
/// </summary>
public sealed class CTR0063ComposeContextMissesProjectRule : ComposeRule
{
    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0063",
        "Compose build context does not hold the project",
        "Service '{0}' builds with context '{1}', but {2}",
        RuleCategories.Build,
        RuleSeverity.Warning,
        "Compose sends the build context to the builder, and every COPY source is relative to it. A context that is not the folder the Dockerfile was written for fails on the first COPY of the project.")
    {
        Inputs = RuleInputs.Compose,
    };

    public override RuleDescriptor Descriptor => Definition;

    protected internal override void Analyze(ComposeAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        if (analysis.Project.ProjectPath is not { } projectPath)
        {
            return;
        }

        var projectDirectory = PathText.GetDirectory(projectPath);
        var references = (analysis.Project.ProjectReferenceClosure ?? analysis.Project.ProjectReferences.Select(r => PathText.Combine(projectDirectory, r)).ToArray()).ToArray();
        foreach (var service in analysis.Services)
        {
            var composeFolder = analysis.File.Directory;
            var location = service.Service.Build?.Context?.Location ?? service.Service.Build?.Location ?? service.Service.Location;
            if (ContextSources.FromCopySources(service.Dockerfile.Model, projectPath) is { } expected)
            {
                if (!PathText.SamePath(expected, service.Context))
                {
                    findings.Add(Report(location, service.Service.Name, Relative(composeFolder, service.Context), $"the Dockerfile's COPY paths are relative to '{Relative(composeFolder, expected)}': the build cannot find the project"));
                }

                continue;
            }

            // No COPY path names the project, but the Dockerfile builds it from what it copies: the context must hold it.
            if (!BuildsFromTheContext(service.Dockerfile))
            {
                continue;
            }

            if (PathText.RelativeTo(service.Context, projectDirectory) is null)
            {
                findings.Add(Report(location, service.Service.Name, Relative(composeFolder, service.Context), $"the project '{Relative(composeFolder, projectPath)}' that the Dockerfile builds is outside it"));
            }
            else if (references.FirstOrDefault(r => PathText.RelativeTo(service.Context, r) is null) is { } outside)
            {
                findings.Add(Report(location, service.Service.Name, Relative(composeFolder, service.Context), $"the referenced project '{Relative(composeFolder, outside)}' is outside it, and the build needs it"));
            }
        }
    }

    // A stage runs dotnet restore, build or publish, and nothing brings sources from elsewhere (git clone, a remote ADD).
    private static bool BuildsFromTheContext(DockerfileAnalysis dockerfile)
    {
        var model = dockerfile.Model;
        var builds = model.DotnetRunCommands.Any(c => c.Verb is "publish" or "build" or "restore");
        var elsewhere = model.Syntax.Instructions.Any(i => (i.Kind == Syntax.InstructionKind.Run && i.LogicalLine.IndexOf("git clone", StringComparison.Ordinal) >= 0)
            || (i.Kind == Syntax.InstructionKind.Add && i.LogicalLine.IndexOf("://", StringComparison.Ordinal) >= 0));
        return builds && !elsewhere && dockerfile.BuildsThisApp;
    }

    private static string Relative(string from, string to) => PathText.RelativePath(from, to);

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(ComposeLocation location, string service, string context, string problem)
        => new(Definition, location.Span, new[] { service, context, problem }) { File = location.File };
}
