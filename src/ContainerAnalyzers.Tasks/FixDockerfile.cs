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
    // Decoding fails on a byte that is not UTF-8 instead of turning it into U+FFFD, which a rewrite would then write.
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

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

    /// <summary>The GitHub action files (action.yml) found with the compose files: a Docker action's image is not rewritten.</summary>
    public ITaskItem[] ActionFiles { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The project's appsettings*.json files: where the app listens, for the compose port fixes.</summary>
    public ITaskItem[] AppSettingsFiles { get; set; } = Array.Empty<ITaskItem>();

    /// <summary><c>minimal</c> (default: keep the user's stages, fall back to a rewrite) or <c>regenerate</c>.</summary>
    public string Mode { get; set; } = "minimal";

    public bool AddDockerIgnore { get; set; } = true;

    /// <summary>Write a Dockerfile or compose file that is a symbolic link through to its target (DockerfileFixWriteThroughLinks=true).</summary>
    public bool WriteThroughLinks { get; set; }

    /// <summary>Report what would change without writing.</summary>
    public bool DryRun { get; set; }

    /// <summary>A pre-commit or CI check: write nothing, and fail when a fix would change a file.</summary>
    public bool Check { get; set; }

    private Lazy<FixInputs>? _inputs;

    // Whether a warning said why a file was left as it is: then "nothing to fix" would be untrue.
    private bool _warned;

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
                Code = CodeEndpointText.Scan(SourceFiles.Select(i => ReadableText(i.GetMetadata("FullPath"), long.MaxValue)).OfType<string>()),
                ComposeFiles = ComposeFiles.Select(i => i.GetMetadata("FullPath")).Select(f => ReadableText(f, InspectContainerInputs.ComposeCap) is { } text ? Compose.ComposeFile.Parse(f, text) : null).OfType<Compose.ComposeFile>().ToList(),
                AppSettings = AppSettingsFiles.Select(i => i.GetMetadata("FullPath"))
                    .Select(f => ReadableText(f, InspectContainerInputs.ComposeCap) is { } text ? AppSettingsReader.Read(Path.GetFileName(f), text) : null).OfType<AppSettingsFile>().ToList(),
                DockerActionImages = ActionFiles.Select(i => i.GetMetadata("FullPath"))
                    .Select(f => ReadableText(f, InspectContainerInputs.ComposeCap) is { } text ? GitHubDockerAction.ImageDockerfile(f, text) : null).OfType<string>().ToList(),
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
            else if (CTR0003ProjectHasNoDockerfileRule.NeedsDockerfile(facts)
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
            var dockerfileText = ReadableText(DockerfilePath, InspectContainerInputs.DockerfileCap);
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

            if (changed.Count == 0 && !_warned)
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
        if (ReadForRewrite(dockerfilePath, InspectContainerInputs.DockerfileCap) is not { } read)
        {
            return;
        }

        var (text, hasBom) = read;
        var model = DockerfileModel.Create(DockerfileParser.Parse(text));
        if (DockerfileFixes.UnclosedHeredocLine(model) is { } heredocLine)
        {
            Warn($"ContainerAnalyzers: {dockerfilePath}: the heredoc on line {heredocLine} is never closed, so everything after it is its body and no fix can tell where your instructions end; left as it is. Close it first.");
            return;
        }

        if (_inputs!.Value.IsDockerActionImage(Path.GetFullPath(dockerfilePath)))
        {
            Log.LogMessage(MessageImportance.High, $"ContainerAnalyzers: {dockerfilePath} builds a GitHub Docker action's image (action.yml): GitHub runs it as root, and it is not an app to rewrite; left as it is.");
            return;
        }

        var analysis = new DockerfileAnalysis(model, facts);
        var ids = DockerfileFixes.FindFixableRuleIds(analysis);
        if (model.FinalStage is null)
        {
            // No FROM: a forced fix writes the file anew, and says which of the user's lines it does not keep.
            if (Force && DockerfileFixes.CreateDockerfile(facts, Path.GetFullPath(dockerfilePath), _inputs!.Value) is { } created)
            {
                if (Write(dockerfilePath, created, new UTF8Encoding(hasBom), "rewrite", $"{dockerfilePath}: it had no FROM; a distroless multi-stage Dockerfile (forced)", changed))
                {
                    LogLinesNotKept(text);
                }

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
                if (Write(dockerfilePath, ruleFixes.Text, new UTF8Encoding(hasBom), "rewrite", $"{dockerfilePath} (the rules' own fixes)", changed))
                {
                    LogApplied(ruleFixes);
                }

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
            Warn($"ContainerAnalyzers: {dockerfilePath} {(ids.Count > 0 ? "has " + string.Join(", ", ids) + ", but " : string.Empty)}{DockerfileFixes.WhyNoWorkflowFix(text, Path.GetFullPath(dockerfilePath), facts, _inputs!.Value)}; left as it is. -p:DockerfileFixMode=regenerate rewrites it and lists every line it does not keep.");
            return;
        }

        if (fix is null)
        {
            Warn($"ContainerAnalyzers: {dockerfilePath} {(ids.Count > 0 ? "has " + string.Join(", ", ids) + " but " : string.Empty)}{DockerfileFixes.WhyNoPlan(facts)}; left as it is.");
            return;
        }

        if (fix.Breaks.Count > 0)
        {
            // Checked against the compose files that build it and what the code needs: a fix that would break either is not written.
            Warn($"ContainerAnalyzers: {dockerfilePath} {(ids.Count > 0 ? "has " + string.Join(", ", ids) + ", but " : string.Empty)}the fix ({fix.Title.ToLowerInvariant()}) would break what the app or the compose files that run it need; left as it is. Change these first: {string.Join("; ", fix.Breaks)}");
            return;
        }

        var fixing = ids.Count > 0 ? $", fixing {string.Join(", ", ids)}" : " (forced)";
        // What the rewrite leaves for the rules' own fixes (an entry point, a tag the user chose) is fixed too.
        var afterRuleFixes = DockerfileFixes.ApplyRuleFixes(fix.NewText, Path.GetFullPath(dockerfilePath), facts, _inputs!.Value);
        if (!Write(dockerfilePath, afterRuleFixes.Text, new UTF8Encoding(hasBom), "rewrite", $"{dockerfilePath} ({fix.Title.ToLowerInvariant()}){fixing}", changed))
        {
            return;
        }

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
        if (ReadableText(dockerfilePath, InspectContainerInputs.DockerfileCap) is not { } dockerfile)
        {
            return;
        }

        foreach (var (path, result) in DockerfileFixes.ApplyComposeFixes(dockerfile, dockerfilePath, facts, _inputs!.Value))
        {
            if (ReadForRewrite(path, InspectContainerInputs.ComposeCap) is { } read
                && Write(path, result.Text, new UTF8Encoding(read.HasBom), "rewrite", $"{path} (the compose rules' own fixes)", changed))
            {
                LogApplied(result);
            }
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

    private void Warn(string message)
    {
        _warned = true;
        Log.LogWarning(message);
    }

    /// <summary>
    /// Writes a fixed or new file, or says why not. A file reached through a symbolic link is not written through unless
    /// asked (the link may point into a shared template outside the repository), and no file is written outside the
    /// repository the project is in. True when the file was written, or would be on a dry run or check.
    /// </summary>
    private bool Write(string path, string text, Encoding encoding, string verb, string what, List<ITaskItem> changed)
    {
        if (OutsideTheRepository(path) is { } why)
        {
            Warn($"ContainerAnalyzers: {path}: not written, {why}.");
            return false;
        }

        var linkTarget = LinkTarget(path);
        if (linkTarget is not null && !WriteThroughLinks)
        {
            Warn($"ContainerAnalyzers: {path} is a symbolic link to {linkTarget}; left as it is, since writing through it changes that file for everything that shares it. -p:DockerfileFixWriteThroughLinks=true writes the target.");
            return false;
        }

        var writes = !DryRun && !Check;
        if (writes)
        {
            File.WriteAllText(path, text, encoding);
        }

        var done = verb == "add" ? "added" : "rewrote";
        var through = linkTarget is null ? string.Empty : $" (through the link, to {linkTarget})";
        Log.LogMessage(MessageImportance.High, "ContainerAnalyzers: " + (writes ? done : "would " + verb) + " " + what + through);
        changed.Add(new TaskItem(path));
        return true;
    }

    /// <summary>
    /// The text of a file the fixer may rewrite, or null with the reason logged: only a regular file of bounded size
    /// (never a FIFO, a device or a folder), and only valid UTF-8, so every byte of a line the fix keeps is kept.
    /// </summary>
    private (string Text, bool HasBom)? ReadForRewrite(string path, long cap)
    {
        var state = InputFiles.Read(path, cap, out var content);
        if (state != InputFileState.Readable || content is not { } bytes)
        {
            Warn($"ContainerAnalyzers: {path} {InputFiles.Describe(state, cap)}; left as it is.");
            return null;
        }

        // Read judges text after decoding (a UTF-16 file is text to the compiler), but a rewrite writes UTF-8: a NUL byte
        // means the file is in another encoding, or not text, and either way its bytes would not survive.
        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            Warn($"ContainerAnalyzers: {path} is not a UTF-8 text file (it contains NUL bytes); left as it is.");
            return null;
        }

        var hasBom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        try
        {
            return (StrictUtf8.GetString(bytes, hasBom ? 3 : 0, bytes.Length - (hasBom ? 3 : 0)), hasBom);
        }
        catch (DecoderFallbackException exception)
        {
            var offset = exception.Index >= 0 ? $" (the byte at offset {exception.Index + (hasBom ? 3 : 0)})" : string.Empty;
            Warn($"ContainerAnalyzers: {path} is not valid UTF-8{offset}; left as it is, since a rewrite would change the bytes of the lines it keeps. Save it as UTF-8 to let the fixer edit it.");
            return null;
        }
    }

    /// <summary>A file's text when it is a regular text file within the cap (never a FIFO or device, which could hang the build); otherwise null.</summary>
    private static string? ReadableText(string path, long cap)
        => InputFiles.Read(path, cap, out var bytes) == InputFileState.Readable && bytes is not null ? InputFiles.Decode(bytes) : null;

    private void LogLinesNotKept(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length > 0)
            {
                Log.LogMessage(MessageImportance.High, $"ContainerAnalyzers:   not kept: line {i + 1}: {ContainerAnalyzers.Text.MessageText.Clip(line)}");
            }
        }
    }

    // The target of a symbolic link (as the link holds it), or null for a file that is not one. FileSystemInfo.LinkTarget
    // is .NET 6's; MSBuild on .NET Framework (Windows) has no such property, and there the answer is "not a link".
    private static string? LinkTarget(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists && !File.Exists(path) || (info.Attributes & FileAttributes.ReparsePoint) == 0)
            {
                return null;
            }

            return typeof(FileSystemInfo).GetProperty("LinkTarget")?.GetValue(info) as string ?? "another file";
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Reflection.TargetInvocationException)
        {
            return null;
        }
    }

    /// <summary>
    /// Why a path is outside what the fixer may write, or null: inside the repository of the project (the nearest folder
    /// above it with .git) when there is one, else anywhere in the build context the fix chose (the project's folder,
    /// or the smallest one that holds its references and build files); never the file system's root.
    /// </summary>
    private string? OutsideTheRepository(string path)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full);
        if (folder is null || Path.GetPathRoot(full) == folder)
        {
            return "it is at the root of the file system";
        }

        var projectFolder = Path.GetDirectoryName(Path.GetFullPath(ProjectPath))!;
        if (RepositoryRoot(projectFolder) is { } repository)
        {
            return IsUnder(full, repository) ? null : $"it is outside the repository {repository}";
        }

        return null;
    }

    private static string? RepositoryRoot(string folder)
    {
        for (var current = new DirectoryInfo(folder); current is not null; current = current.Parent)
        {
            var git = Path.Combine(current.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return current.FullName;
            }
        }

        return null;
    }

    private static bool IsUnder(string path, string folder)
    {
        var prefix = folder.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? folder : folder + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, StringComparison.Ordinal);
    }
}
