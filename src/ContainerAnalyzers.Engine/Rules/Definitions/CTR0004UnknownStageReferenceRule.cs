using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using ContainerAnalyzers.Images;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0004: a reference to a stage that cannot be one. <c>COPY --from</c>, <c>RUN --mount from=</c> and FROM name a
/// stage defined later, their own stage, or an index that is not an earlier stage; or <c>--from</c> names a
/// plain word that is no stage and looks like a misspelt one. A reference with a registry, a <c>/</c> or a tag is
/// an image, never a stage.
/// </summary>
public sealed class CTR0004UnknownStageReferenceRule : DockerfileRule
{
    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0004",
        "Unknown or invalid stage reference",
        "The stage reference '{0}' {1}",
        RuleCategories.Build,
        RuleSeverity.Warning,
        "COPY --from, RUN --mount from= and FROM can name only a stage defined before them, never their own stage; a name that is not a stage is pulled as an image instead.")
    {
        HadolintEquivalents = new[] { "DL3022", "DL3023" },
        BuildKitEquivalents = new[] { "UndefinedArgInFrom" },
    };

    public override RuleDescriptor Descriptor => Definition;

    protected internal override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        var model = analysis.Model;
        foreach (var stage in model.Stages)
        {
            if (stage.From.Image is { } image && stage.BaseStage is null && Check(model, stage, image.Value, isFrom: true) is { } fromProblem)
            {
                findings.Add(Report(image.Span, image.Value, fromProblem));
            }

            foreach (var dependency in stage.Dependencies)
            {
                if (dependency.Stage is null && Check(model, stage, dependency.Reference, isFrom: false) is { } problem)
                {
                    var span = dependency.Instruction.GetFlag("from")?.Span ?? dependency.Instruction.Span;
                    findings.Add(Report(span, dependency.Reference, problem));
                }
            }
        }
    }

    private static string? Check(DockerfileModel model, Stage stage, string reference, bool isFrom)
    {
        if (reference.IndexOf('$') >= 0 || LooksLikeImage(reference))
        {
            return null;
        }

        if (int.TryParse(reference, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return isFrom || index < stage.Index ? null : $"names stage {index}, but only stages 0 to {stage.Index - 1} come before it";
        }

        var named = model.Stages.FirstOrDefault(s => string.Equals(s.Name, reference, StringComparison.OrdinalIgnoreCase));
        if (named == stage)
        {
            return "is the stage's own name; a stage cannot build on or copy from itself";
        }

        if (named is not null && named.Index > stage.Index)
        {
            return $"is defined later, in stage {named.Index}; a stage can only use the stages before it";
        }

        if (!isFrom && named is null && model.Stages.Where(s => s.Index < stage.Index && s.Name is not null).FirstOrDefault(s => IsNear(s.Name!, reference)) is { } near)
        {
            return $"is not a stage (did you mean '{near.Name}'?); it would be pulled as an image";
        }

        // A plain lower-case word that no stage has and no official image is: in a file that names its stages, it is
        // a stage that was renamed or removed, and Docker would try to pull it from Docker Hub's library.
        if (!isFrom && named is null && IsPlainImageWord(reference) && !OfficialImages.Contains(reference) && model.Stages.Any(s => s.Name is not null))
        {
            return "names no stage of this Dockerfile and no official image, so Docker would try to pull it from Docker Hub (a renamed or removed stage? a named build context passed with --build-context is not seen here)";
        }

        return null;
    }

    // docker.io/library/nginx, nginx:1.27, ghcr.io/org/tool: a registry, a path or a tag make an image reference.
    private static bool IsPlainImageWord(string reference)
    {
        foreach (var c in reference)
        {
            if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_'))
            {
                return false;
            }
        }

        return reference.Length > 0 && char.IsLetter(reference[0]);
    }

    private static bool LooksLikeImage(string reference) => reference.IndexOfAny(new[] { '/', ':', '@', '.' }) >= 0;

    private static bool IsNear(string name, string reference)
    {
        var a = name.ToLowerInvariant();
        var b = reference.ToLowerInvariant();
        if (Math.Abs(a.Length - b.Length) > 2 || a == b)
        {
            return false;
        }

        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length] <= (a.Length <= 4 ? 1 : 2);
    }

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(SourceSpan span, string reference, string problem)
        => new(Definition, span, new[] { reference, problem });
}
