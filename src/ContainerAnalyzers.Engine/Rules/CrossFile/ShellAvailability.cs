using System.Linq;
using ContainerAnalyzers.Images;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;

namespace ContainerAnalyzers.Rules.CrossFile;

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

    /// <summary>A SHELL instruction in the lineage names another shell: the author provided one (we cannot check it exists).</summary>
    public static bool DeclaresShell(Stage stage) => stage.Lineage.SelectMany(s => s.Instructions).Any(i => i.Kind == InstructionKind.Shell);
}
