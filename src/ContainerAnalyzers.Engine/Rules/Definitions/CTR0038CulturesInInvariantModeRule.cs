using System.Collections.Generic;
using System.Threading;
using ContainerAnalyzers.Rules.Shared;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0038: the project the Dockerfile publishes declares <c>InvariantGlobalization</c> (for the configuration it
/// publishes), and the code creates a named culture (<c>new CultureInfo("de-DE")</c>). From .NET 8, creating a culture
/// in invariant mode throws <c>CultureNotFoundException</c> (PredefinedCulturesOnly): the container fails where the
/// code runs. An image that turns invariant mode on by itself (chiseled without -extra, Alpine) is CTR0024's, which
/// is a warning when the code uses cultures.
/// </summary>
public sealed class CTR0038CulturesInInvariantModeRule : DockerfileRule
{
    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0038",
        "The app creates cultures, but the project turns culture data off",
        "The app creates the culture '{0}' ({1}), but the project sets InvariantGlobalization, so from .NET 8 that throws CultureNotFoundException in the container; remove InvariantGlobalization and run on an image with ICU ({2})",
        RuleCategories.Runtime,
        RuleSeverity.Warning,
        "In globalization-invariant mode, .NET 8 and later throw CultureNotFoundException when the code creates any culture but the invariant one.")
    {
        Inputs = RuleInputs.Dockerfile | RuleInputs.ProjectFile | RuleInputs.Code,
    };

    public override RuleDescriptor Descriptor => Definition;

    protected internal override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        if (analysis.Project.InvariantGlobalization != true
            || analysis.Model.FinalStage is not { } final || FinalStageFacts.IsSdkJob(analysis.Model, final, analysis.Project)
            || analysis.TargetFramework is not { Major: >= 8 }
            || analysis.Source.CultureCreations is not { Count: > 0 } cultures)
        {
            return;
        }

        var (name, where) = MessageText.FirstOf(cultures);
        var image = analysis.FinalImage;
        var advice = image is { IsChiseled: true, IsExtra: false } ? "the chiseled image's -extra variant has it"
            : image?.HasIcu == false ? "this image has none"
            : "the image has it";
        var span = final.Root.From?.Image?.Span ?? final.From.Span;
        findings.Add(Report(span, name, where, advice));
    }

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(SourceSpan span, string culture, string where, string advice)
        => new(Definition, span, new[] { culture, where, advice });
}
