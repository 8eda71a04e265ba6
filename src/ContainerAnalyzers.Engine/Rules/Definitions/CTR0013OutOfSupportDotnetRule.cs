using System;
using System.Collections.Generic;
using System.Threading;
using ContainerAnalyzers.Images;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>CTR0013 (info): a stage runs on a .NET image whose version's end of support has passed (see <see cref="DotnetSupport"/>).</summary>
public sealed class CTR0013OutOfSupportDotnetRule : DockerfileRule
{
    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0013",
        "Out-of-support .NET version",
        "The image '{0}' is .NET {1}, out of support since {2}: no more security fixes",
        RuleCategories.Image,
        RuleSeverity.Info,
        "Out-of-support .NET versions get no security updates. The end-of-support dates are compiled into the package, so the result does not depend on the day of the build.")
    {
        Recommended = true,
    };

    public override RuleDescriptor Descriptor => Definition;

    protected internal override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        foreach (var stage in analysis.Model.Stages)
        {
            if (stage.BaseImage is { } reference && stage.From.Image is { } token
                && DotnetImage.TryClassify(reference) is { IsDotnetFramework: false, Version: { } version }
                && DotnetSupport.EndedOn(version) is { } ended)
            {
                findings.Add(Report(token.Span, reference.Original, version, DotnetSupport.Format(ended)));
            }
        }
    }

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(SourceSpan span, string image, string version, string endOfSupport)
        => new(Definition, span, new[] { image, version, endOfSupport });
}
