using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ContainerAnalyzers.Images;
using ContainerAnalyzers.Rules.Shared;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0025: the runtime identifier the app is published for (a literal <c>-r</c>, or the project's
/// RuntimeIdentifier when the publish does not override it) contradicts the final image: musl vs glibc, or an
/// architecture other than the one the final FROM's <c>--platform</c> or the tag's architecture suffix names.
/// </summary>
public sealed class CTR0025RuntimeIdentifierMismatchRule : DockerfileRule
{
    private static readonly Dictionary<string, string> DockerArchitectures = new(StringComparer.OrdinalIgnoreCase)
    {
        ["x64"] = "amd64", ["arm64"] = "arm64", ["arm"] = "arm", ["x86"] = "386",
    };

    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0025",
        "RuntimeIdentifier does not match the image",
        "The app is published for '{0}', but the final image '{1}' is {2}",
        RuleCategories.Compatibility,
        RuleSeverity.Warning,
        "A musl (linux-musl-*) build needs an Alpine image and a glibc build a glibc image; an architecture-specific build needs an image of that architecture.");

    public override RuleDescriptor Descriptor => Definition;

    protected internal override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        if (analysis.Model.FinalStage is not { } final
            || !analysis.BuildsThisApp
            || RuntimeIdentifier(analysis) is not { } rid
            || !rid.StartsWith("linux-", StringComparison.OrdinalIgnoreCase)
            || final.RootImage is not { } reference)
        {
            return;
        }

        var from = final.Root.From;
        var span = from?.Image?.Span ?? final.From.Span;
        var musl = rid.StartsWith("linux-musl-", StringComparison.OrdinalIgnoreCase);
        var alpine = IsAlpine(reference);
        if (alpine is { } isAlpine && musl != isAlpine)
        {
            findings.Add(Report(span, rid, reference.Original, isAlpine ? "an Alpine (musl) image: publish for linux-musl-*" : "a glibc image: publish for linux-* without musl, or use an Alpine image"));
            return;
        }

        var architecture = rid.Substring(rid.LastIndexOf('-') + 1);
        if (!DockerArchitectures.TryGetValue(architecture, out var dockerArchitecture))
        {
            return;
        }

        var platform = final.Lineage.Select(s => s.From.Platform?.Value).FirstOrDefault(p => p is not null);
        var imageArchitecture = platform is not null && platform.IndexOf('$') < 0 && platform.Split('/') is { Length: >= 2 } parts ? parts[1]
            : TagArchitecture(reference.Tag);
        if (imageArchitecture is not null && !string.Equals(imageArchitecture, dockerArchitecture, StringComparison.OrdinalIgnoreCase))
        {
            findings.Add(Report(span, rid, reference.Original, $"for linux/{imageArchitecture}"));
        }
    }

    /// <summary>The RID the publish produces, when it is a literal: <c>-r</c> wins; <c>-a</c> or <c>--os</c> make it depend on the SDK image.</summary>
    private static string? RuntimeIdentifier(DockerfileAnalysis analysis)
    {
        var publish = analysis.Model.DotnetRunCommands.LastOrDefault(c => c.Verb == "publish");
        if (publish?.GetOption("-r", "--runtime") is { } rid)
        {
            return rid.IndexOf('$') >= 0 ? null : rid;
        }

        if (publish is not null && (publish.GetOption("-a", "--arch") is not null || publish.GetOption("--os") is not null || publish.GetProperty("RuntimeIdentifier") is not null))
        {
            return null;
        }

        return analysis.Project.RuntimeIdentifier;
    }

    private static bool? IsAlpine(ImageReference reference)
    {
        if (DotnetImage.TryClassify(reference) is { } image)
        {
            return image.OsFamily switch
            {
                ImageOsFamily.Alpine => true,
                ImageOsFamily.Debian or ImageOsFamily.Ubuntu or ImageOsFamily.AzureLinux or ImageOsFamily.CblMariner => false,
                ImageOsFamily.Unknown when image.Major >= 5 => false,
                _ => null,
            };
        }

        if (GoogleDistrolessImage.TryClassify(reference) is not null)
        {
            return false;
        }

        var repository = reference.Registry is null ? reference.Repository.ToLowerInvariant().Replace("library/", string.Empty) : null;
        return repository switch
        {
            "alpine" => true,
            "debian" or "ubuntu" => false,
            _ => null,
        };
    }

    private static string? TagArchitecture(string? tag) => ChiseledTags.Architecture(tag);

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(SourceSpan span, string runtimeIdentifier, string image, string mismatch)
        => new(Definition, span, new[] { runtimeIdentifier, image, mismatch });
}
