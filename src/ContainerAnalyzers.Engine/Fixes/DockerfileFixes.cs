using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ContainerAnalyzers.Projects;
using ContainerAnalyzers.Rules;
using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Fixes;

/// <summary>The kinds of rewrite the fixes offer, in the order they are offered.</summary>
public enum DockerfileFixKind
{
    /// <summary>
    /// Keep the user's workflow (the app is published on the host and copied in) and only swap the SDK image for the
    /// runtime image the project needs.
    /// </summary>
    SwapImage,

    /// <summary>Keep the user's stages as builders and replace or append only the final stage.</summary>
    MinimalEdit,

    /// <summary>Write the whole file anew, carrying over what the old final stage configured.</summary>
    Regenerate,
}

/// <summary>One proposed Dockerfile: its title (the code action's) and its full text.</summary>
public sealed class DockerfileFix
{
    public DockerfileFix(DockerfileFixKind kind, string title, string newText, IReadOnlyList<string>? droppedLines = null, IReadOnlyList<string>? editedLines = null)
    {
        Kind = kind;
        Title = title;
        NewText = newText;
        DroppedLines = droppedLines ?? Array.Empty<string>();
        EditedLines = editedLines ?? Array.Empty<string>();
    }

    /// <summary>
    /// For a rewrite, where to build the new file and how, as its header says ("from this folder: docker build -t api .");
    /// null for the fixes that keep the user's own build command.
    /// </summary>
    public string? BuildAdvice { get; init; }

    /// <summary>The user's lines kept but changed in place, each with how ("line 5: RUN dotnet publish -c Release (now publishes to /app/publish)").</summary>
    public IReadOnlyList<string> EditedLines { get; }

    public DockerfileFixKind Kind { get; }

    public string Title { get; }

    public string NewText { get; }

    /// <summary>
    /// Every line of the user's file the fix did not keep, each with why ("COPY Publish .: host-published output; the
    /// builder publishes the app now"). The MSBuild target logs them; nothing of the user's goes without a word.
    /// </summary>
    public IReadOnlyList<string> DroppedLines { get; }

    /// <summary>
    /// The warnings the new file would raise in the compose files that build it and the old one did not (a health
    /// check that runs curl, on a chiseled image: CTR0061), as "CTR0061 in compose.yaml: …". A fix that breaks something
    /// is not offered, and FixDockerfile says why it left the file (issue 24: every fix is checked by every rule,
    /// across the Dockerfile and the compose files, before it is offered or written).
    /// </summary>
    public IReadOnlyList<string> Breaks { get; init; } = Array.Empty<string>();

    /// <summary>Shared by every road (IDE code fix, C# lightbulb, MSBuild target) so Fix All groups them.</summary>
    public string EquivalenceKey => "ContainerAnalyzers." + Kind;
}

/// <summary>
/// The generator behind every fix: turns a Dockerfile (or none) and the project's facts into a multi-stage
/// Dockerfile with a distroless final stage. Pure: text in, text out; never throws on any input it is given.
/// </summary>
public static class DockerfileFixes
{
    public const string SwapImageTitle = "Run the published app on a distroless runtime image instead of the SDK";
    public const string MinimalEditTitle = "Move the build to a builder stage and run on a distroless image";
    public const string RegenerateTitle = "Rewrite Dockerfile as a distroless multi-stage build";
    public const string CreateTitle = "Add a distroless multi-stage Dockerfile";
    public const string DockerIgnoreTitle = "Add a .dockerignore that keeps bin/, obj/ and secrets out of the build context";

    /// <summary>The rules whose findings these fixes resolve: the Dockerfile rules the table marks <see cref="RuleFixKind.Rewrite"/>.</summary>
    public static readonly IReadOnlyList<string> FixableRuleIds = AllRules.DockerfileRules.Where(r => r.Descriptor.FixKind == RuleFixKind.Rewrite).Select(r => r.Descriptor.Id).ToArray();

    /// <summary>The rules whose findings the rewrites resolve (<see cref="FixableRuleIds"/>).</summary>
    internal static readonly IReadOnlyList<DockerfileRule> FixableRules = AllRules.DockerfileRules.Where(r => r.Descriptor.FixKind == RuleFixKind.Rewrite).ToArray();

