using System;
using System.Collections.Generic;
using System.Linq;
using ContainerAnalyzers.Images;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Semantics;

/// <summary>Who may write to a folder of the final image.</summary>
public enum FolderOwnerKind
{
    /// <summary>The Dockerfile leaves it open: a RUN that may change it, a volume, a variable, or a folder it never makes.</summary>
    Unknown,

    /// <summary>Owned by root with the default mode (0755): only root writes to it.</summary>
    Root,

    /// <summary>Owned by <see cref="FolderOwner.Account"/>.</summary>
    Account,

    /// <summary>Writable by every user (<c>/tmp</c>).</summary>
    Everyone,
}

/// <summary>The owner of a folder, and the instruction that made it (null for a folder of the base image).</summary>
public readonly struct FolderOwner
{
    public FolderOwner(FolderOwnerKind kind, string? account, InstructionSyntax? madeBy)
        : this(kind, account, madeBy, isAbsent: false)
    {
    }

    private FolderOwner(FolderOwnerKind kind, string? account, InstructionSyntax? madeBy, bool isAbsent)
    {
        Kind = kind;
        Account = account;
        MadeBy = madeBy;
        IsAbsent = isAbsent;
    }

    /// <summary>While <see cref="FolderOwnership"/> walks a stage: a folder not (yet) in the image.</summary>
    internal static FolderOwner Absent => new(FolderOwnerKind.Unknown, null, null, isAbsent: true);

    internal bool IsAbsent { get; }

    public static FolderOwner Unknown => new(FolderOwnerKind.Unknown, null, null);

    public FolderOwnerKind Kind { get; }

    public string? Account { get; }

    public InstructionSyntax? MadeBy { get; }
}

/// <summary>
/// Who owns a folder of a stage built on a .NET image, by the builders' own rules, checked against real builds
/// (buildah, and BuildKit's documented behaviour):
/// <list type="bullet">
/// <item>WORKDIR creates a missing folder as the stage's USER at that point, and leaves an existing one as it is;</item>
/// <item>COPY and ADD create missing folders owned by root (by the <c>--chown</c> user with it, which the builders do not
/// agree on for created parents, so that is unknown), and leave an existing destination folder's owner alone;</item>
/// <item>the .NET images' own folders are root's, except the app user's home (.NET 8+) and <c>/tmp</c>.</item>
/// </list>
/// A RUN that may change the folder (chown, chmod, mkdir, or naming it), a VOLUME at or above it, a copy into a folder
/// above it (whose content may bring it), or a path with a variable makes the answer unknown.
/// </summary>
public static class FolderOwnership
{
    // Commands that create or re-own folders; a RUN that names one of them, or the folder, may change the answer.
    private static readonly string[] FolderCommands = { "chown", "chmod", "chgrp", "setfacl", "mkdir", "install", "ln", "mv", "cp", "rsync", "tar", "unzip" };

    /// <summary>The owner of <paramref name="folder"/> (absolute, normalised) in <paramref name="stage"/>, built on <paramref name="image"/>.</summary>
    public static FolderOwner Of(Stage stage, DotnetImage image, string folder)
    {
        var user = image.RunsAsNonRootByDefault ? "app" : "root";
        var owner = InBaseImage(image, folder);
        string? workdir = "/";
        foreach (var instruction in stage.Lineage.Reverse().SelectMany(s => s.Instructions))
        {
            switch (instruction.Kind)
            {
                case InstructionKind.User:
                    user = instruction.Arguments.Count > 0 ? StageFacts.LiteralAccount(instruction.Arguments[0].Value) : null;
                    break;
                case InstructionKind.Workdir:
                    var target = workdir is null || instruction.Arguments.Count == 0 || instruction.Arguments[0].Value.IndexOf('$') >= 0
                        ? null
                        : StageFacts.CombinePath(workdir, instruction.Arguments[0].Value);
                    workdir = target;
                    if (target is null)
                    {
                        owner = owner.IsAbsent ? FolderOwner.Unknown : owner;
                    }
                    else if (owner.IsAbsent && PathText.IsSameOrBelow(target, folder))
                    {
                        // WORKDIR makes the folder as the user; a parent it makes on the way is certain only as root.
                        owner = user is null ? FolderOwner.Unknown
                            : StageFacts.IsRoot(user) ? new(FolderOwnerKind.Root, "root", instruction)
                            : target == folder ? new(FolderOwnerKind.Account, StageFacts.Account(user), instruction)
                            : FolderOwner.Unknown;
                    }

                    break;
                case InstructionKind.Copy or InstructionKind.Add:
                    owner = AfterCopy(owner, (CopyInstructionSyntax)instruction, workdir, folder);
                    break;
                case InstructionKind.Run:
                    if (MayChange(instruction.LogicalLine, folder))
                    {
                        owner = FolderOwner.Unknown;
                    }

                    break;
                case InstructionKind.Volume:
                    if (VolumeCovers(instruction, folder, workdir ?? "/"))
                    {
                        owner = FolderOwner.Unknown;
                    }

                    break;
            }
        }

        return owner.IsAbsent ? FolderOwner.Unknown : owner;
    }

