using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ContainerAnalyzers.Syntax;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0042: the build context has no .dockerignore (as the host reports it) and the Dockerfile copies a folder of
/// it (<c>COPY . .</c>, <c>COPY src/ src/</c>), so host bin/ and obj/ folders go in. Reported on the first such COPY.
/// </summary>
public sealed class CTR0042NoDockerIgnoreRule : DockerfileRule
{
    public override RuleDescriptor Descriptor => RuleDescriptors.NoDockerIgnore;

    protected override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        if (analysis.HasDockerIgnore != false)
        {
            return;
        }

        var copy = analysis.Model.Stages.SelectMany(s => s.Instructions)
            .Where(i => i.Kind is InstructionKind.Copy or InstructionKind.Add && i.GetFlag("from") is null)
            .OfType<CopyInstructionSyntax>()
            .FirstOrDefault(c => c.Sources.Any(s => IsFolder(s.Value)));
        if (copy is not null)
        {
            findings.Add(new RuleFinding(Descriptor, copy.Span, Array.Empty<string>()));
        }
    }

    private static bool IsFolder(string source)
        => source is "." or "./" or "*" or "./*" || source.EndsWith("/", StringComparison.Ordinal) || source.EndsWith("/.", StringComparison.Ordinal)
            || (source.IndexOf('.', source.LastIndexOf('/') + 1) < 0 && source.IndexOf('*') < 0 && source.IndexOf('$') < 0 && !source.StartsWith("http", StringComparison.OrdinalIgnoreCase));
}
