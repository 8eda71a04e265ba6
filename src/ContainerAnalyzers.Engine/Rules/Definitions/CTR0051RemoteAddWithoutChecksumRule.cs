using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>CTR0051: ADD of an http(s) URL without <c>--checksum</c>. Git repositories (<c>.git</c> URLs) are pinned by commit instead.</summary>
public sealed class CTR0051RemoteAddWithoutChecksumRule : DockerfileRule
{
    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0051",
        "ADD from a remote URL without --checksum",
        "ADD downloads '{0}' without --checksum, so the build trusts whatever the server returns",
        RuleCategories.Security,
        RuleSeverity.Warning,
        "A remote file can change or be tampered with; ADD --checksum=sha256:... makes the build fail instead of silently using different content.");

    public override RuleDescriptor Descriptor => Definition;

    protected internal override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        foreach (var add in analysis.Model.Syntax.Instructions.OfType<CopyInstructionSyntax>().Where(i => i.Kind == InstructionKind.Add && i.GetFlag("checksum") is null))
        {
            foreach (var source in add.Sources)
            {
                var url = source.Value;
                if ((url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
                    && !url.EndsWith(".git", StringComparison.OrdinalIgnoreCase) && url.IndexOf(".git#", StringComparison.OrdinalIgnoreCase) < 0)
                {
                    findings.Add(Report(source.Span, url));
                }
            }
        }
    }

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(SourceSpan span, string url)
        => new(Definition, span, new[] { url });
}
