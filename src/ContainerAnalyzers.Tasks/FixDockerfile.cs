using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ContainerAnalyzers.Fixes;
using ContainerAnalyzers.Projects;
using ContainerAnalyzers.Rules;
using ContainerAnalyzers.Rules.Definitions;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace ContainerAnalyzers.Tasks;

/// <summary>
/// The headless fixer: the same generator as the code fixes, applied on disk. Rewrites the project's Dockerfile when
/// CTR0001 or CTR0002 reports it, creates one when CTR0003 would, adds a .dockerignore to the build context when
/// there is none, and logs what it changed. It never touches a Dockerfile that has nothing to fix.
/// </summary>
public sealed class FixDockerfile : Task
{
    // New files are written without a byte order mark: Docker accepts one, but shell scripts and linters that read
    // the Dockerfile stumble on it. An existing file keeps the encoding it had.
    private static readonly Encoding NewFileEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    [Required]
    public string ProjectPath { get; set; } = string.Empty;

    [Required]
    public string DockerfilePath { get; set; } = string.Empty;

    /// <summary>More Dockerfiles the package analyzes (ContainerAnalyzersDockerfile items): every road fixes them too.</summary>
    public ITaskItem[] AdditionalDockerfiles { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Rewrite even when no rule reports the Dockerfile (DockerfileFixForce=true): the user asks for it.</summary>
    public bool Force { get; set; }

    /// <summary>The project's MSBuild properties the engine reads: items whose identity is the name, with a Value.</summary>
    public ITaskItem[] Properties { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The project's C# files (@(Compile)): where the code pins its endpoints decides the ports a new file EXPOSEs.</summary>
    public ITaskItem[] SourceFiles { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The compose files found from the Dockerfile's folder up to the repository root: their build context is the user's.</summary>
    public ITaskItem[] ComposeFiles { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The project's appsettings*.json files: where the app listens, for the compose port fixes.</summary>
    public ITaskItem[] AppSettingsFiles { get; set; } = Array.Empty<ITaskItem>();

    /// <summary><c>minimal</c> (default: keep the user's stages, fall back to a rewrite) or <c>regenerate</c>.</summary>
    public string Mode { get; set; } = "minimal";

    public bool AddDockerIgnore { get; set; } = true;

    /// <summary>Report what would change without writing.</summary>
    public bool DryRun { get; set; }

    /// <summary>A pre-commit or CI check: write nothing, and fail when a fix would change a file.</summary>
    public bool Check { get; set; }

    private Lazy<FixInputs>? _inputs;

    [Output]
    public ITaskItem[] ChangedFiles { get; set; } = Array.Empty<ITaskItem>();

    public override bool Execute()
    {
        try
        {
            var values = Properties.ToDictionary(p => p.ItemSpec, p => p.GetMetadata("Value"), StringComparer.OrdinalIgnoreCase);
            var projectText = File.Exists(ProjectPath) ? File.ReadAllText(ProjectPath) : null;
            var facts = ProjectFacts.Create(name => values.TryGetValue(name, out var value) ? value : null, Path.GetFullPath(ProjectPath), projectText);
            _inputs = new Lazy<FixInputs>(() => new FixInputs
            {
                Code = CodeEndpointText.Scan(SourceFiles.Select(i => i.GetMetadata("FullPath")).Where(File.Exists).Select(File.ReadAllText)),
                ComposeFiles = ComposeFiles.Select(i => i.GetMetadata("FullPath")).Where(File.Exists).Select(f => Compose.ComposeFile.Parse(f, File.ReadAllText(f))).ToList(),
                AppSettings = AppSettingsFiles.Select(i => i.GetMetadata("FullPath")).Where(File.Exists)
                    .Select(f => AppSettingsReader.Read(Path.GetFileName(f), File.ReadAllText(f))).Where(a => a is not null).Select(a => a!).ToList(),
            });
            var changed = new List<ITaskItem>();
            foreach (var additional in AdditionalDockerfiles.Select(i => i.ItemSpec).Where(File.Exists).Distinct(StringComparer.Ordinal))
            {
                if (!string.Equals(Path.GetFullPath(additional), Path.GetFullPath(DockerfilePath), StringComparison.Ordinal))
                {
                    RewriteDockerfile(additional, facts, changed);
                }
            }

            if (File.Exists(DockerfilePath))
            {
                RewriteDockerfile(DockerfilePath, facts, changed);
            }
            else if (CTR0003ProjectHasNoDockerfileRule.Analyze(facts, hasDockerfile: false) is not null
                && DockerfileFixes.CreateDockerfile(facts, Path.GetFullPath(DockerfilePath), _inputs.Value) is { } created)
            {
                Write(DockerfilePath, created, NewFileEncoding, "add", $"{DockerfilePath}: a distroless multi-stage Dockerfile (CTR0003)", changed);
            }
            else
            {
                Log.LogMessage(MessageImportance.High, $"ContainerAnalyzers: {ProjectPath} has no Dockerfile to fix and is not an app to containerize.");
            }

            // The compose rules' own fixes (CTR0060's container port), against the Dockerfile as it now is.
            if (File.Exists(DockerfilePath))
            {
                FixComposeFiles(Path.GetFullPath(DockerfilePath), facts, changed);
            }

            // Any .dockerignore the user already has (beside the Dockerfile, the project or in the context) is left alone.
            var dockerfileDirectory = Path.GetDirectoryName(Path.GetFullPath(DockerfilePath))!;
            var dockerfileText = File.Exists(DockerfilePath) ? File.ReadAllText(DockerfilePath) : null;
            if (AddDockerIgnore && (dockerfileText is not null || changed.Count > 0)
                && DockerfileFixes.GetDockerIgnorePath(facts, Path.GetFullPath(DockerfilePath), dockerfileText, _inputs.Value) is { } ignorePath
                && !File.Exists(ignorePath)
                && !File.Exists(Path.Combine(dockerfileDirectory, ".dockerignore"))
                && !File.Exists(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(ProjectPath))!, ".dockerignore"))
                && !File.Exists(Path.Combine(dockerfileDirectory, Path.GetFileName(DockerfilePath) + ".dockerignore")))
            {
                Write(ignorePath, DockerfileFixes.CreateDockerIgnore(dockerfileText), NewFileEncoding, "add", $"{ignorePath}: keeps bin/, obj/ and local secrets out of the build context", changed);
            }

            ChangedFiles = changed.ToArray();
            if (Check && changed.Count > 0)
            {
                Log.LogError($"ContainerAnalyzers: {changed.Count} file(s) need the fixes above; run 'dotnet build -t:FixDockerfile' and commit the result.");
            }

            if (changed.Count == 0)
            {
                Log.LogMessage(MessageImportance.High, "ContainerAnalyzers: nothing to fix.");
            }

            return !Log.HasLoggedErrors;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Log.LogError($"ContainerAnalyzers: could not fix the Dockerfile: {exception.Message}");
            return false;
        }
    }

    private void RewriteDockerfile(string dockerfilePath, ProjectFacts facts, List<ITaskItem> changed)
    {
        var bytes = File.ReadAllBytes(dockerfilePath);
        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            Log.LogWarning($"ContainerAnalyzers: {dockerfilePath} is not a text file (it contains NUL bytes); left as it is.");
            return;
        }

        var hasBom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        var text = new UTF8Encoding(false).GetString(bytes, hasBom ? 3 : 0, bytes.Length - (hasBom ? 3 : 0));
        var model = DockerfileModel.Create(DockerfileParser.Parse(text));
        var analysis = new DockerfileAnalysis(model, facts);
        var ids = DockerfileFixes.FindFixableRuleIds(analysis);
        if (model.FinalStage is null)
        {
            // Empty or comments only: there is nothing of the user's to keep, so a forced fix writes the file anew.
            if (Force && DockerfileFixes.CreateDockerfile(facts, Path.GetFullPath(dockerfilePath), _inputs!.Value) is { } created)
            {
                Write(dockerfilePath, created, new UTF8Encoding(hasBom), "rewrite", $"{dockerfilePath}: it had no FROM; a distroless multi-stage Dockerfile (forced)", changed);
                return;
            }

            Log.LogMessage(MessageImportance.High, $"ContainerAnalyzers: {dockerfilePath} {(text.Trim().Length == 0 ? "is empty" : "has no FROM instruction")}; left as it is (-p:DockerfileFixForce=true writes a new one).");
            return;
        }

        if (ids.Count == 0 && !Force)
        {
            // No rewrite is needed, but the rules' own fixes may be (CTR0020's tag, CTR0023's entry point…).
            var ruleFixes = DockerfileFixes.ApplyRuleFixes(text, Path.GetFullPath(dockerfilePath), facts, _inputs!.Value);
            if (ruleFixes.Applied.Count > 0)
            {
                Write(dockerfilePath, ruleFixes.Text, new UTF8Encoding(hasBom), "rewrite", $"{dockerfilePath} (the rules' own fixes)", changed);
                LogApplied(ruleFixes);
                return;
            }

            var suppressed = SuppressedFixableRules(analysis);
            Log.LogMessage(MessageImportance.High, suppressed.Count > 0
                ? $"ContainerAnalyzers: {dockerfilePath} has {string.Join(", ", suppressed)} suppressed by a comment in the file; left as it is (-p:DockerfileFixForce=true rewrites it anyway)."
                : $"ContainerAnalyzers: {dockerfilePath} already builds in a separate stage and runs on a runtime image; left as it is (-p:DockerfileFixForce=true rewrites it anyway).");
            return;
        }

        var fixes = DockerfileFixes.GetFixes(text, Path.GetFullPath(dockerfilePath), facts, inputs: _inputs!.Value);
        // By default the fix that keeps the user's workflow (the image swapped, or their stages kept as the builder);
        // regeneration only when it was asked for: it replaces the user's build, so it is never a silent fallback.
        var regenerate = string.Equals(Mode, "regenerate", StringComparison.OrdinalIgnoreCase);
        var fix = regenerate
            ? fixes.FirstOrDefault(f => f.Kind == DockerfileFixKind.Regenerate)
            : fixes.FirstOrDefault(f => f.Kind != DockerfileFixKind.Regenerate);
        if (fix is null && !regenerate && fixes.Count > 0)
        {
            Log.LogWarning($"ContainerAnalyzers: {dockerfilePath} {(ids.Count > 0 ? "has " + string.Join(", ", ids) + ", but " : string.Empty)}{DockerfileFixes.WhyNoWorkflowFix(text, Path.GetFullPath(dockerfilePath), facts, _inputs!.Value)}; left as it is. -p:DockerfileFixMode=regenerate rewrites it and lists every line it does not keep.");
            return;
        }

        if (fix is null)
        {
            Log.LogWarning($"ContainerAnalyzers: {dockerfilePath} {(ids.Count > 0 ? "has " + string.Join(", ", ids) + " but " : string.Empty)}{DockerfileFixes.WhyNoPlan(facts)}; left as it is.");
            return;
        }

        if (fix.Breaks.Count > 0)
        {
            // Checked against the compose files that build it: a fix that would break one is not written.
            Log.LogWarning($"ContainerAnalyzers: {dockerfilePath} {(ids.Count > 0 ? "has " + string.Join(", ", ids) + ", but " : string.Empty)}the fix ({fix.Title.ToLowerInvariant()}) would break what the compose files ask of the image; left as it is. Change these first: {string.Join("; ", fix.Breaks)}");
            return;
        }

        var fixing = ids.Count > 0 ? $", fixing {string.Join(", ", ids)}" : " (forced)";
        // What the rewrite leaves for the rules' own fixes (an entry point, a tag the user chose) is fixed too.
        var afterRuleFixes = DockerfileFixes.ApplyRuleFixes(fix.NewText, Path.GetFullPath(dockerfilePath), facts, _inputs!.Value);
        Write(dockerfilePath, afterRuleFixes.Text, new UTF8Encoding(hasBom), "rewrite", $"{dockerfilePath} ({fix.Title.ToLowerInvariant()}){fixing}", changed);
        LogApplied(afterRuleFixes);
        if (fix.BuildAdvice is { } advice)
        {
            // The same command as the new file's header: the build context may have changed folder.
            Log.LogMessage(MessageImportance.High, $"ContainerAnalyzers:   build it {advice}");
        }

        foreach (var edited in fix.EditedLines)
        {
            Log.LogMessage(MessageImportance.High, $"ContainerAnalyzers:   edited: {edited}");
        }

        foreach (var dropped in fix.DroppedLines)
        {
            // Nothing of the user's goes without a word: each line the rewrite left out, and why.
            Log.LogMessage(MessageImportance.High, $"ContainerAnalyzers:   not kept: {dropped}");
        }
    }

    private void FixComposeFiles(string dockerfilePath, ProjectFacts facts, List<ITaskItem> changed)
    {
        foreach (var (path, result) in DockerfileFixes.ApplyComposeFixes(File.ReadAllText(dockerfilePath), dockerfilePath, facts, _inputs!.Value))
        {
            var bytes = File.ReadAllBytes(path);
            var hasBom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
            Write(path, result.Text, new UTF8Encoding(hasBom), "rewrite", $"{path} (the compose rules' own fixes)", changed);
            LogApplied(result);
        }
    }

    private void LogApplied(RuleFixesApplied ruleFixes)
    {
        foreach (var applied in ruleFixes.Applied)
        {
            Log.LogMessage(MessageImportance.High, $"ContainerAnalyzers:   fixed: {applied}");
        }
    }

    // CTR0001 and CTR0002 as the rules alone find them, before the suppression pass: the ones a comment silences.
    private static IReadOnlyList<string> SuppressedFixableRules(DockerfileAnalysis analysis)
    {
        var suppressed = new List<string>();
        foreach (var rule in DockerfileFixes.FixableRules)
        {
            var findings = new List<RuleFinding>();
            rule.Analyze(analysis, findings, System.Threading.CancellationToken.None);
            if (findings.Count > 0 && findings.TrueForAll(f => analysis.Model.Suppressions.IsSuppressed(f.Rule.SuppressionKeys, f.Span)))
            {
                suppressed.Add(rule.Descriptor.Id);
            }
        }

        return suppressed;
    }

    private void Write(string path, string text, Encoding encoding, string verb, string what, List<ITaskItem> changed)
    {
        var writes = !DryRun && !Check;
        if (writes)
        {
            File.WriteAllText(path, text, encoding);
        }

        var done = verb == "add" ? "added" : "rewrote";
        Log.LogMessage(MessageImportance.High, "ContainerAnalyzers: " + (writes ? done : "would " + verb) + " " + what);
        changed.Add(new TaskItem(path));
    }
}
