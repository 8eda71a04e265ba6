using System;
using System.Collections.Generic;
using System.Threading;
using ContainerAnalyzers.Rules.Shared;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0044: a COPY or ADD source the build cannot read. Either it leaves the build context (<c>../shared</c>), or the
/// .dockerignore that applies excludes it, itself or through a parent folder, with no <c>!</c> exception that could
/// bring it back (BuildKit's pattern rules; see <see cref="DockerIgnore"/>). The build then fails with "not found"
/// ("no items matching glob … filtered out using .dockerignore"). The .dockerignore is judged only when the context is
/// certain (<see cref="DockerfileAnalysis.ContextFolder"/>). Reported on the source.
/// </summary>
public sealed class CTR0044CopySourceNotInContextRule : DockerfileRule
{
    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0044",
        "COPY source is not in the build context",
        "The {0} source '{1}' {2}, so the image build fails: the source is not there to copy",
        RuleCategories.Build,
        RuleSeverity.Warning,
        "COPY and ADD read only the build context, after the .dockerignore removed what it excludes. A source above the context, or one the .dockerignore excludes, makes the build fail.");

    public override RuleDescriptor Descriptor => Definition;

    protected internal override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        var ignore = analysis.ApplyingIgnore;
        foreach (var (copy, source) in ContextSources.Copied(analysis.Model))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var value = source.Value;
            if (value.IndexOf('$') >= 0)
            {
                continue;
            }

            // BuildKit reads a leading '/' as the context's root.
            var path = PathText.Clean(value.Replace('\\', '/').TrimStart('/'));
            var instruction = copy.Kind == InstructionKind.Add ? "ADD" : "COPY";
            if (path == ".." || path.StartsWith("../", StringComparison.Ordinal))
            {
                findings.Add(Report(source.Span, instruction, value, "lies outside the build context, which the builder cannot read"));
                continue;
            }

            var checkedPath = DockerIgnore.JudgedPart(path);
            if (ignore is not { } applying || checkedPath is "." or "" || applying.Ignore.ExcludedBy(checkedPath) is not { } pattern || applying.Ignore.MayReinclude(checkedPath))
            {
                continue;
            }

            var ignoreName = applying.Path.Substring(applying.Path.Replace('\\', '/').LastIndexOf('/') + 1);
            findings.Add(Report(source.Span, instruction, value, $"is excluded by '{pattern.Text}' in {ignoreName} (line {pattern.Line})"));
        }
    }

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(SourceSpan span, string instruction, string source, string why)
        => new(Definition, span, new[] { instruction, source, why });
}
