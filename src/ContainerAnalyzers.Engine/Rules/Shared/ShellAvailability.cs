using System;
using System.Collections.Generic;
using System.Linq;
using ContainerAnalyzers.Images;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;

namespace ContainerAnalyzers.Rules.Shared;

/// <summary>Whether a stage's image has a POSIX shell, from what the package knows of the image at its root.</summary>
internal static class ShellAvailability
{
    /// <summary>False when the root image is known to have no /bin/sh (chiseled, distroless, scratch); null when unknown.</summary>
    public static bool? HasShell(Stage stage)
    {
        if (stage.RootImage is not { } image)
        {
            return null;
        }

        if (image.IsScratch)
        {
            return false;
        }

        if (GoogleDistrolessImage.TryClassify(image) is { } google)
        {
            return google.HasShell;
        }

        // Windows images have cmd, not /bin/sh, and shell form means cmd there: not this rule's business.
        if (DotnetImage.TryClassify(image) is not { IsWindows: false } dotnet)
        {
            return null;
        }

        return dotnet.HasPosixShell;
    }

    // Tools a shell-less image lacks, by program name, with what kind of tool each is.
    private static readonly Dictionary<string, string> MissingTools = new(StringComparer.Ordinal)
    {
        ["curl"] = "curl", ["wget"] = "wget", ["nc"] = "netcat", ["sh"] = "shell", ["bash"] = "shell", ["ash"] = "shell",
        ["apt-get"] = "package manager", ["apt"] = "package manager", ["apk"] = "package manager", ["dnf"] = "package manager",
        ["yum"] = "package manager", ["tdnf"] = "package manager", ["ps"] = "process tools", ["pgrep"] = "process tools",
    };

    /// <summary>
    /// The tool a program is (<c>/usr/bin/curl</c>: "curl", <c>bash</c>: "shell") when the stage's shell-less image lacks it
    /// and no COPY of the stage puts it there; null otherwise. Asked only about a stage whose image has no shell.
    /// </summary>
    public static (string Tool, string Kind)? MissingTool(Stage stage, string program)
    {
        var tool = program.Substring(program.LastIndexOf('/') + 1);
        if (!MissingTools.TryGetValue(tool, out var kind))
        {
            return null;
        }

        var copied = stage.Lineage.SelectMany(s => s.Instructions).OfType<CopyInstructionSyntax>().SelectMany(c => c.Arguments).Select(a => a.Value);
        return copied.Any(c => c.EndsWith("/" + tool, StringComparison.Ordinal) || c == tool) ? null : (tool, kind);
    }

    /// <summary>
    /// The HTTP tool (curl, wget) a program is, when the stage's image has a shell but not that tool (an aspnet image on
    /// Debian has no curl) and nothing in the stage's lineage installs or copies it; null otherwise.
    /// </summary>
    public static string? MissingHttpTool(Stage stage, string program)
    {
        var tool = program.Substring(program.LastIndexOf('/') + 1);
        if (stage.RootImage is not { } root || DotnetImage.TryClassify(root)?.HasHttpTool(tool) != false)
        {
            return null;
        }

        // Installed (apt-get install curl, apk add curl) or copied in: any RUN or COPY that names it counts.
        foreach (var instruction in stage.Lineage.SelectMany(s => s.Instructions))
        {
            if (instruction.Kind is InstructionKind.Run or InstructionKind.Copy or InstructionKind.Add
                && StageFacts.MentionsWord(instruction.LogicalLine, tool, c => char.IsLetterOrDigit(c) || c == '-'))
            {
                return null;
            }
        }

        return tool;
    }

    /// <summary>A SHELL instruction in the lineage names another shell: the author provided one (we cannot check it exists).</summary>
    public static bool DeclaresShell(Stage stage) => stage.Lineage.SelectMany(s => s.Instructions).Any(i => i.Kind == InstructionKind.Shell);
}
