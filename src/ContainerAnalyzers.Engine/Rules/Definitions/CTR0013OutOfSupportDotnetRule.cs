using System;
using System.Collections.Generic;
using System.Threading;
using ContainerAnalyzers.Images;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0013 (info): a stage runs on a .NET image whose version's end of support has passed (see <see cref="DotnetSupport"/>).
/// Reported once per version and file, at its first image, naming the other stages on it (issue 27: most files got it
/// twice, builder and runtime, for one version).
/// </summary>
public sealed class CTR0013OutOfSupportDotnetRule : DockerfileRule
{
    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0013",
        "Out-of-support .NET version",
        "The image '{0}' is .NET {1}, out of support since {2}: no more security fixes{3}",
        RuleCategories.Image,
        RuleSeverity.Info,
        "Out-of-support .NET versions get no security updates. The end-of-support dates are compiled into the package, so the result does not depend on the day of the build.")
    {
        Recommended = true,
    };

    public override RuleDescriptor Descriptor => Definition;

    protected internal override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        var byVersion = new Dictionary<string, OutOfSupportStage>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var stage in analysis.Model.Stages)
        {
            if (stage.BaseImage is { } reference && stage.From.Image is { } token
                && DotnetImage.TryClassify(reference) is { IsDotnetFramework: false, Version: { } version }
                && DotnetSupport.EndedOn(version) is { } ended)
            {
                if (byVersion.TryGetValue(version, out var first))
                {
                    first.Others.Add(stage.DisplayName);
                }
                else
                {
                    byVersion[version] = new OutOfSupportStage(token, reference.Original, ended);
                    order.Add(version);
                }
            }
        }

        foreach (var version in order)
        {
            var first = byVersion[version];
            var others = first.Others;
            var also = others.Count == 0 ? string.Empty : " (stage" + (others.Count > 1 ? "s " : " ") + MessageText.QuotedList(others) + " too)";
            findings.Add(Report(first.Token.Span, first.Image, version, DotnetSupport.Format(first.Ended), also));
        }
    }

    // The first stage on a version, and the names of the later ones. A class, not a tuple: a dictionary of a value type
    // runs framework code that is JIT-compiled in every fresh compiler process.
    private sealed record OutOfSupportStage(SyntaxToken Token, string Image, DateTimeOffset Ended)
    {
        public List<string> Others { get; } = new();
    }

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(SourceSpan span, string image, string version, string endOfSupport, string otherStages)
        => new(Definition, span, new[] { image, version, endOfSupport, otherStages });
}
