using System.Collections.Generic;
using System.Threading;
using ContainerAnalyzers.Compose;
using ContainerAnalyzers.Fixes;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0063: the build context of the project's service is not the folder the Dockerfile's COPY paths are written
/// against (a source naming the project file, or a folder on its path, says which folder that is): the build cannot
/// find the project. Silent when the COPY paths say nothing certain.
/// </summary>
public sealed class CTR0063ComposeContextMissesProjectRule : ComposeRule
{
    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0063",
        "Compose build context does not hold the project",
        "Service '{0}' builds with context '{1}', but the Dockerfile's COPY paths are relative to '{2}': the build cannot find the project",
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

        foreach (var service in analysis.Services)
        {
            if (ProjectLayout.ContextFromCopySources(service.Dockerfile.Model, projectPath) is not { } expected
                || ComposeService.SamePath(expected, service.Context))
            {
                continue;
            }

            var composeFolder = analysis.File.Directory;
            var location = service.Service.Build?.Context?.Location ?? service.Service.Build?.Location ?? service.Service.Location;
            findings.Add(Report(location, service.Service.Name, Relative(composeFolder, service.Context), Relative(composeFolder, expected)));
        }
    }

    private static string Relative(string from, string to) => ProjectLayout.RelativePath(from, to);

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(ComposeLocation location, string service, string context, string expected)
        => new(Definition, location.Span, new[] { service, context, expected }) { File = location.File };
}