    /// <summary>
    /// Whether an instruction is a VOLUME at <paramref name="path"/> or above it, or one whose path is a variable
    /// (<c>VOLUME ["/data", "/keys"]</c> or <c>VOLUME /data /keys</c>; relative paths are the working directory's).
    /// </summary>
    public static bool VolumeCovers(InstructionSyntax instruction, string path, string workdir = "/")
        => instruction.Kind == InstructionKind.Volume
            && (instruction.IsJsonForm ? instruction.Arguments.Select(a => a.Value) : instruction.Arguments.SelectMany(a => a.Value.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries)))
                .Any(p => p.IndexOf('$') >= 0 || PathText.IsSameOrBelow(path, StageFacts.CombinePath(workdir, p)));

    // A folder of the base image: its root and system folders are root's; the app user's home (from .NET 8) is the
    // app user's; /tmp is everyone's. Any other folder is absent, or root's if the image has it, which is the same
    // answer for what WORKDIR and COPY then make of it.
    private static FolderOwner InBaseImage(DotnetImage image, string folder) => folder switch
    {
        "/" => new(FolderOwnerKind.Root, "root", null),
        "/tmp" or "/var/tmp" or "/dev/shm" => new(FolderOwnerKind.Everyone, null, null),
        "/home/app" when image.Major >= 8 => new(FolderOwnerKind.Account, "app", null),
        _ => FolderOwner.Absent,
    };

    private static FolderOwner AfterCopy(FolderOwner owner, CopyInstructionSyntax copy, string? workdir, string folder)
    {
        if (copy.Destination is not { } destinationToken)
        {
            return owner;
        }

        var destinationText = destinationToken.Value;
        if (workdir is null || destinationText.IndexOf('$') >= 0)
        {
            return FolderOwner.Unknown;
        }

        var destination = StageFacts.CombinePath(workdir, destinationText);
        if (PathText.IsSameOrBelow(folder, destination) && folder != destination)
        {
            // The copied content may bring the folder, or merge into it.
            return FolderOwner.Unknown;
        }

        if (!PathText.IsSameOrBelow(destination, folder))
        {
            return owner;
        }

        if (copy.GetFlag("chmod") is not null)
        {
            return FolderOwner.Unknown;
        }

        if (copy.GetFlag("chown") is not null)
        {
            return owner.IsAbsent || destination == folder ? FolderOwner.Unknown : owner;
        }

        return owner.IsAbsent ? new(FolderOwnerKind.Root, "root", copy) : owner;
    }

    /// <summary>Whether a RUN's command may change who owns <paramref name="path"/>: it re-owns or makes files, or names the path.</summary>
    public static bool MayChange(string command, string path)
    {
        static bool IsNameCharacter(char c) => char.IsLetterOrDigit(c) || c is '_' or '-' or '.';
        if (FolderCommands.Any(c => StageFacts.MentionsWord(command, c, IsNameCharacter)))
        {
            return true;
        }

        var name = path.Substring(path.LastIndexOf('/') + 1);
        return path != "/" && (command.IndexOf(path, StringComparison.Ordinal) >= 0 || StageFacts.MentionsWord(command, name, IsNameCharacter));
    }
}
