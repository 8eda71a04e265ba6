using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ContainerAnalyzers.Rules.Shared;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0045: a restore layer (<c>COPY</c> of project files, then <c>RUN dotnet restore</c>, as Visual Studio writes it)
/// that does not copy a build file the restore cannot do without: Directory.Build.props when the project file has no
/// TargetFramework of its own (NETSDK1013), Directory.Packages.props when its PackageReferences have no version
/// (NU1015). Only when every source copied before the restore is a file, so none of them can bring the build file in.
/// Reported on the restore; the fix copies the file before it when where it lands is certain.
/// </summary>
public sealed class CTR0045RestoreLayerMissesBuildFilesRule : DockerfileRule
{
    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0045",
        "Restore layer lacks a build file restore needs",
        "'dotnet restore' runs before {0} is copied into the image, and {1}, so the restore fails ({2}); copy it with the project files",
        RuleCategories.Build,
        RuleSeverity.Warning,
        "A restore layer copies only the project files so that restore is cached. MSBuild also reads Directory.Build.props and Directory.Packages.props while restoring; without them a project that takes its TargetFramework or package versions from them cannot restore.")
    {
        FixKind = RuleFixKind.Edit,
    };

    public override RuleDescriptor Descriptor => Definition;

    protected internal override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        var project = analysis.Project;
        var restoreFiles = project.RestoreFiles;
        if (restoreFiles.Count == 0 || !analysis.BuildsThisApp)
        {
            return;
        }

        foreach (var restore in analysis.Model.DotnetRunCommands.Where(c => c.Verb == "restore"))
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Only when every source copied before the restore is a file: a folder might bring the build file in.
            if (analysis.Model.StageOf(restore.Instruction) is not { } stage
                || StageFacts.ContextCopiesBefore(stage, restore.Instruction) is not { Count: > 0 } copies
                || copies.SelectMany(c => c.Sources).Any(s => !IsFile(s.Value))
                || project.LeftToBuildFiles is not { } gaps)
            {
                continue;
            }

            var needed = new List<(string File, string Why, string Error)>();
            if (gaps.NoTargetFramework && project.TargetFrameworks.Count > 0 && Find(restoreFiles, "Directory.Build.props") is { } buildProps)
            {
                needed.Add((buildProps, "the project file takes its TargetFramework from it", "NETSDK1013: The TargetFramework value '' was not recognized"));
            }

            if (gaps.UnversionedPackageReference && Find(restoreFiles, "Directory.Packages.props") is { } packagesProps)
            {
                needed.Add((packagesProps, "the project's PackageReferences take their versions from it", "NU1015: a PackageReference has no version"));
            }

            foreach (var (file, why, error) in needed)
            {
                var name = file.Substring(file.LastIndexOf('/') + 1);
                if (copies.SelectMany(c => c.Sources).Any(s => MayBring(s.Value, name)))
                {
                    continue;
                }

                var fix = ContextCopyFix.MirroredCopy(analysis, stage, copies, restore.Instruction, file, "before the restore");
                findings.Add(Report(restore.Instruction.Span, name, why, error).With(fixes: fix is null ? Array.Empty<RuleFix>() : new[] { fix }));
            }
        }
    }

    // A source that names files: a last segment with an extension or a wildcard, no variable, not a folder.
    private static bool IsFile(string source)
    {
        var path = source.Replace('\\', '/');
        if (path.IndexOf('$') >= 0 || path.EndsWith("/", StringComparison.Ordinal) || path.StartsWith("<<", StringComparison.Ordinal))
        {
            return false;
        }

        var name = path.Substring(path.LastIndexOf('/') + 1);
        return name.Length > 0 && name is not "." and not ".." && (name.IndexOf('.') > 0 || name.IndexOfAny(new[] { '*', '?', '[' }) >= 0);
    }

    // Whether a file source may copy the build file: its last segment is the name, or a wildcard that matches it.
    private static bool MayBring(string source, string name)
    {
        var last = source.Replace('\\', '/').Substring(source.Replace('\\', '/').LastIndexOf('/') + 1);
        return string.Equals(last, name, StringComparison.OrdinalIgnoreCase)
            || (last.IndexOfAny(new[] { '*', '?', '[' }) >= 0 && ContextSources.GlobMatches(last, name));
    }

    private static string? Find(IReadOnlyList<string> files, string name)
        => files.FirstOrDefault(f => f.EndsWith("/" + name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(SourceSpan span, string file, string why, string error)
        => new(Definition, span, new[] { file, why, error });
}
