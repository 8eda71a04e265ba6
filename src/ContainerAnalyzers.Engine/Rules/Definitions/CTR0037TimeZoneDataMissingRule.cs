using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ContainerAnalyzers.Images;
using ContainerAnalyzers.Rules.Shared;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0037: the app's code looks up a time zone by id (<c>TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")</c>,
/// TimeZoneConverter, Quartz's <c>TimeZoneUtil</c>, NodaTime's BCL provider), and
/// the final image has no time-zone database: a chiseled image without <c>-extra</c>, or Alpine without <c>tzdata</c>.
/// The lookup throws <c>TimeZoneNotFoundException</c> at run time (dotnet-docker#4201). Reported at the final FROM.
/// Only when the code's lookups are known (the compilation) and the image's facts are; a RUN or COPY of the final
/// stage's lineage that names tzdata or zoneinfo counts as adding the database.
/// </summary>
public sealed class CTR0037TimeZoneDataMissingRule : DockerfileRule
{
    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0037",
        "The app looks up time zones the image has no data for",
        "The app looks up the time zone '{0}' ({1}), but the final image '{2}' has no time-zone database, so {3}; {4}",
        RuleCategories.Runtime,
        RuleSeverity.Warning,
        "TimeZoneInfo.FindSystemTimeZoneById and the libraries built on it read the OS's time-zone database, which chiseled images have only in their -extra variants and Alpine only with the tzdata package.")
    {
        Inputs = RuleInputs.Dockerfile | RuleInputs.Code,
        FixKind = RuleFixKind.Edit,
    };

    public override RuleDescriptor Descriptor => Definition;

    protected internal override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        if (analysis.Model.FinalStage is not { } final || analysis.FinalStageIsSdkJob
            || analysis.FinalImage is not { HasTimeZoneData: false } image
            || final.Root.From?.Image is not { } written
            || AddsTimeZoneData(final))
        {
            return;
        }

        // TimeZoneInfo's lookups first; NodaTime's BCL provider reads the same database and fails its own way.
        var (lookups, failure) = analysis.Source.TimeZoneLookups is { Count: > 0 } system ? (system, "the lookup throws TimeZoneNotFoundException")
            : analysis.Source.NodaTimeBclLookups is { Count: > 0 } noda ? (noda, "NodaTime's BCL provider does not have it (DateTimeZoneNotFoundException, or null from GetZoneOrNull)")
            : (null, string.Empty);
        if (lookups is null)
        {
            return;
        }

        var (id, what) = MessageText.FirstOf(lookups);
        // The -extra variants exist from .NET 8 (CTR0024 offers the same image for ICU).
        if (image.IsChiseled && image.Major >= 8 && ChiseledTags.WithExtra(image.Reference.Tag) is { } extraTag && image.Reference.Digest is null
            && written.Value == image.Reference.Original
            && ImageFixes.Replace(analysis.Model.Syntax, final.Root.From, image.Reference.With(tag: extraTag), "Use the -extra image, which has the time-zone database") is { } extra)
        {
            findings.Add(Report(written.Span, id, what, image.Reference.Original, failure, $"use '{extra.NewText}', which has it").With(fixes: new[] { extra }));
            return;
        }

        if (image.OsFamily == ImageOsFamily.Alpine)
        {
            findings.Add(Report(written.Span, id, what, image.Reference.Original, failure, "install it in the final stage: RUN apk add --no-cache tzdata")
                .With(fixes: InstallTzdata(analysis.Model.Syntax, final) is { } install ? new[] { install } : Array.Empty<RuleFix>()));
            return;
        }

        findings.Add(Report(written.Span, id, what, image.Reference.Original, failure, "use an image that has it"));
    }

    // RUN apk add --no-cache tzdata right after the final stage's FROM, where the stage still runs as the image's root
    // (the .NET Alpine images have a shell and apk); not when a stage it builds on has switched USER.
    private static RuleFix? InstallTzdata(DockerfileSyntaxTree tree, Stage final)
        => final.Lineage.Skip(1).SelectMany(s => s.Instructions).Any(i => i.Kind == InstructionKind.User)
            ? null
            : new RuleFix("Install tzdata in the final stage", RuleFixTarget.Dockerfile, new SourceSpan(final.From.Span.End, 0), string.Empty, NewLines.Of(tree.Text) + "RUN apk add --no-cache tzdata");

    // RUN apk add tzdata, apt-get install tzdata, COPY --from=… /usr/share/zoneinfo: the stage brings the database itself.
    private static bool AddsTimeZoneData(Stage final)
        => final.Lineage.SelectMany(s => s.Instructions).Any(i => i.Kind is InstructionKind.Run or InstructionKind.Copy or InstructionKind.Add
            && (i.LogicalLine.IndexOf("tzdata", StringComparison.Ordinal) >= 0 || i.LogicalLine.IndexOf("zoneinfo", StringComparison.Ordinal) >= 0));

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(SourceSpan span, string id, string where, string image, string failure, string advice)
        => new(Definition, span, new[] { id, where, image, failure, advice });
}
