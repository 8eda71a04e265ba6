using System;
using System.Collections.Generic;
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

    /// <summary>The rules whose findings these fixes resolve.</summary>
    public static readonly IReadOnlyList<string> FixableRuleIds = new[] { RuleIds.NoBuilderStage, RuleIds.FinalStageOnSdkImage };

    /// <summary>The rules whose findings the rewrites resolve (<see cref="FixableRuleIds"/>).</summary>
    internal static readonly IReadOnlyList<DockerfileRule> FixableRules = new DockerfileRule[] { new CTR0001NoBuilderStageRule(), new CTR0002FinalStageOnSdkImageRule() };

    /// <summary>The ids of the fixable findings in a Dockerfile: what the C# mirror diagnostic and Fix All look for.</summary>
    public static IReadOnlyList<string> FindFixableRuleIds(DockerfileAnalysis analysis, CancellationToken cancellationToken = default)
    {
        var ids = new List<string>();
        foreach (var rule in FixableRules)
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
            if (model.FinalStage is null || ProjectLayout.Create(project, dockerfilePath) is not { } layout || ContainerPlan.Create(project, layout, RequestedFramework(model)) is not { } plan)
            {
                return fixes;
            }

            plan.OldFinalImage = model.FinalStage.RootImage;

            // The minimal edit keeps the user's builder as it is, so it is offered only when the result leaves none of
            // the rules with a warning (an SDK image too old for the project would still be one).
            if (MinimalEdit.TryApply(model, plan) is { } minimal && IsClean(minimal, project, cancellationToken))
            {
                fixes.Add(new DockerfileFix(DockerfileFixKind.MinimalEdit, MinimalEditTitle, minimal));
            }

            fixes.Add(new DockerfileFix(DockerfileFixKind.Regenerate, RegenerateTitle, FullRewrite.Regenerate(model, plan)));
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
            return FullRewrite.Regenerate(model, plan);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Where the .dockerignore goes: the build context the generated Dockerfile uses.</summary>
    public static string? GetDockerIgnorePath(ProjectFacts project, string dockerfilePath)
        => ProjectLayout.Create(project, dockerfilePath) is { } layout ? layout.ContextDirectory.TrimEnd('/') + "/.dockerignore" : null;

    /// <summary>The .dockerignore the companion fix adds.</summary>
    public static string CreateDockerIgnore() => DockerIgnoreText.Create();

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

    // The one framework the user's build and publish commands name with -f (after ARG defaults); null when they name
    // none, or several.
    private static string? RequestedFramework(DockerfileModel model)
    {
        string? requested = null;
        foreach (var command in model.DotnetRunCommands)
        {
            if (command.Verb is "publish" or "build" && command.GetOption("-f", "--framework") is { } framework && framework.IndexOf('$') < 0)
            {
                if (requested is not null && !string.Equals(requested, framework, StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }

                requested = framework;
            }
        }

        return requested;
    }
}
