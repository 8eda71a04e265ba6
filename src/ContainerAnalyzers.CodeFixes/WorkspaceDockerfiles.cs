using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContainerAnalyzers.Fixes;
using ContainerAnalyzers.Infrastructure;
using ContainerAnalyzers.Projects;
using ContainerAnalyzers.Rules;
using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ContainerAnalyzers.CodeFixes;

/// <summary>What a code action does to a project's container files.</summary>
internal enum ContainerFileAction
{
    SwapImage,
    MinimalEdit,
    Regenerate,
    CreateDockerfile,
    AddDockerIgnore,
    PublishWithSdk,

    /// <summary>The rules' own fixes (CTR0020's tag, CTR0036's CMD…), offered from C# where a Dockerfile shows no light bulb.</summary>
    ApplyRuleFixes,
}

/// <summary>
/// The workspace side of the fixes, shared by the Dockerfile code fix, the C# mirror's code fix and Fix All: finds a
/// project's container files among its additional documents, asks the engine's generator, and returns the solution
/// with the Dockerfile (or .dockerignore) edited or added.
/// </summary>
internal static class WorkspaceDockerfiles
{
    // New files are added without a byte order mark (shell scripts and linters stumble on one); edited files keep theirs.
    private static readonly System.Text.Encoding NewFileEncoding = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public const string EquivalenceKeyPrefix = "ContainerAnalyzers.";

    public const string PublishWithSdkTitle = "Publish with the SDK (set ContainerFamily in the project file)";

    public static string EquivalenceKey(ContainerFileAction action) => EquivalenceKeyPrefix + action;

    public static ContainerFileAction? ParseEquivalenceKey(string? key)
        => key is not null && key.StartsWith(EquivalenceKeyPrefix, StringComparison.Ordinal)
            && Enum.TryParse<ContainerFileAction>(key.Substring(EquivalenceKeyPrefix.Length), out var action) ? action : null;

    public static string Title(ContainerFileAction action) => action switch
    {
        ContainerFileAction.SwapImage => DockerfileFixes.SwapImageTitle,
        ContainerFileAction.MinimalEdit => DockerfileFixes.MinimalEditTitle,
        ContainerFileAction.Regenerate => DockerfileFixes.RegenerateTitle,
        ContainerFileAction.CreateDockerfile => DockerfileFixes.CreateTitle,
        ContainerFileAction.PublishWithSdk => PublishWithSdkTitle,
        ContainerFileAction.ApplyRuleFixes => DockerfileFixes.RuleFixesTitle,
        _ => DockerfileFixes.DockerIgnoreTitle,
    };

    public static ProjectFacts GetFacts(Project project, CancellationToken cancellationToken)
        => AnalysisCache.GetProjectFacts(project.AnalyzerOptions, cancellationToken);

    /// <summary>
    /// What the fixes weigh beyond the Dockerfile, read as the analyzer reads it: where the code pins its endpoints
    /// (the project's compilation) and the compose files the package hands over.
    /// </summary>
    private static async Task<FixInputs> FixInputsAsync(Project project, CancellationToken cancellationToken)
    {
        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        var composeFiles = new List<Compose.ComposeFile>();
        foreach (var document in FindDocuments(project, AdditionalFileKind.Compose))
        {
            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            composeFiles.Add(Compose.ComposeFile.Parse(document.FilePath!, text.ToString(), cancellationToken));
        }

        return new FixInputs
        {
            Source = compilation is null ? null : CompilationSourceEvidence.For(compilation, cancellationToken),
            ComposeFiles = composeFiles,
            AppSettings = AnalysisCache.GetAppSettings(project.AnalyzerOptions, cancellationToken),
            DockerActionImages = AnalysisCache.GetDockerActionImages(project.AnalyzerOptions, cancellationToken),
        };
    }

