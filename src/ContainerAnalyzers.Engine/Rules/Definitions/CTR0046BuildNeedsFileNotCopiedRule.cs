using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ContainerAnalyzers.Rules.Shared;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0046: the project file includes a file from outside its folder that the build cannot do without
/// (<c>&lt;AdditionalFiles Include="..\stylecop.json" /&gt;</c>, a linked Compile or EmbeddedResource), and the Dockerfile
/// copies specific folders before it builds, none of which brings that file: the build fails (CS2001, MSB3552). Only
/// when the context is certain (the project file's own COPY says where its root is) and every source copied before
/// the build is literal. Reported on the build command; the fix copies the file where the layout puts it.
/// </summary>
public sealed class CTR0046BuildNeedsFileNotCopiedRule : DockerfileRule
{
    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0046",
        "The build needs a file the image does not have",
        "'dotnet {0}' needs {1} ({2} of {3}), but no COPY before it brings that file into the image, so the build fails ({4})",
        RuleCategories.Build,
        RuleSeverity.Warning,
        "A project that includes files from outside its folder (a shared stylecop.json, a linked source file) builds on the host, where they are there; in the image only what the COPY instructions brought is. The compiler fails on a missing source or additional file.")
    {
        FixKind = RuleFixKind.Edit,
    };

    public override RuleDescriptor Descriptor => Definition;

    protected internal override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        var model = analysis.Model;
        if (!analysis.BuildsThisApp
            || analysis.Project.ProjectPath?.Replace('\\', '/') is not { } projectPath
            || model.DotnetRunCommands.FirstOrDefault(c => c.Verb is "build" or "publish") is not { } build
            || model.StageOf(build.Instruction) is not { } stage
            || !NamesAParentFolder(analysis.Project.ProjectText)
            || ContextSources.FromCopySources(model, projectPath) is not { } context
            || analysis.Project.LeftToBuildFiles is not { ItemsFromOutside.Count: > 0 } gaps)
        {
            return;
        }

        var copies = StageFacts.ContextCopiesBefore(stage, build.Instruction);
        var sources = copies.SelectMany(c => c.Sources).Select(s => s.Value.Replace('\\', '/')).ToList();
        if (sources.Any(s => s.IndexOf('$') >= 0))
        {
            return;
        }

        var cleaned = sources.Select(s => PathText.Clean(s.TrimStart('/'))).ToList();
        var projectFolder = PathText.GetDirectory(projectPath);
        foreach (var (itemType, include) in gaps.ItemsFromOutside)
        {
            var file = PathText.Combine(projectFolder, include);
            if (PathText.RelativeTo(context, file) is { } relative && cleaned.Any(source => MayBring(source, relative)))
            {
                continue;
            }

            var error = itemType == "EmbeddedResource" ? "MSB3552: the resource file cannot be found" : "CS2001: the file could not be found";
            var fix = ContextCopyFix.MirroredCopy(analysis, stage, copies, build.Instruction, file, "before the build");
            findings.Add(Report(build.Instruction.Span, build.Verb, include, itemType, PathText.GetFileName(projectPath), error)
                .With(fixes: fix is null ? Array.Empty<RuleFix>() : new[] { fix }));
        }
    }

    // A text test before the project file is read as XML: most project files name no parent folder, and System.Xml
    // costs a fresh compiler process about 15 ms to load.
    private static bool NamesAParentFolder(string? projectText)
        => projectText is not null && (projectText.IndexOf("..\\", StringComparison.Ordinal) >= 0 || projectText.IndexOf("../", StringComparison.Ordinal) >= 0);

    // Whether a context source may copy the file: the context itself, the file, a folder that holds it, or a wildcard
    // that could match it (then it may: the rule stays silent).
    private static bool MayBring(string source, string relative)
        => source == "." || source.IndexOfAny(new[] { '*', '?', '[' }) >= 0 || PathText.IsSameOrBelow(relative, source);

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(SourceSpan span, string verb, string file, string itemType, string project, string error)
        => new(Definition, span, new[] { verb, file, itemType, project, error });
}