    public const string RuleFixesTitle = "Apply the Dockerfile rules' own fixes";

    /// <summary>
    /// The ids of the warnings whose rules' own fixes <see cref="ApplyRuleFixes"/> would apply (the table's
    /// <see cref="RuleFixKind.Edit"/>, with an edit of the Dockerfile): what the C# mirror offers when no rewrite is needed.
    /// </summary>
    public static IReadOnlyList<string> FindRuleFixIds(DockerfileAnalysis analysis, CancellationToken cancellationToken = default)
        => RuleFixIdsIn(RuleHost.Run(analysis, EditRules, cancellationToken));

    private static readonly IReadOnlyList<DockerfileRule> EditRules = AllRules.DockerfileRules.Where(r => r.Descriptor.FixKind == RuleFixKind.Edit).ToArray();

    /// <summary>
    /// <see cref="FindFixableRuleIds"/> from findings a host already has (the unsuppressed findings of the Dockerfile rules
    /// it runs), so the C# mirror does not run the rules a second time.
    /// </summary>
    public static IReadOnlyList<string> FixableRuleIdsIn(IReadOnlyList<RuleFinding> findings)
        => FixableRuleIds.Where(id => findings.Any(f => f.Rule.Id == id)).ToArray();

    /// <summary><see cref="FindRuleFixIds"/> from findings a host already has.</summary>
    public static IReadOnlyList<string> RuleFixIdsIn(IReadOnlyList<RuleFinding> findings)
        => findings.Where(f => f.Rule.FixKind == RuleFixKind.Edit && f.Severity >= RuleSeverity.Warning && f.Fixes.Any(x => x.Target == RuleFixTarget.Dockerfile))
            .Select(f => f.Rule.Id).Distinct().ToArray();

    /// <summary>The ids of the fixable findings in a Dockerfile: what the C# mirror diagnostic and Fix All look for.</summary>
    public static IReadOnlyList<string> FindFixableRuleIds(DockerfileAnalysis analysis, CancellationToken cancellationToken = default)
        => FixableRuleIdsIn(RuleHost.Run(analysis, FixableRules, cancellationToken));