    /// <summary>
    /// Whether a rule's edit of the Dockerfile adds no warning, judged by every rule with what the analyzer knows (the
    /// compilation, appsettings, compose files): the check FixDockerfile makes before it writes, made before the IDE offers it.
    /// </summary>
    public static async Task<bool> IsSafeEditAsync(TextDocument dockerfile, RuleFix fix, CancellationToken cancellationToken)
    {
        var text = (await dockerfile.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString();
        if (fix.ApplyTo(text) is not { } fixedText)
        {
            return false;
        }

        var inputs = await FixInputsAsync(dockerfile.Project, cancellationToken).ConfigureAwait(false);
        return DockerfileFixes.WarningsAdded(text, fixedText, dockerfile.FilePath ?? "/Dockerfile", GetFacts(dockerfile.Project, cancellationToken), inputs, cancellationToken).Count == 0;
    }

    public static IEnumerable<TextDocument> FindDocuments(Project project, AdditionalFileKind kind)
    {
        var options = project.AnalyzerOptions;
        var inputs = AnalysisCache.GetInputs(options);
        var paths = new HashSet<string>(
            options.AdditionalFiles.Where(f => inputs.KindOf(f, options) == kind).Select(f => f.Path),
            StringComparer.Ordinal);
        return project.AdditionalDocuments.Where(d => d.FilePath is not null && paths.Contains(d.FilePath));
    }

    /// <summary>The actions that apply to a Dockerfile with fixable findings: the engine's fixes in its order, then the .dockerignore.</summary>
    public static async Task<IReadOnlyList<(ContainerFileAction Action, string Title)>> GetDockerfileActionsAsync(TextDocument dockerfile, CancellationToken cancellationToken)
    {
        var actions = new List<(ContainerFileAction, string)>();
        var text = await dockerfile.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var facts = GetFacts(dockerfile.Project, cancellationToken);
        var inputs = await FixInputsAsync(dockerfile.Project, cancellationToken).ConfigureAwait(false);
        // A fix that would break a compose file that builds the Dockerfile is not offered (DockerfileFix.Breaks).
        foreach (var fix in DockerfileFixes.GetFixes(text.ToString(), dockerfile.FilePath ?? "/Dockerfile", facts, cancellationToken, inputs).Where(f => f.Breaks.Count == 0))
        {
            actions.Add((ActionOf(fix.Kind), fix.Title));
        }

        if (actions.Count > 0 && NeedsDockerIgnore(dockerfile.Project, facts, dockerfile.FilePath, text.ToString()))
        {
            actions.Add((ContainerFileAction.AddDockerIgnore, DockerfileFixes.DockerIgnoreTitle));
        }

        return actions;
    }

    private static ContainerFileAction ActionOf(DockerfileFixKind kind) => kind switch
    {
        DockerfileFixKind.SwapImage => ContainerFileAction.SwapImage,
        DockerfileFixKind.MinimalEdit => ContainerFileAction.MinimalEdit,
        _ => ContainerFileAction.Regenerate,
    };

    /// <summary>The action for a build context without a .dockerignore (CTR0042).</summary>
    public static IReadOnlyList<(ContainerFileAction Action, string Title)> GetDockerIgnoreActions(TextDocument dockerfile)
    {
        var facts = GetFacts(dockerfile.Project, CancellationToken.None);
        return NeedsDockerIgnore(dockerfile.Project, facts, dockerfile.FilePath, dockerfile.TryGetText(out var text) ? text.ToString() : null)
            ? new[] { (ContainerFileAction.AddDockerIgnore, DockerfileFixes.DockerIgnoreTitle) }
            : Array.Empty<(ContainerFileAction, string)>();
    }

    /// <summary>The actions for a project without a Dockerfile (CTR0003).</summary>
    public static IReadOnlyList<(ContainerFileAction Action, string Title)> GetCreateActions(Project project, CancellationToken cancellationToken)
    {
        var facts = GetFacts(project, cancellationToken);
        if (NewDockerfilePath(facts) is not { } path || DockerfileFixes.CreateDockerfile(facts, path) is null)
        {
            return Array.Empty<(ContainerFileAction, string)>();
        }

        var actions = new List<(ContainerFileAction, string)> { (ContainerFileAction.CreateDockerfile, DockerfileFixes.CreateTitle) };
        if (NeedsDockerIgnore(project, facts, path))
        {
            actions.Add((ContainerFileAction.AddDockerIgnore, DockerfileFixes.DockerIgnoreTitle));
        }

        if (SdkContainerPublishingEdit(facts) is not null)
        {
            actions.Add((ContainerFileAction.PublishWithSdk, PublishWithSdkTitle));
        }

        return actions;
    }

    /// <summary>
    /// Applies one action to one project. With <paramref name="onlyWhenNeeded"/> (Fix All), a Dockerfile is only
    /// rewritten when one of the fixable rules reports it, and a minimal edit falls back to regeneration.
    /// Returns null when the action does not apply.
    /// </summary>
    public static async Task<Solution?> ApplyAsync(Solution solution, ProjectId projectId, ContainerFileAction action, string? dockerfilePath, bool onlyWhenNeeded, CancellationToken cancellationToken)
    {
        var project = solution.GetProject(projectId);
        if (project is null)
        {
            return null;
        }

        var facts = GetFacts(project, cancellationToken);
        var dockerfiles = FindDocuments(project, AdditionalFileKind.Dockerfile).ToArray();
        switch (action)
        {
            case ContainerFileAction.SwapImage:
            case ContainerFileAction.MinimalEdit:
            case ContainerFileAction.Regenerate:
            {
                var dockerfile = dockerfilePath is null ? dockerfiles.FirstOrDefault() : dockerfiles.FirstOrDefault(d => d.FilePath == dockerfilePath);
                if (dockerfile?.FilePath is null)
                {
                    return null;
                }

                var text = await dockerfile.GetTextAsync(cancellationToken).ConfigureAwait(false);
                if (onlyWhenNeeded)
                {
                    var model = DockerfileModel.Create(DockerfileParser.Parse(text.ToString(), cancellationToken));
                    if (DockerfileFixes.FindFixableRuleIds(new DockerfileAnalysis(model, facts), cancellationToken).Count == 0)
                    {
                        return null;
                    }
                }

                var fixes = DockerfileFixes.GetFixes(text.ToString(), dockerfile.FilePath, facts, cancellationToken, await FixInputsAsync(dockerfile.Project, cancellationToken).ConfigureAwait(false))
                    .Where(f => f.Breaks.Count == 0).ToList();
                // Fix All of a workflow-keeping action applies each file's own workflow-keeping fix (a swap or a
                // minimal edit), never a regeneration, which only runs when it was asked for.
                var fix = fixes.FirstOrDefault(f => ActionOf(f.Kind) == action)
                    ?? (onlyWhenNeeded && action != ContainerFileAction.Regenerate ? fixes.FirstOrDefault(f => f.Kind != DockerfileFixKind.Regenerate) : null);
                return fix is null ? null : solution.WithAdditionalDocumentText(dockerfile.Id, SourceText.From(fix.NewText, text.Encoding));
            }

            case ContainerFileAction.ApplyRuleFixes:
            {
                var dockerfile = dockerfilePath is null ? dockerfiles.FirstOrDefault() : dockerfiles.FirstOrDefault(d => d.FilePath == dockerfilePath);
                if (dockerfile?.FilePath is null)
                {
                    return null;
                }

                var text = await dockerfile.GetTextAsync(cancellationToken).ConfigureAwait(false);
                var applied = DockerfileFixes.ApplyRuleFixes(text.ToString(), dockerfile.FilePath, facts, await FixInputsAsync(dockerfile.Project, cancellationToken).ConfigureAwait(false), cancellationToken);
                return applied.Applied.Count == 0 ? null : solution.WithAdditionalDocumentText(dockerfile.Id, SourceText.From(applied.Text, text.Encoding));
            }

            case ContainerFileAction.CreateDockerfile:
            {
                if (dockerfiles.Length > 0 || !CTR0003ProjectHasNoDockerfileRule.NeedsDockerfile(facts)
                    || NewDockerfilePath(facts) is not { } path || DockerfileFixes.CreateDockerfile(facts, path, await FixInputsAsync(project, cancellationToken).ConfigureAwait(false)) is not { } newText)
                {
                    return null;
                }

                return project.AddAdditionalDocument(PathText.GetFileName(path), SourceText.From(newText, NewFileEncoding), filePath: path).Project.Solution;
            }

            case ContainerFileAction.PublishWithSdk:
            {
                var projectFile = FindDocuments(project, AdditionalFileKind.ProjectFile).FirstOrDefault();
                if (projectFile is null || dockerfiles.Length > 0 || !CTR0003ProjectHasNoDockerfileRule.NeedsDockerfile(facts)
                    || SdkContainerPublishingEdit(facts) is not { } edit)
                {
                    return null;
                }

                var projectText = await projectFile.GetTextAsync(cancellationToken).ConfigureAwait(false);
                return edit.ApplyTo(projectText.ToString()) is { } newText
                    ? solution.WithAdditionalDocumentText(projectFile.Id, SourceText.From(newText, projectText.Encoding))
                    : null;
            }

            default:
            {
                var anchor = dockerfiles.FirstOrDefault()?.FilePath ?? NewDockerfilePath(facts);
                if (onlyWhenNeeded && dockerfiles.Length == 0 && !CTR0003ProjectHasNoDockerfileRule.NeedsDockerfile(facts))
                {
                    return null;
                }

                // The existing Dockerfile's COPY paths say where its context is, and so where the .dockerignore goes.
                var anchorText = dockerfiles.FirstOrDefault() is { } existing ? (await existing.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString() : null;
                if (!NeedsDockerIgnore(project, facts, anchor, anchorText) || DockerfileFixes.GetDockerIgnorePath(facts, anchor!, anchorText) is not { } ignorePath)
                {
                    return null;
                }

                return project.AddAdditionalDocument(".dockerignore", SourceText.From(DockerfileFixes.CreateDockerIgnore(anchorText), NewFileEncoding), filePath: ignorePath).Project.Solution;
            }
        }
    }

    /// <summary>
    /// The SDK road for a project without a Dockerfile: a chiseled ContainerFamily (with -extra unless the project is
    /// globalization-invariant) and, for non-web projects, which the SDK does not containerize by default,
    /// EnableSdkContainerSupport.
    /// </summary>
    private static RuleFix? SdkContainerPublishingEdit(ProjectFacts facts)
    {
        var family = Images.ChiseledTags.Family(facts.InvariantGlobalization == true);
        if (ProjectFileEdits.AddProperty(facts.ProjectText, "ContainerFamily", family, PublishWithSdkTitle) is not { } edit)
        {
            return null;
        }

        if (facts.IsWeb)
        {
            return edit;
        }

        var newLine = Text.NewLines.Of(edit.NewText);
        var element = edit.NewText.IndexOf('<');
        var lineStart = edit.NewText.LastIndexOf('\n', Math.Max(0, element - 1)) + 1;
        var indent = edit.NewText.Substring(lineStart, element - lineStart);
        var support = edit.NewText.Replace($"<ContainerFamily>{family}</ContainerFamily>", $"<EnableSdkContainerSupport>true</EnableSdkContainerSupport>{newLine}{indent}<ContainerFamily>{family}</ContainerFamily>");
        return new RuleFix(edit.Title, edit.Target, edit.Span, edit.OldText, support);
    }

    /// <summary>Where a new Dockerfile goes: DockerfileFile when the project sets it, else next to the project file.</summary>
    public static string? NewDockerfilePath(ProjectFacts facts)
    {
        if (facts.ProjectPath is not { Length: > 0 } projectPath || !PathText.IsRooted(projectPath))
        {
            return null;
        }

        var directory = PathText.GetDirectory(projectPath);
        return PathText.Combine(directory, facts.GetProperty("DockerfileFile") ?? "Dockerfile");
    }

    private static bool NeedsDockerIgnore(Project project, ProjectFacts facts, string? dockerfilePath, string? dockerfileText = null)
        => dockerfilePath is not null
            && !FindDocuments(project, AdditionalFileKind.DockerIgnore).Any()
            && DockerfileFixes.GetDockerIgnorePath(facts, dockerfilePath, dockerfileText) is { } path
            && !project.Solution.Projects.Any(p => p.AdditionalDocuments.Any(d => d.FilePath == path));
}
