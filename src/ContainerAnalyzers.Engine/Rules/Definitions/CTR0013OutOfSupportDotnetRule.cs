using System;
using System.Collections.Generic;
using System.Threading;
using ContainerAnalyzers.Images;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>CTR0013 (info): a stage runs on a .NET image whose version's end of support has passed (see <see cref="DotnetSupport"/>).</summary>
public sealed class CTR0013OutOfSupportDotnetRule : DockerfileRule
{
    public override RuleDescriptor Descriptor => RuleDescriptors.OutOfSupportDotnet;

    protected override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        foreach (var stage in analysis.Model.Stages)
        {
            if (stage.BaseImage is { } reference && stage.From.Image is { } token
                && DotnetImage.TryClassify(reference) is { IsDotnetFramework: false, Version: { } version }
                && DotnetSupport.EndedOn(version) is { } ended)
            {
                findings.Add(new RuleFinding(Descriptor, token.Span, new[] { reference.Original, version, DotnetSupport.Format(ended) }));
            }
        }
    }
}