    /// <summary>The fixes for an existing Dockerfile, minimal edit first; empty when the project gives no sure plan.</summary>
    /// <param name="inputs">What the host knows beyond the files: the code's endpoints, the compose files.</param>
    public static IReadOnlyList<DockerfileFix> GetFixes(string dockerfileText, string dockerfilePath, ProjectFacts project, CancellationToken cancellationToken = default, FixInputs? inputs = null)
    {
        var fixes = new List<DockerfileFix>();
        try
        {
            var model = DockerfileModel.Create(DockerfileParser.Parse(dockerfileText, cancellationToken));
            if (UnclosedHeredocLine(model) is not null || PlanFor(model, dockerfilePath, project, inputs) is not { } plan)
            {
                return fixes;
            }

            // The first action keeps the user's workflow: the image swapped when the app is published on the host, or
            // the user's stages kept as the builder. Each is offered only when the result leaves none of the rules
            // with a warning (an SDK image too old for the project would still be one).
            if (SwapImage.TryApply(model, plan) is { } swapped && IsClean(swapped, project, cancellationToken))
            {
                fixes.Add(new DockerfileFix(DockerfileFixKind.SwapImage, SwapImageTitle, swapped));
            }
            else if (MinimalEdit.TryApply(model, plan) is { } minimal && IsClean(minimal.Text, project, cancellationToken))
            {
                fixes.Add(new DockerfileFix(DockerfileFixKind.MinimalEdit, MinimalEditTitle, minimal.Text, DroppedLines.Of(model.Syntax, minimal), DroppedLines.EditedOf(model.Syntax, minimal)));
            }

            var regenerated = FullRewrite.Regenerate(model, plan);
            fixes.Add(new DockerfileFix(DockerfileFixKind.Regenerate, RegenerateTitle, regenerated.Text, DroppedLines.Of(model.Syntax, regenerated), DroppedLines.EditedOf(model.Syntax, regenerated)) { BuildAdvice = DockerfileWriter.BuildAdvice(plan) });

            // What the code needs at run time (a folder it writes, time-zone data) is known only to a host that reads the
            // code: a rewrite that would take it away gets the rules' own fixes for it, or is marked as breaking the app.
            if (inputs?.Source is not null)
            {
                var warnings = Warnings(model, dockerfilePath, project, inputs, cancellationToken);
                for (var i = 0; i < fixes.Count; i++)
                {
                    fixes[i] = KeepWhatTheCodeNeeds(warnings, fixes[i], dockerfilePath, project, inputs, cancellationToken);
                }
            }

            if (inputs?.ComposeFiles is { Count: > 0 })
            {
                var before = ComposeWarnings(model, dockerfilePath, project, inputs, cancellationToken);
                for (var i = 0; i < fixes.Count; i++)
                {
                    var fixedModel = DockerfileModel.Create(DockerfileParser.Parse(fixes[i].NewText, cancellationToken));
                    var added = ComposeWarnings(fixedModel, dockerfilePath, project, inputs, cancellationToken).Where(w => !before.ContainsKey(w.Key)).Select(w => w.Value).ToArray();
                    if (added.Length > 0)
                    {
                        fixes[i] = new DockerfileFix(fixes[i].Kind, fixes[i].Title, fixes[i].NewText, fixes[i].DroppedLines, fixes[i].EditedLines) { BuildAdvice = fixes[i].BuildAdvice, Breaks = fixes[i].Breaks.Concat(added).ToList() };
                    }
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A fix that cannot be computed is not offered.
            fixes.Clear();
        }

        return fixes;
    }

    /// <summary>
    /// The rules' own fixes, applied one at a time to every warning whose rule the table marks <see cref="RuleFixKind.Edit"/>
    /// (CTR0020's tag, CTR0023's entry point, CTR0036's CMD…): each is kept only when it resolves its finding and adds no
    /// warning, from any Dockerfile rule or in the compose files that build the file. What FixDockerfile's default mode
    /// applies besides the rewrite, and what the C# road offers when the file needs no rewrite.
    /// </summary>
    public static RuleFixesApplied ApplyRuleFixes(string dockerfileText, string dockerfilePath, ProjectFacts project, FixInputs? inputs = null, CancellationToken cancellationToken = default)
    {
        try
        {
            var known = inputs ?? FixInputs.None;
            return ApplyOneAtATime(
                dockerfileText,
                RuleFixTarget.Dockerfile,
                text => Warnings(DockerfileModel.Create(DockerfileParser.Parse(text, cancellationToken)), dockerfilePath, project, known, cancellationToken),
                (before, candidate, after) => WarningsAdded(dockerfileText, candidate, dockerfilePath, project, known, cancellationToken, before, after).Count == 0,
                cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A fix that cannot be computed is not applied.
            return new RuleFixesApplied(dockerfileText, Array.Empty<string>());
        }
    }

    /// <summary>
    /// The compose rules' own fixes (CTR0060's container port), applied to each compose file that builds the Dockerfile
    /// the way <see cref="ApplyRuleFixes"/> applies the Dockerfile's. Returns the compose files that changed, with their new text.
    /// </summary>
    public static IReadOnlyList<(string Path, RuleFixesApplied Result)> ApplyComposeFixes(string dockerfileText, string dockerfilePath, ProjectFacts project, FixInputs? inputs, CancellationToken cancellationToken = default)
    {
        var changed = new List<(string, RuleFixesApplied)>();
        var files = (inputs?.ComposeFiles ?? Array.Empty<Compose.ComposeFile>()).ToList();
        try
        {
            var model = DockerfileModel.Create(DockerfileParser.Parse(dockerfileText, cancellationToken));
            var dockerfiles = new Dictionary<string, DockerfileAnalysis> { [dockerfilePath] = (inputs ?? FixInputs.None).Analyze(model, project, dockerfilePath) };
            for (var index = 0; index < files.Count; index++)
            {
                var path = files[index].Path;
                List<RuleFinding> WarningsOf(string text)
                {
                    var file = Compose.ComposeFile.Parse(path, text, cancellationToken);
                    return ComposeFindings(file, files.Select((f, i) => i == index ? file : f).ToList(), dockerfiles, project, cancellationToken);
                }

                var result = ApplyOneAtATime(files[index].Text, RuleFixTarget.ComposeFile, WarningsOf, (before, _, after) => !after.Any(f => !before.Any(b => b.Rule == f.Rule)), cancellationToken);
                if (result.Applied.Count > 0)
                {
                    changed.Add((path, result));
                    files[index] = Compose.ComposeFile.Parse(path, result.Text, cancellationToken);
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A fix that cannot be computed is not applied.
            return Array.Empty<(string, RuleFixesApplied)>();
        }

        return changed;
    }

    // The rules' own fixes, one edit at a time: each round analyses the text again (an edit moves every span after it)
    // and applies the first edit of an Edit-kind warning that resolves it and that the caller accepts (no new warning);
    // a finding whose edit is refused is tried once, so the rounds are bounded by the findings.
    private static RuleFixesApplied ApplyOneAtATime(string text, RuleFixTarget target, Func<string, List<RuleFinding>> warningsOf, Func<List<RuleFinding>, string, List<RuleFinding>, bool> accept, CancellationToken cancellationToken)
    {
        var applied = new List<string>();
        var rejected = new HashSet<string>(StringComparer.Ordinal);
        for (var round = 0; round < 64; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var findings = warningsOf(text);
            var progressed = false;
            foreach (var finding in findings.Where(f => f.Rule.FixKind == RuleFixKind.Edit))
            {
                var key = finding.Rule.Id + "|" + finding.GetMessage();
                if (rejected.Contains(key) || finding.Fixes.FirstOrDefault(f => f.Target == target) is not { } fix || fix.ApplyTo(text) is not { } candidate)
                {
                    continue;
                }

                var after = warningsOf(candidate);
                if (after.Count(f => f.Rule == finding.Rule) >= findings.Count(f => f.Rule == finding.Rule) || !accept(findings, candidate, after))
                {
                    rejected.Add(key);
                    continue;
                }

                applied.Add($"line {LineOf(text, finding.Span.Start)}: {finding.Rule.Id}: {fix.Title}");
                text = candidate;
                progressed = true;
                break;
            }

            if (!progressed)
            {
                break;
            }
        }

        return new RuleFixesApplied(text, applied);
    }

    private static List<RuleFinding> ComposeFindings(Compose.ComposeFile file, IReadOnlyList<Compose.ComposeFile> files, Dictionary<string, DockerfileAnalysis> dockerfiles, ProjectFacts project, CancellationToken cancellationToken)
        => ComposeRuleHost.Run(ComposeAnalysis.Create(file, files, dockerfiles, project), AllRules.ComposeRules, cancellationToken).Where(f => f.Severity >= RuleSeverity.Warning).ToList();

    // A warning a fix reveals rather than causes: retagging to .NET 8+ (CTR0020) makes the image's non-root user
    // available, and CTR0033 then advises switching to it, which can stop an app that writes to its folder, so it
    // stays the user's decision (as in the engine tests' fix invariant).
    private const string RevealedByRetag = RuleIds.FinalStageRunsAsRoot;

    // The Dockerfile's warnings, judged with everything the host knows (the code, the appsettings, the compose files),
    // as the analyzer judges the user's file.
    private static List<RuleFinding> Warnings(DockerfileModel model, string dockerfilePath, ProjectFacts project, FixInputs inputs, CancellationToken cancellationToken)
        => RuleHost.Run(inputs.Analyze(model, project, dockerfilePath), AllRules.DockerfileRules, cancellationToken)
            .Where(f => f.Severity >= RuleSeverity.Warning).ToList();

    /// <summary>
    /// The warnings an edit of the Dockerfile adds: from a rule that did not warn before, or in a compose file that builds
    /// it. Empty when the edit is safe to offer or write. Every road checks a rule's fix with it: FixDockerfile before it
    /// writes, the IDE before it offers.
    /// </summary>
    public static IReadOnlyList<string> WarningsAdded(string dockerfileText, string fixedText, string dockerfilePath, ProjectFacts project, FixInputs? inputs, CancellationToken cancellationToken = default)
    {
        var known = inputs ?? FixInputs.None;
        return WarningsAdded(dockerfileText, fixedText, dockerfilePath, project, known, cancellationToken,
            Warnings(DockerfileModel.Create(DockerfileParser.Parse(dockerfileText, cancellationToken)), dockerfilePath, project, known, cancellationToken),
            Warnings(DockerfileModel.Create(DockerfileParser.Parse(fixedText, cancellationToken)), dockerfilePath, project, known, cancellationToken));
    }

    // A rewrite judged against the user's file's warnings (before) by the rules that read the code.
    private static DockerfileFix KeepWhatTheCodeNeeds(IReadOnlyList<RuleFinding> before, DockerfileFix fix, string dockerfilePath, ProjectFacts project, FixInputs inputs, CancellationToken cancellationToken)
    {
        List<RuleFinding> CodeWarningsAdded(string text)
            => Added(before, Warnings(DockerfileModel.Create(DockerfileParser.Parse(text, cancellationToken)), dockerfilePath, project, inputs, cancellationToken))
                .Where(f => (f.Rule.Inputs & RuleInputs.Code) != 0).ToList();

        if (CodeWarningsAdded(fix.NewText).Count == 0)
        {
            return fix;
        }

        var repaired = ApplyRuleFixes(fix.NewText, dockerfilePath, project, inputs, cancellationToken).Text;
        var left = CodeWarningsAdded(repaired);
        return new DockerfileFix(fix.Kind, fix.Title, left.Count == 0 ? repaired : fix.NewText, fix.DroppedLines, fix.EditedLines)
        {
            BuildAdvice = fix.BuildAdvice,
            Breaks = left.Select(f => f.Rule.Id + ": " + f.GetMessage()).ToList(),
        };
    }

    // The warnings of rules that did not warn before (CTR0033 after a retag is the user's next decision, not a break).
    private static IEnumerable<RuleFinding> Added(IReadOnlyList<RuleFinding> before, IReadOnlyList<RuleFinding> after)
        => after.Where(f => !before.Any(b => b.Rule == f.Rule) && f.Rule.Id != RevealedByRetag);

    private static IReadOnlyList<string> WarningsAdded(string dockerfileText, string fixedText, string dockerfilePath, ProjectFacts project, FixInputs known, CancellationToken cancellationToken, IReadOnlyList<RuleFinding> before, IReadOnlyList<RuleFinding> after)
    {
        var added = Added(before, after).Select(f => f.Rule.Id + ": " + f.GetMessage()).ToList();
        if (added.Count > 0 || known.ComposeFiles.Count == 0)
        {
            return added;
        }

        // The compose files that build the Dockerfile must not gain a warning either (issue 24, case 6).
        var composeBefore = ComposeWarnings(DockerfileModel.Create(DockerfileParser.Parse(dockerfileText, cancellationToken)), dockerfilePath, project, known, cancellationToken);
        var composeAfter = ComposeWarnings(DockerfileModel.Create(DockerfileParser.Parse(fixedText, cancellationToken)), dockerfilePath, project, known, cancellationToken);
        return composeAfter.Where(w => !composeBefore.ContainsKey(w.Key)).Select(w => w.Value).ToList();
    }

    private static int LineOf(string text, int position)
    {
        var line = 1;
        for (var i = 0; i < position && i < text.Length; i++)
        {
            line += text[i] == '\n' ? 1 : 0;
        }

        return line;
    }

    // The compose warnings the Dockerfile raises, keyed by rule, file and place (the compose files do not change, so a
    // key present after a fix and not before is a warning the fix caused), with the text a log shows.
    private static Dictionary<string, string> ComposeWarnings(DockerfileModel model, string dockerfilePath, ProjectFacts project, FixInputs inputs, CancellationToken cancellationToken)
    {
        var composeFiles = inputs.ComposeFiles;
        var analysis = inputs.Analyze(model, project, dockerfilePath);
        var dockerfiles = new Dictionary<string, DockerfileAnalysis> { [dockerfilePath] = analysis };
        var warnings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in composeFiles)
        {
            var composeAnalysis = ComposeAnalysis.Create(file, composeFiles, dockerfiles, project);
            foreach (var finding in ComposeRuleHost.Run(composeAnalysis, AllRules.ComposeRules, cancellationToken))
            {
                if (finding.Severity >= RuleSeverity.Warning)
                {
                    warnings[$"{finding.Rule.Id}|{file.Path}|{finding.Span.Start}"] = $"{finding.Rule.Id} in {PathText.GetFileName(file.Path)}: {finding.GetMessage()}";
                }
            }
        }

        return warnings;
    }

    /// <summary>A new Dockerfile for a project that has none (CTR0003), or null when the project gives no sure plan.</summary>
    public static string? CreateDockerfile(ProjectFacts project, string dockerfilePath, FixInputs? inputs = null)
    {
        try
        {
            // The new file publishes -c Release: the plan reads the project as Release evaluates it.
            project = project.ForConfiguration("Release");
            if (ProjectLayout.Create(project, dockerfilePath, composeFiles: inputs?.ComposeFiles) is not { } layout || ContainerPlan.Create(project, layout, code: inputs?.Code, appSettings: inputs?.AppSettings) is not { } plan)
            {
                return null;
            }

            var model = DockerfileModel.Create(DockerfileParser.Parse("FROM scratch\n"));
            return FullRewrite.Regenerate(model, plan).Text;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>
    /// Why the fixes that keep the user's workflow are not offered for this Dockerfile, in words for a log: the
    /// minimal edit cannot follow its build, or it could but would leave a warning (named) that only a rewrite removes.
    /// </summary>
    public static string WhyNoWorkflowFix(string dockerfileText, string dockerfilePath, ProjectFacts project, FixInputs? inputs = null)
    {
        try
        {
            var model = DockerfileModel.Create(DockerfileParser.Parse(dockerfileText));
            if (UnclosedHeredocLine(model) is { } line)
            {
                return $"the heredoc on line {line} is never closed, so everything after it is its body and a rewrite cannot tell where your instructions end; close it first";
            }

            if (PlanFor(model, dockerfilePath, project, inputs) is { } plan)
            {
                if (MinimalEdit.Obstacle(model, plan) is { } obstacle)
                {
                    return obstacle;
                }

                if (MinimalEdit.TryApply(model, plan) is { } minimal)
                {
                    var analysis = new DockerfileAnalysis(DockerfileModel.Create(DockerfileParser.Parse(minimal.Text)), project);
                    var left = RuleHost.Run(analysis, AllRules.DockerfileRules, CancellationToken.None).Where(f => f.Severity >= RuleSeverity.Warning).Select(f => f.Rule.Id).Distinct().ToArray();
                    return "keeping its build as the builder would still leave " + string.Join(", ", left) + " (the kept builder itself needs changing)";
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Fall through to the general reason.
        }

        return "the minimal edit cannot follow its build (no dotnet publish in the final stage's build that it can give an output folder)";
    }

    /// <summary>
    /// The line (1-based) of a heredoc that no line closes, or null. Everything after its opening line is the heredoc's
    /// body to BuildKit, so no rewrite can tell where the user's instructions end: a fix would put what it writes (the
    /// EXPOSE, USER and ENTRYPOINT) inside it. The rewrites stop there.
    /// </summary>
    public static int? UnclosedHeredocLine(DockerfileModel model)
    {
        foreach (var instruction in model.Syntax.Instructions)
        {
            foreach (var heredoc in instruction.Heredocs)
            {
                if (!heredoc.IsTerminated)
                {
                    return model.Syntax.Lines.GetLineNumber(instruction.Span.Start) + 1;
                }
            }
        }

        return null;
    }

    /// <summary>Why no fix can be written for the project, in words for a log: the reason <see cref="ContainerPlan.Create"/> gave up.</summary>
    public static string WhyNoPlan(ProjectFacts project)
    {
        var framework = project.TargetFrameworks.Where(t => t.IsDotnetCore && t.Platform is null && t.Major is not null).OrderBy(t => t.Major).ThenBy(t => t.Minor).LastOrDefault();
        if (framework is { Major: { } major } && !Images.DotnetTags.HasOfficialImages(major, framework.Minor ?? 0))
        {
            return $"{framework.Name} has no images under mcr.microsoft.com/dotnet (Microsoft published 2.1, 3.1, 5.0 and 6.0 onwards there); upgrade the TargetFramework to get a fix";
        }

        return project.CannotRunInLinuxContainer
            ? "the project cannot run in a Linux container (desktop app, tool or .NET Framework)"
            : "the project does not say enough (a .NET TargetFramework, an executable output type) to rewrite it";
    }

    /// <summary>Where the .dockerignore goes: the build context the generated Dockerfile uses.</summary>
    /// <param name="project">The project's facts.</param>
    /// <param name="dockerfilePath">The Dockerfile, existing or to be written.</param>
    /// <param name="dockerfileText">The existing Dockerfile's text, whose COPY paths say where its context is.</param>
    /// <param name="inputs">The compose files, whose build context is the user's.</param>
    public static string? GetDockerIgnorePath(ProjectFacts project, string dockerfilePath, string? dockerfileText = null, FixInputs? inputs = null)
    {
        var existing = dockerfileText is null ? null : DockerfileModel.Create(DockerfileParser.Parse(dockerfileText));
        return ProjectLayout.Create(project, dockerfilePath, existing, inputs?.ComposeFiles) is { } layout ? layout.ContextDirectory.TrimEnd('/') + "/.dockerignore" : null;
    }

    /// <summary>The .dockerignore the companion fix adds.</summary>
    /// <param name="dockerfileText">The Dockerfile the context serves, as it will be after the fix: no pattern that would
    /// exclude one of its COPY sources is written (issue 24: a host-published app's bin/Release/…/publish/).</param>
    public static string CreateDockerIgnore(string? dockerfileText = null) => DockerIgnoreText.Create(dockerfileText);

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

    // The plan for an existing Dockerfile: the project's, with the user's -f, final image and builder image; null when
    // the file has no stage or the project gives no sure plan.
    private static ContainerPlan? PlanFor(DockerfileModel model, string dockerfilePath, ProjectFacts project, FixInputs? inputs)
    {
        // The configuration the user's file publishes, else Release, which the rewrite publishes.
        project = project.ForConfiguration(PublishConfiguration.Of(model, project) ?? "Release");
        if (model.FinalStage is null || inputs?.IsDockerActionImage(dockerfilePath) == true || ProjectLayout.Create(project, dockerfilePath, model, inputs?.ComposeFiles) is not { } layout
            || ContainerPlan.Create(project, layout, RequestedFramework(model), inputs?.Code, model.FinalStage.RootImage, BuilderImage(model), inputs?.AppSettings) is not { } plan)
        {
            return null;
        }

        return plan;
    }

    // The SDK image the user's build ran on: the stage of the final stage's lineage, or of a stage it copies from,
    // that runs a dotnet build command.
    private static Images.ImageReference? BuilderImage(DockerfileModel model)
    {
        var final = model.FinalStage!;
        var candidates = final.Lineage.Concat(final.Dependencies.Where(d => d.Stage is not null).SelectMany(d => d.Stage!.Lineage));
        return candidates.FirstOrDefault(s => model.RunsDotnet(s, buildVerbsOnly: true))?.RootImage ?? final.RootImage;
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

/// <summary>The text after the rules' own fixes, and what was applied ("line 4: CTR0020: Use mcr.microsoft.com/dotnet/aspnet:8.0").</summary>
public sealed class RuleFixesApplied
{
    public RuleFixesApplied(string text, IReadOnlyList<string> applied)
    {
        Text = text;
        Applied = applied;
    }

    public string Text { get; }

    public IReadOnlyList<string> Applied { get; }
}
