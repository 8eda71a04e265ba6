using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ContainerAnalyzers.Compose;
using ContainerAnalyzers.Images;
using ContainerAnalyzers.Projects;
using ContainerAnalyzers.Rules.Shared;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules;

/// <summary>
/// A service of a compose file that builds one of the project's Dockerfiles: the service as compose sees it (merged
/// with its override file), the analysis of that Dockerfile, and the stage the container runs.
/// </summary>
public sealed class ProjectService
{
    private Listening? _listening;

    public ProjectService(ComposeService service, string context, DockerfileAnalysis dockerfile, Stage? stage, bool settingsElsewhere)
    {
        Service = service;
        Context = context;
        Dockerfile = dockerfile;
        Stage = stage;
        SettingsElsewhere = settingsElsewhere;
    }

    public ComposeService Service { get; }

    /// <summary>The build context, resolved to a full path.</summary>
    public string Context { get; }

    public DockerfileAnalysis Dockerfile { get; }

    /// <summary>The stage the container runs: <c>build.target</c>, else the last one; null when the target names no stage.</summary>
    public Stage? Stage { get; }

    /// <summary>
    /// Another compose file of the folder, which a developer may pass with <c>-f</c> on top, also configures this
    /// service, or the service reads an env_file or extends another: its environment is not certain.
    /// </summary>
    public bool SettingsElsewhere { get; }

    /// <summary>The .NET image the container runs, followed through the stages; null when unknown or not .NET.</summary>
    public DotnetImage? Image => Stage?.RootImage is { } image ? DotnetImage.TryClassify(image) : null;

    /// <summary>The container's environment beyond the image: the stage's ENV, then the service's <c>environment</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> Environment() => ListeningPorts.ContainerEnvironment(Dockerfile.Model, Stage, new[] { Service });

    /// <summary>The words the container starts with: the service's entrypoint and command over the image's; null when unknown.</summary>
    public IReadOnlyList<string>? Arguments()
    {
        if (Stage is not { } stage)
        {
            return null;
        }

        var entrypoint = Service.Entrypoint is { } e ? e.Arguments : Words(StageFacts.Last(stage, Syntax.InstructionKind.Entrypoint));
        // Compose's entrypoint resets the image's CMD, as docker run --entrypoint does.
        var command = Service.Command is { } c ? c.Arguments : Service.Entrypoint is not null ? Array.Empty<string>() : Words(StageFacts.Last(stage, Syntax.InstructionKind.Cmd));
        return entrypoint is null || command is null ? null : entrypoint.Concat(command).ToList();

        static IReadOnlyList<string>? Words(Syntax.InstructionSyntax? instruction) => instruction is null ? Array.Empty<string>() : StageFacts.Words(instruction);
    }

    /// <summary>Where the app listens in this service's container (computed once).</summary>
    public Listening Listening
        => _listening ??= SettingsElsewhere || Service.NetworkMode is not null || Image is not { } image
            ? Listening.Unknown
            : ListeningPorts.For(image, Dockerfile.TargetMajor, Environment(), Arguments(), Dockerfile.AppSettings, Dockerfile.Source.Endpoints, Dockerfile.Project.AssemblyName);
}

/// <summary>Everything a compose rule looks at: the file being analyzed, and the project's services in it (merged with its override).</summary>
public sealed class ComposeAnalysis
{
    public ComposeAnalysis(ComposeFile file, IReadOnlyList<ComposeFile> group, IReadOnlyList<ProjectService> services, ProjectFacts project)
    {
        File = file;
        Group = group;
        Services = services;
        Project = project;
    }

    /// <summary>The file diagnostics are reported in.</summary>
    public ComposeFile File { get; }

    /// <summary>The files compose reads together with it by default (compose.yaml and compose.override.yaml).</summary>
    public IReadOnlyList<ComposeFile> Group { get; }

    public IReadOnlyList<ProjectService> Services { get; }

    public ProjectFacts Project { get; }

    /// <summary>
    /// The analysis of <paramref name="file"/>: its group (the file and its override, or the base file of an override),
    /// and each merged service that builds one of <paramref name="dockerfiles"/> (by full path).
    /// </summary>
    public static ComposeAnalysis Create(ComposeFile file, IReadOnlyList<ComposeFile> allFiles, IReadOnlyDictionary<string, DockerfileAnalysis> dockerfiles, ProjectFacts project)
    {
        var group = ComposeGroups.GroupOf(file, allFiles);
        var services = new List<ProjectService>();
        if (group.All(f => f.Error is null) && dockerfiles.Count > 0)
        {
            var folder = file.Directory;
            var others = allFiles.Where(f => !group.Contains(f) && string.Equals(PathText.Normalize(f.Directory), PathText.Normalize(folder), StringComparison.Ordinal)).ToList();
            foreach (var service in ComposeGroups.Merge(group))
            {
                if (service.ResolveBuild(folder) is not { } build)
                {
                    continue;
                }

                var dockerfile = dockerfiles.FirstOrDefault(d => PathText.SamePath(d.Key, build.Dockerfile)).Value;
                if (dockerfile is null)
                {
                    continue;
                }

                var stage = service.Build?.Target is { } target
                    ? target.Resolved is { } name ? dockerfile.Model.Stages.LastOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)) : null
                    : dockerfile.Model.FinalStage;
                // Each group is judged as compose runs it by default. Another file of the folder (docker-compose.prod.yml,
                // given with -f) makes where the app listens unknown only when it can change it for this service.
                var elsewhere = service.HasEnvironmentFromElsewhere || others.Any(o => o.Services.Any(s => s.Name == service.Name && s.SetsWhereTheAppListens));
                services.Add(new ProjectService(service, build.Context, dockerfile, stage, elsewhere));
            }
        }

        return new ComposeAnalysis(file, group, services, project);
    }
}

