using System;
using System.Collections.Generic;
using System.Linq;
using ContainerAnalyzers.Projects;
using ContainerAnalyzers.Syntax;

namespace ContainerAnalyzers.Semantics;

/// <summary>Questions several rules ask about the final stage.</summary>
public static class FinalStageFacts
{
    /// <summary>
    /// A final stage whose job is an SDK command or a dotnet tool, not the app: tests (<c>dotnet test</c>), a migration
    /// job (<c>dotnet ef database update</c>, <c>dotnet-ef</c>), a formatter, a build or pack image; or the Dockerfile
    /// of a test project. It needs the SDK and the sources by design, and never runs the app, so the app rules stay
    /// quiet on it (issue 27: a migration job got CTR0001, CTR0002 and a rewrite that would break it).
    /// </summary>
    internal static bool IsSdkJob(DockerfileModel model, Stage final, ProjectFacts project)
    {
        if (project.IsTestProject)
        {
            return true;
        }

        foreach (var stage in final.Lineage)
        {
            foreach (var instruction in stage.Instructions)
            {
                if (instruction.Kind is not (InstructionKind.Entrypoint or InstructionKind.Cmd))
                {
                    continue;
                }

                if (model.DotnetCommandsOf(instruction).Any(i => SdkJobVerbs.Contains(i.Verb))
                    || (StageFacts.Words(instruction) is { Count: > 0 } words && IsDotnetTool(words[0])))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // The SDK's own commands: none of them starts a published app.
    private static readonly HashSet<string> SdkJobVerbs = new(StringComparer.Ordinal)
    {
        "test", "vstest", "ef", "format", "tool", "build", "pack", "publish", "restore", "msbuild", "nuget", "new", "sln", "workload",
    };

    // A dotnet tool's own executable (dotnet-ef, /root/.dotnet/tools/dotnet-format): tools are named dotnet-<name>.
    private static bool IsDotnetTool(string word)
    {
        var name = word.Substring(word.LastIndexOfAny(new[] { '/', '\\' }) + 1);
        return name.StartsWith("dotnet-", StringComparison.Ordinal) && name.Length > "dotnet-".Length;
    }

    // The tools an entrypoint uses to give up root after preparing the container (gosu, su-exec, setpriv, runuser,
    // s6-setuidgid, chroot --userspec).
    private static readonly string[] PrivilegeDroppingTools = { "gosu", "su-exec", "setpriv", "runuser", "s6-setuidgid" };

    /// <summary>
    /// The final stage starts as root on purpose, to prepare the container and then run the app as another user: its
    /// entry point is a script, or the stage (or a stage it builds on) installs, copies or runs a privilege-dropping tool.
    /// A USER there would break the script, which needs root.
    /// </summary>
    public static bool DropsRootAtStart(Stage final)
    {
        var entrypoint = StageFacts.Last(final, InstructionKind.Entrypoint);
        if (entrypoint is not null && StartsAScript(entrypoint))
        {
            return true;
        }

        foreach (var stage in final.Lineage)
        {
            foreach (var instruction in stage.Instructions)
            {
                if (instruction.Kind is InstructionKind.Run or InstructionKind.Copy or InstructionKind.Add or InstructionKind.Entrypoint or InstructionKind.Cmd
                    && MentionsPrivilegeDropping(instruction.LogicalLine))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // ENTRYPOINT ["/docker-entrypoint.sh"], ENTRYPOINT ./start.sh, ENTRYPOINT ["sh", "/app/run.sh"], ENTRYPOINT ["entrypoint"].
    private static bool StartsAScript(InstructionSyntax entrypoint)
    {
        var words = StageFacts.Words(entrypoint);
        if (words is null || words.Count == 0)
        {
            return false;
        }

        var first = FileName(words[0]);
        if (IsScriptName(first))
        {
            return true;
        }

        if (first is "sh" or "bash" or "dash" or "ash" or "zsh")
        {
            foreach (var word in words.Skip(1))
            {
                if (!word.StartsWith("-", StringComparison.Ordinal))
                {
                    return IsScriptName(FileName(word));
                }
            }
        }

        return false;

        // A shell script by its extension, or by the names entry-point scripts are given without one (entrypoint,
        // docker-entrypoint, app-entrypoint). A program that only has the word in its name (entrypoint-server, the
        // app's own apphost) is not one: it does not drop root, and CTR0033 must not fall silent on it (issue 27).
        static bool IsScriptName(string name)
        {
            if (name.EndsWith(".sh", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".bash", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            return name.Equals("entrypoint", StringComparison.OrdinalIgnoreCase)
                || name.EndsWith("-entrypoint", StringComparison.OrdinalIgnoreCase)
                || name.EndsWith("_entrypoint", StringComparison.OrdinalIgnoreCase);
        }

        static string FileName(string path) => path.Substring(path.LastIndexOfAny(new[] { '/', '\\' }) + 1);
    }

    private static bool MentionsPrivilegeDropping(string text)
    {
        foreach (var tool in PrivilegeDroppingTools)
        {
            if (StageFacts.MentionsWord(text, tool, IsNameCharacter))
            {
                return true;
            }
        }

        var chroot = text.IndexOf("chroot", StringComparison.Ordinal);
        return chroot >= 0 && text.IndexOf("--userspec", chroot, StringComparison.Ordinal) > chroot;

        static bool IsNameCharacter(char c) => char.IsLetterOrDigit(c) || c is '-' or '_' or '.';
    }
}
