using System.Collections.Generic;
using System.Threading;
using ContainerAnalyzers.Rules.Shared;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0038: the project the Dockerfile publishes declares <c>InvariantGlobalization</c> (for the configuration it
/// publishes), and the app needs culture data: the code creates a named culture (<c>new CultureInfo("de-DE")</c>),
/// which from .NET 8 throws <c>CultureNotFoundException</c> (PredefinedCulturesOnly), or it opens SQL Server
/// connections with Microsoft.Data.SqlClient 2.0 or later, which refuses invariant mode when a connection opens
/// (dotnet/SqlClient#220, #2206). The container fails where the code runs. An image that turns invariant mode on by
/// itself (chiseled without -extra, Alpine) is CTR0024's, which is a warning when the code uses cultures.
/// </summary>
public sealed class CTR0038CulturesInInvariantModeRule : DockerfileRule
{
    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0038",
        "The app needs culture data, but the project turns it off",
        "{0}, but the project sets InvariantGlobalization, so {1} in the container; remove InvariantGlobalization and run on an image with ICU ({2})",
        RuleCategories.Runtime,
        RuleSeverity.Warning,
        "In globalization-invariant mode, .NET 8 and later throw CultureNotFoundException when the code creates any culture but the invariant one, and Microsoft.Data.SqlClient refuses to open a connection.")
    {
        Inputs = RuleInputs.Dockerfile | RuleInputs.ProjectFile | RuleInputs.Code,
    };

    public override RuleDescriptor Descriptor => Definition;

    protected internal override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        if (analysis.Project.InvariantGlobalization != true
            || analysis.Model.FinalStage is not { } final || analysis.FinalStageIsSdkJob)
        {
            return;
        }

        string need, failure;
        if (analysis.TargetFramework is { Major: >= 8 } && analysis.Source.CultureCreations is { Count: > 0 } cultures)
        {
            var (name, where) = MessageText.FirstOf(cultures);
            need = $"The app creates the culture '{name}' ({where})";
            failure = "from .NET 8 that throws CultureNotFoundException";
        }
        else if (analysis.Source.SqlClientUse is { } sqlClient)
        {
            need = $"The app opens SQL Server connections with {sqlClient}";
            failure = "opening one throws (SqlClient does not support globalization-invariant mode)";
        }
        else
        {
            return;
        }

        var image = analysis.FinalImage;
        var advice = image is { IsChiseled: true, IsExtra: false } ? "the chiseled image's -extra variant has it"
            : image?.HasIcu == false ? "this image has none"
            : "the image has it";
        var span = final.Root.From?.Image?.Span ?? final.From.Span;
        findings.Add(Report(span, need, failure, advice));
    }

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(SourceSpan span, string need, string failure, string advice)
        => new(Definition, span, new[] { need, failure, advice });
}
