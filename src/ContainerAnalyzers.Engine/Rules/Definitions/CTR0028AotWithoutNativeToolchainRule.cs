using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using ContainerAnalyzers.Images;
using ContainerAnalyzers.Rules.Shared;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0028: a stage publishes the project as native AOT (PublishAot in the project, or <c>-p:PublishAot=true</c>)
/// on a .NET SDK image that has no native toolchain: the plain SDK images carry no clang or zlib, so the publish
/// fails with "Platform linker ('clang' or 'gcc') not found". Silent when the stage or its parents install a
/// compiler, and for the <c>-aot</c> SDK images. Reported on the stage's image.
/// </summary>
/// <remarks>Found by building fixed Dockerfiles for real (tests/…/Containers): a kept builder on sdk:10.0 failed there.</remarks>
public sealed class CTR0028AotWithoutNativeToolchainRule : DockerfileRule
{
    // A RUN that installs a C toolchain: the packages dotnet-docker and the native AOT docs name, on any distro.

    // The official -aot SDK images exist from .NET 10 for these OS tags (before, only as nightly builds).

    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0028",
        "Native AOT publish on an SDK image without the native toolchain",
        "The stage '{0}' publishes the app as native AOT on '{1}', which has no clang or zlib: the publish fails with \"Platform linker not found\"; {2}",
        RuleCategories.Compatibility,
        RuleSeverity.Warning,
        "Native AOT links the app with clang against zlib. The .NET SDK images do not carry them; the -aot SDK images (.NET 10+) do, and older ones need them installed in the stage.")
    {
        FixKind = RuleFixKind.Edit,
    };

    public override RuleDescriptor Descriptor => Definition;

    protected internal override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        if (analysis.OtherProjects.Count > 0)
        {
            return;
        }

        var reported = new HashSet<Stage>();
        foreach (var stage in analysis.Model.Stages)
        {
            var publishes = analysis.Model.DotnetCommandsIn(stage, "publish");
            if (publishes.Count == 0 || !publishes.Any(c => PublishesAot(c, analysis.Project.PublishAot)))
            {
                continue;
            }

            var root = stage.Root;
            if (reported.Contains(root) || root.BaseImage is not { } reference
                || DotnetImage.TryClassify(reference) is not { Kind: DotnetImageKind.Sdk, IsDotnetFramework: false, IsWindows: false, IsAot: false } image
                || stage.Lineage.SelectMany(s => s.Instructions).Any(i => i.Kind == InstructionKind.Run && Patterns.InstallsToolchain.IsMatch(i.LogicalLine)))
            {
                continue;
            }

            reported.Add(root);
            var fix = Fix(analysis.Model.Syntax, root.From, image);
            var advice = fix is null ? "install clang and zlib in the stage" : fix.Title.Substring(0, 1).ToLowerInvariant() + fix.Title.Substring(1);
            findings.Add(Report(root.From.Image?.Span ?? root.From.Span, stage.DisplayName, reference.Original, advice).With(fixes: fix is null ? Array.Empty<RuleFix>() : new[] { fix }));
        }
    }

    private static bool PublishesAot(DotnetCommandLine publish, bool projectPublishesAot)
        => publish.GetProperty("PublishAot") is { } value ? string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) : projectPublishesAot;

    /// <summary>From .NET 10 the -aot SDK image of the same OS; before, install the toolchain right after the FROM.</summary>
    private static RuleFix? Fix(DockerfileSyntaxTree tree, FromInstructionSyntax? from, DotnetImage image)
    {
        if (from is null || image.Reference.Digest is not null || image.Major is not { } major)
        {
            return null;
        }

        var tag = image.Reference.Tag ?? string.Empty;
        if (major >= 10)
        {
            var match = Patterns.AotCapableTag.Match(tag);
            if (!match.Success)
            {
                return null;
            }

            var os = match.Groups["os"].Success && match.Groups["os"].Length > 0 ? match.Groups["os"].Value : "-noble";
            var aotTag = match.Groups["version"].Value + os + "-aot";
            return ImageFixes.Replace(tree, from, image.Reference.With(tag: aotTag), $"Use {image.Reference.Repository}:{aotTag}");
        }

        var install = image.OsFamily switch
        {
            ImageOsFamily.Debian or ImageOsFamily.Ubuntu or ImageOsFamily.Unknown => "RUN apt-get update && apt-get install -y --no-install-recommends clang zlib1g-dev && rm -rf /var/lib/apt/lists/*",
            ImageOsFamily.Alpine => "RUN apk add --no-cache clang build-base zlib-dev",
            _ => null,
        };
        if (install is null)
        {
            return null;
        }

        var newLine = NewLines.Of(tree.Text);
        return new RuleFix("Install clang and zlib in the stage", RuleFixTarget.Dockerfile, new SourceSpan(from.Span.End, 0), string.Empty, newLine + install);
    }

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(SourceSpan span, string stage, string image, string advice)
        => new(Definition, span, new[] { stage, image, advice });

    // Built on first use, not when the rule table reads Definition (which runs this class's static initialisers).
    private static class Patterns
    {
        public static readonly Regex InstallsToolchain = new(@"\b(clang|gcc|build-essential|build-base|llvm)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        public static readonly Regex AotCapableTag = new(@"^(?<version>\d+\.\d+(\.\d+)?)(?<os>-noble|-alpine(\d+\.\d+)?|-azurelinux\d+\.\d+)?$", RegexOptions.CultureInvariant);
    }
}
