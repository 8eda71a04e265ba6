using System;
using System.Collections.Generic;
using System.Threading;
using ContainerAnalyzers.Images;
using ContainerAnalyzers.Rules.Shared;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0035: the final stage of an app has no ENTRYPOINT and no CMD, in itself or the stages it builds on, and its
/// image is a .NET runtime image, which starts no app (the Debian and Ubuntu ones inherit their distribution's
/// <c>bash</c>, the chiseled and distroless ones start nothing). The container exits at once. The fix adds the exec-form
/// ENTRYPOINT the generator writes, when the publish output's folder in the image is certain.
/// </summary>
public sealed class CTR0035NoEntrypointRule : DockerfileRule
{
    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0035",
        "Final stage does not start the app",
        "The final stage '{0}' has no ENTRYPOINT or CMD, and the image '{1}' starts no app, so the container exits at once; add an exec-form ENTRYPOINT that starts {2}",
        RuleCategories.Runtime,
        RuleSeverity.Warning,
        "The .NET runtime images define no entry point. Without ENTRYPOINT or CMD the container runs the base distribution's default (bash, or nothing on chiseled and distroless images) and stops.")
    {
        FixKind = RuleFixKind.Edit,
    };

    public override RuleDescriptor Descriptor => Definition;

    protected internal override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        var model = analysis.Model;
        if (model.FinalStage is not { } final
            || !analysis.BuildsThisApp
            || analysis.FinalStageIsSdkJob
            || StageFacts.Last(final, InstructionKind.Entrypoint) is not null
            || StageFacts.Last(final, InstructionKind.Cmd) is not null
            || analysis.FinalImage is not { Kind: DotnetImageKind.AspNet or DotnetImageKind.Runtime or DotnetImageKind.RuntimeDeps, IsWindows: false } image
            || analysis.Project.AssemblyName is not { Length: > 0 } assembly)
        {
            return;
        }

        var from = final.Root.From;
        findings.Add(Report(from?.Image?.Span ?? final.From.Span, final.DisplayName, image.Reference.Original, assembly).With(fixes: AddEntrypoint(analysis, final, assembly)));
    }

    // ENTRYPOINT ["dotnet", "App.dll"] (or ["./App"] for a self-contained app), relative to the WORKDIR when the publish
    // output was copied there, else by its absolute path; no fix when where the output lands, or how it runs, is unsure.
    private static IReadOnlyList<RuleFix> AddEntrypoint(DockerfileAnalysis analysis, Stage final, string assembly)
    {
        var tree = analysis.Model.Syntax;
        if (StageFacts.PublishOutputIn(analysis.Model, final) is not { } output
            || analysis.IsSelfContained is not { } selfContained
            || StageFacts.WorkdirBefore(final, null) is not { } workdir)
        {
            return Array.Empty<RuleFix>();
        }

        var folder = string.Equals(output.TrimEnd('/'), workdir.TrimEnd('/'), StringComparison.Ordinal) ? string.Empty : output.TrimEnd('/') + "/";
        var words = selfContained || analysis.PublishedEntry is PublishedEntry.SingleFile or PublishedEntry.NativeAot
            ? new[] { (folder.Length == 0 ? "./" : folder) + assembly }
            : new[] { "dotnet", folder + assembly + ".dll" };
        var newLine = NewLines.Of(tree.Text);
        var end = tree.Text.Length;
        var separator = end > 0 && tree.Text[end - 1] != '\n' ? newLine : string.Empty;
        return new[] { new RuleFix("Add the ENTRYPOINT", RuleFixTarget.Dockerfile, new SourceSpan(end, 0), string.Empty, separator + "ENTRYPOINT " + ExecForm.Format(words) + newLine) };
    }

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(SourceSpan span, string stage, string image, string assembly)
        => new(Definition, span, new[] { stage, image, assembly });
}
