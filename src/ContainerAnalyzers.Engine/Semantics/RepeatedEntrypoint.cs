using System;
using System.Collections.Generic;
using System.Linq;
using ContainerAnalyzers.Images;
using ContainerAnalyzers.Syntax;

namespace ContainerAnalyzers.Semantics;

/// <summary>
/// A CMD that starts the entry point again. Docker appends CMD to the ENTRYPOINT in effect: the stage's own, a parent
/// stage's, or the image's (<c>["/usr/bin/dotnet"]</c> on the chiseled and distroless runtime images). A CMD that
/// begins with those same words runs them twice: <c>dotnet dotnet App.dll</c>, or the app with its own command line
/// as arguments. Shared by CTR0036 and the fixes that change the final image, so both read one answer.
/// </summary>
public sealed class RepeatedEntrypoint
{
    private RepeatedEntrypoint(InstructionSyntax cmd, IReadOnlyList<string> cmdWords, InstructionSyntax? entrypoint, IReadOnlyList<string> entrypointWords)
    {
        Cmd = cmd;
        CmdWords = cmdWords;
        Entrypoint = entrypoint;
        EntrypointWords = entrypointWords;
    }

    /// <summary>The exec-form CMD in effect.</summary>
    public InstructionSyntax Cmd { get; }

    public IReadOnlyList<string> CmdWords { get; }

    /// <summary>The ENTRYPOINT instruction in effect; null when it is the image's own.</summary>
    public InstructionSyntax? Entrypoint { get; }

    public IReadOnlyList<string> EntrypointWords { get; }

    /// <summary>The entry point is the dotnet host alone, so the container runs <c>dotnet dotnet …</c>, which starts nothing.</summary>
    public bool StartsNothing => EntrypointWords.Count == 1 && DotnetCommandLine.IsDotnetExecutable(EntrypointWords[0]);

    /// <summary>What the container runs: the entry point's words, then the CMD's.</summary>
    public IEnumerable<string> CommandLine => EntrypointWords.Concat(CmdWords);

    /// <summary>The repeated start of the stage's CMD, when the image's entry point would be <paramref name="image"/>'s; null when there is none or it is not certain.</summary>
    public static RepeatedEntrypoint? Find(Stage stage, DotnetImage? image)
    {
        var cmd = StageFacts.Last(stage, InstructionKind.Cmd);
        var entrypoint = StageFacts.Last(stage, InstructionKind.Entrypoint);
        if (cmd is null || !cmd.IsJsonForm || StageFacts.Words(cmd) is not { Count: > 0 } cmdWords)
        {
            return null;
        }

        if (entrypoint is not null && StageIndex(stage, entrypoint) < StageIndex(stage, cmd))
        {
            // The ENTRYPOINT is set in a stage built on the CMD's: that reset the CMD.
            return null;
        }

        IReadOnlyList<string>? entrypointWords = entrypoint is null ? image?.EntryPoint
            : entrypoint.IsJsonForm ? StageFacts.Words(entrypoint)
            : null; // A shell-form ENTRYPOINT ignores CMD altogether.
        if (entrypointWords is not { Count: > 0 } || cmdWords.Count < entrypointWords.Count)
        {
            return null;
        }

        for (var i = 0; i < entrypointWords.Count; i++)
        {
            if (!SameWord(entrypointWords[i], cmdWords[i], first: i == 0))
            {
                return null;
            }
        }

        return new RepeatedEntrypoint(cmd, cmdWords, entrypoint, entrypointWords);
    }

    /// <summary>How far from <paramref name="stage"/> up its lineage the instruction's stage is (0: the stage itself).</summary>
    private static int StageIndex(Stage stage, InstructionSyntax instruction)
    {
        var index = 0;
        foreach (var ancestor in stage.Lineage)
        {
            if (ancestor.Instructions.Contains(instruction))
            {
                return index;
            }

            index++;
        }

        return index;
    }

    // The program word matches by what it runs (dotnet, /usr/bin/dotnet, /usr/share/dotnet/dotnet); arguments exactly.
    private static bool SameWord(string a, string b, bool first)
        => string.Equals(a, b, StringComparison.Ordinal) || (first && DotnetCommandLine.IsDotnetExecutable(a) && DotnetCommandLine.IsDotnetExecutable(b));
}