/// <summary>Which compose files compose reads together by default, and how it merges their services.</summary>
public static class ComposeGroups
{
    private static readonly string[] Stems = { "compose", "docker-compose" };

    /// <summary>compose.yaml with compose.override.yaml (either extension), in the same folder; any other file alone.</summary>
    public static IReadOnlyList<ComposeFile> GroupOf(ComposeFile file, IReadOnlyList<ComposeFile> allFiles)
    {
        var (stem, isOverride) = Classify(file);
        if (stem is null)
        {
            return new[] { file };
        }

        var folder = PathText.Normalize(file.Directory);
        var sameFolder = allFiles.Where(f => string.Equals(PathText.Normalize(f.Directory), folder, StringComparison.Ordinal)).ToList();
        var bases = sameFolder.Where(f => Classify(f) == (stem, false)).ToList();
        var overrides = sameFolder.Where(f => Classify(f) == (stem, true)).ToList();
        if (isOverride && bases.Count == 0)
        {
            return new[] { file };
        }

        // Compose reads the first base it finds (compose.yaml before compose.yml) and its override.
        if (isOverride)
        {
            return new[] { bases.OrderBy(f => f.Path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) ? 0 : 1).First(), file };
        }

        return new[] { file }.Concat(overrides.Take(1)).ToList();
    }

    /// <summary>The services of the group, each merged with the same service in the files after it.</summary>
    public static IReadOnlyList<ComposeService> Merge(IReadOnlyList<ComposeFile> group)
    {
        var merged = new List<ComposeService>();
        foreach (var file in group)
        {
            foreach (var service in file.Services)
            {
                var index = merged.FindIndex(s => s.Name == service.Name);
                if (index < 0)
                {
                    merged.Add(service);
                }
                else
                {
                    merged[index] = merged[index].MergedWith(service);
                }
            }
        }

        return merged;
    }

    private static (string? Stem, bool IsOverride) Classify(ComposeFile file)
    {
        var name = PathText.GetFileName(file.Path).ToLowerInvariant();
        foreach (var stem in Stems)
        {
            foreach (var extension in new[] { ".yaml", ".yml" })
            {
                if (name == stem + extension)
                {
                    return (stem, false);
                }

                if (name == stem + ".override" + extension)
                {
                    return (stem, true);
                }
            }
        }

        return (null, false);
    }
}

/// <summary>A rule over the compose files that build the project: reports findings located in a compose file.</summary>
public abstract class ComposeRule
{
    public abstract RuleDescriptor Descriptor { get; }

    /// <summary>The fold: adds the rule's findings, each with the file it is in.</summary>
    protected internal abstract void Analyze(ComposeAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken);

    /// <summary>This rule alone, with the suppression pass: for tests.</summary>
    public IReadOnlyList<RuleFinding> Analyze(ComposeAnalysis analysis, CancellationToken cancellationToken = default)
        => ComposeRuleHost.Run(analysis, new[] { this }, cancellationToken);
}

/// <summary>Runs the compose rules over one compose file in a single pass, then drops what a suppression comment covers.</summary>
public static class ComposeRuleHost
{
    /// <summary>
    /// The unsuppressed findings located in the analyzed file (a finding in the other file of the group is reported
    /// when that file is analyzed). <paramref name="ruleFailed"/> works as in <see cref="RuleHost.Run"/>.
    /// </summary>
    public static List<RuleFinding> Run(ComposeAnalysis analysis, IReadOnlyList<ComposeRule> rules, CancellationToken cancellationToken, Action<ComposeRule, Exception>? ruleFailed = null)
    {
        var findings = new List<RuleFinding>();
        RuleHost.RunEach(rules, (rule, found) => rule.Analyze(analysis, found, cancellationToken), findings, cancellationToken, ruleFailed);

        var path = analysis.File.Path;
        findings.RemoveAll(f => f.File is { } file && !PathText.SamePath(file, path));
        if (findings.Count > 0 && ComposeSuppressions.Index(analysis.File.Text, cancellationToken) is { } suppressions)
        {
            findings.RemoveAll(f => suppressions.IsSuppressed(f.Span, f.Rule.SuppressionKeys));
        }

        Definitions.CTR0098FindingsCappedRule.Cap(findings);
        return findings;
    }

    /// <summary>The build's net, as <see cref="RuleHost.RunContained"/>: a compose rule that throws becomes one CTR0099 finding.</summary>
    public static List<RuleFinding> RunContained(ComposeAnalysis analysis, IReadOnlyList<ComposeRule> rules, CancellationToken cancellationToken)
        => RuleHost.Contained<ComposeRule>(failed => Run(analysis, rules, cancellationToken, failed), rule => rule.Descriptor);
}
