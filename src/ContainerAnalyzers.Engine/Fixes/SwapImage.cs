using System.Collections.Generic;
using System.Linq;
using ContainerAnalyzers.Images;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;

namespace ContainerAnalyzers.Fixes;

/// <summary>
/// The first fix for an app published on the host and copied into an SDK image (<see cref="DockerfileFixes.SwapImageTitle"/>):
/// the workflow is the user's ("publish, then build the image"), so only the image changes, to the runtime image the
/// project needs. Moving the build into the image is the second action, the full rewrite.
/// </summary>
internal static class SwapImage
{
    public static string? TryApply(DockerfileModel model, ContainerPlan plan)
    {
        var final = model.FinalStage!;
        if (final.BaseStage is not null || final.From.Image is not { } image || image.Value.IndexOf('$') >= 0
            || final.RootImage is not { } reference || DotnetImage.TryClassify(reference) is not { Kind: DotnetImageKind.Sdk }
            || !model.IsHostPublished(final))
        {
            return null;
        }

        // What runs in the stage decides whether the image needs a shell, and which package manager.
        var runs = final.Instructions.Where(i => i.Kind == InstructionKind.Run).ToArray();
        var needsShell = runs.Length > 0
            || final.Instructions.Any(i => i.Kind is InstructionKind.Cmd or InstructionKind.Entrypoint or InstructionKind.Shell && !i.IsJsonForm)
            || final.Instructions.Any(i => i is HealthcheckInstructionSyntax { IsNone: false, IsExecForm: false });
        var manager = runs.Select(r => DistroPackages.Read(r.LogicalLine)?.Manager ?? PackageManager.None).FirstOrDefault(m => m != PackageManager.None);
        var choice = plan.GetRuntimeImage(needsShell, manager, needsExtra: false);
        var edits = new List<TextEdit> { new(image.Span.Start, image.Span.Length, choice.Image) };

        // The chiseled and distroless runtime images start /usr/bin/dotnet themselves: a CMD ["dotnet", "App.dll"] that
        // worked on the SDK image would run "dotnet dotnet App.dll" there (CTR0036), so it becomes the ENTRYPOINT.
        var chosen = ImageReference.TryParse(choice.Image) is { } parsed ? DotnetImage.TryClassify(parsed) : null;

        // The SDK image ran the app as root; a non-root image would leave a database the app ships root's and read-only
        // to it (CTR0039). The rewrite copies the app as its user; the swap cannot.
        if (plan.ShipsADatabase && (chosen?.RunsAsNonRootByDefault ?? true))
        {
            return null;
        }

        if (RepeatedEntrypoint.Find(final, chosen) is { Entrypoint: null } repeated)
        {
            edits.Add(new TextEdit(repeated.Cmd.Keyword.Span.Start, repeated.Cmd.Keyword.Span.Length, "ENTRYPOINT"));
        }

        return TextEdit.Apply(model.Syntax.Text, edits);
    }
}
