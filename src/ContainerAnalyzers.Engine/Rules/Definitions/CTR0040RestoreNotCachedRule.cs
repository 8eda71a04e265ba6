using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0040 (info): a stage restores (restore, build or publish without --no-restore) after copying the whole build
/// context, with no restore before that copy and no cache mount on the NuGet folder. The fix adds a cache mount.
/// </summary>
public sealed class CTR0040RestoreNotCachedRule : DockerfileRule
{
    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0040",
        "Restore is not cached",
        "'{0}' runs after the whole build context was copied, with no restore layer before it and no NuGet cache mount: every source edit downloads the packages again",
        RuleCategories.Build,
        RuleSeverity.Info,
        "Copy the project files and restore first, so the restore layer is reused until a project file changes; or mount a BuildKit cache on the NuGet folder.")
    {
        Recommended = true,
        FixKind = RuleFixKind.EditByChoice,
    };

    public override RuleDescriptor Descriptor => Definition;

    protected internal override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        foreach (var stage in analysis.Model.Stages)
        {
            var copiedEverything = false;
            var restoredBefore = false;
            foreach (var instruction in stage.Instructions)
            {
                if (instruction is CopyInstructionSyntax { From: null } copy && CopiesWholeContext(copy))
                {
                    copiedEverything = true;
                    continue;
                }

                if (instruction.Kind != InstructionKind.Run)
                {
                    continue;
                }

                var restoring = FirstRestoring(analysis.Model.DotnetCommandsOf(instruction));
                if (restoring is null)
                {
                    continue;
                }

                if (!copiedEverything)
                {
                    restoredBefore = true;
                    continue;
                }

                if (!restoredBefore && !HasNuGetCacheMount(instruction))
                {
                    findings.Add(Report(instruction.Span, "dotnet " + restoring.Verb).With(fixes: CacheMountFix(instruction)));
                }

                break;
            }
        }
    }

    // Loops rather than LINQ: these run for every instruction of every stage.
    private static bool CopiesWholeContext(CopyInstructionSyntax copy)
    {
        for (var i = 0; i < copy.SourceCount; i++)
        {
            if (IsWholeContext(copy.Arguments[i].Value))
            {
                return true;
            }
        }

        return false;
    }

    private static DotnetCommandLine? FirstRestoring(IReadOnlyList<DotnetCommandLine> commands)
    {
        for (var i = 0; i < commands.Count; i++)
        {
            var command = commands[i];
            if (command.Verb == "restore" || (command.Verb is "build" or "publish" && !command.HasFlag("--no-restore")))
            {
                return command;
            }
        }

        return null;
    }

    private static bool IsWholeContext(string source) => source is "." or "./" or "*" or "./*" or "./." || source.EndsWith("/.", StringComparison.Ordinal);

    private static bool HasNuGetCacheMount(InstructionSyntax run)
        => run.Flags.Any(f => string.Equals(f.Name, "mount", StringComparison.OrdinalIgnoreCase) && f.Value is { } value
            && value.IndexOf("type=cache", StringComparison.OrdinalIgnoreCase) >= 0 && value.IndexOf("nuget", StringComparison.OrdinalIgnoreCase) >= 0);

    private static IReadOnlyList<RuleFix> CacheMountFix(InstructionSyntax run)
    {
        var at = run.Keyword.Span.End;
        return new[] { new RuleFix("Add a NuGet cache mount", RuleFixTarget.Dockerfile, new SourceSpan(at, 0), string.Empty, " --mount=type=cache,id=nuget,target=/root/.nuget/packages") };
    }

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(SourceSpan span, string command)
        => new(Definition, span, new[] { command });
}
