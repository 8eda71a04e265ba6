using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ContainerAnalyzers.Images;
using ContainerAnalyzers.Projects;
using ContainerAnalyzers.Rules.Shared;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0024: the final image has no ICU (chiseled or distroless without -extra, Alpine without icu-libs) or sets
/// DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=true, while the project does not declare InvariantGlobalization=true.
/// Reported on the image or on the ENV that turns invariant mode on.
/// </summary>
/// Without a sign in the sources that the app depends on cultures (CultureInfo, localization), the finding is
/// informational: Microsoft's own samples run culture-agnostic apps on images without ICU on purpose.
public sealed class CTR0024SilentInvariantGlobalizationRule : DockerfileRule
{
    /// <summary>Words whose presence in the sources shows the app relies on cultures.</summary>
    public static readonly IReadOnlyList<string> CultureEvidence = new[]
    {
        "CultureInfo", "RequestLocalization", "IStringLocalizer", "IViewLocalizer", "AddLocalization", "RegionInfo", "CompareInfo", "TextInfo",
    };

    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0024",
        "App silently runs in globalization-invariant mode",
        "{0}, but the project does not declare InvariantGlobalization: culture-sensitive formatting, comparison and casing behave differently than on a developer machine, and cultures other than the invariant one throw CultureNotFoundException or fall back silently",
        RuleCategories.Compatibility,
        RuleSeverity.Warning,
        "Images without ICU (chiseled and distroless images without -extra, Alpine without icu-libs) run .NET in globalization-invariant mode. Choose it in the project, or use an image with ICU.")
    {
        Inputs = RuleInputs.Dockerfile | RuleInputs.SdkContainerImage,
        Recommended = true,
        FixKind = RuleFixKind.Edit,
    };

    public override RuleDescriptor Descriptor => Definition;

    protected internal override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        if (analysis.Model.FinalStage is not { } final
            || analysis.Project.InvariantGlobalization == true
            || !analysis.BuildsThisApp
            || analysis.Project.TargetFrameworks.Count == 0)
        {
            return;
        }

        var tree = analysis.Model.Syntax;
        var invariant = StageFacts.Environment(final).LastOrDefault(p => p.Key.Value == "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT");
        if (invariant is not null)
        {
            if (analysis.Model.EnvironmentValue(invariant) is { } value && value is "true" or "1")
            {
                var declare = Declare(analysis);
                findings.Add(Report(invariant.Key.Span, "The final stage sets DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=" + value).With(severity: Severity(analysis), fixes: declare is null ? Array.Empty<RuleFix>() : new[] { declare }));
            }

            // An explicit false is a decision (and ICU had better be there); either way the ENV decides, not the image.
            return;
        }

        if (analysis.FinalGoogleDistroless is { } google)
        {
            var span = final.Root.From?.Image?.Span ?? final.From.Span;
            findings.Add(Report(span, $"The final image '{google.Reference.Original}' has no ICU (Google's distroless images have none)").With(severity: Severity(analysis), fixes: Declare(analysis) is { } declareInvariant ? new[] { declareInvariant } : Array.Empty<RuleFix>()));
            return;
        }

        if (analysis.FinalImage is not { } image || image.HasIcu != false || InstallsIcu(final))
        {
            return;
        }

        var from = final.Root.From;
        var variant = image.IsChiseled ? "a chiseled image without -extra" : image.IsDistroless ? "a distroless image without -extra" : "an Alpine image without icu-libs";
        var fixes = new List<RuleFix>();
        if ((image.IsChiseled || image.IsDistroless) && image.Major >= 8 && ExtraTag(image.Reference.Tag) is { } extraTag
            && ImageFixes.Replace(tree, from, image.Reference.With(tag: extraTag), "Use the -extra image, which has ICU") is { } extra)
        {
            fixes.Add(extra);
        }

        if (Declare(analysis) is { } declareInProject)
        {
            fixes.Add(declareInProject);
        }

        findings.Add(Report(from?.Image?.Span ?? final.From.Span, $"The final image '{image.Reference.Original}' has no ICU ({variant})").With(severity: Severity(analysis), fixes: fixes));
    }

    // Declaring invariant mode breaks an app that needs culture data (new CultureInfo("de-DE") throws
    // CultureNotFoundException): offered only when the code is known to need none (issue 28).
    private static RuleFix? Declare(DockerfileAnalysis analysis)
        => NeedsCultures(analysis) == false
            ? ProjectFileEdits.AddProperty(analysis.Project.ProjectText, "InvariantGlobalization", "true", "Declare InvariantGlobalization in the project")
            : null;

    // True when the code or the project shows culture-specific work, null when the code cannot be read.
    private static bool? NeedsCultures(DockerfileAnalysis analysis)
        => analysis.Project.ProjectText?.IndexOf("Localization", StringComparison.Ordinal) >= 0 || analysis.Source.SqlClientUse is not null ? true : analysis.Source.MentionsAny(CultureEvidence);

    private static RuleSeverity? Severity(DockerfileAnalysis analysis)
        => NeedsCultures(analysis) == true ? null : RuleSeverity.Info;

    private static bool InstallsIcu(Stage final)
        => final.Lineage.SelectMany(s => s.Instructions).Any(i => i.Kind == InstructionKind.Run && i.LogicalLine.IndexOf("icu", StringComparison.OrdinalIgnoreCase) >= 0);

    private static string? ExtraTag(string? tag) => ChiseledTags.WithExtra(tag);

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(SourceSpan span, string whyInvariant)
        => new(Definition, span, new[] { whyInvariant });
}
