using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ContainerAnalyzers.Syntax;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>CTR0051: ADD of an http(s) URL without <c>--checksum</c>. Git repositories (<c>.git</c> URLs) are pinned by commit instead.</summary>
public sealed class CTR0051RemoteAddWithoutChecksumRule : DockerfileRule
{
    public override RuleDescriptor Descriptor => RuleDescriptors.RemoteAddWithoutChecksum;

    protected override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        foreach (var add in analysis.Model.Syntax.Instructions.OfType<CopyInstructionSyntax>().Where(i => i.Kind == InstructionKind.Add && i.GetFlag("checksum") is null))
        {
            foreach (var source in add.Sources)
            {
                var url = source.Value;
                if ((url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
                    && !url.EndsWith(".git", StringComparison.OrdinalIgnoreCase) && url.IndexOf(".git#", StringComparison.OrdinalIgnoreCase) < 0)
                {
                    findings.Add(new RuleFinding(Descriptor, source.Span, new[] { url }));
                }
            }
        }
    }
}
