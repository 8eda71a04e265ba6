using System;
using System.Collections.Generic;
using System.Threading;
using ContainerAnalyzers.Images;
using ContainerAnalyzers.Rules.Shared;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0012: a FROM (or COPY --from) image from a repository Microsoft no longer updates: microsoft/dotnet,
/// microsoft/aspnetcore(-build) on Docker Hub, or mcr.microsoft.com/dotnet/core/*. The fix maps it to mcr.microsoft.com/dotnet/*.
/// </summary>
public sealed class CTR0012DeprecatedImageRepositoryRule : DockerfileRule
{
    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0012",
        "Deprecated .NET image repository",
        "'{0}' is a deprecated repository that no longer receives updates; {1}",
        RuleCategories.Image,
        RuleSeverity.Warning,
        "microsoft/dotnet, microsoft/aspnetcore, microsoft/aspnetcore-build and mcr.microsoft.com/dotnet/core/* stopped receiving updates; the images moved to mcr.microsoft.com/dotnet/*.")
    {
        FixKind = RuleFixKind.EditByChoice,
    };

    public override RuleDescriptor Descriptor => Definition;

    protected internal override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        foreach (var stage in analysis.Model.Stages)
        {
            if (stage.BaseImage is not { } reference || stage.From.Image is not { } token
                || DotnetImage.TryClassify(reference) is not { IsLegacyRepository: true } image)
            {
                continue;
            }

            // Only an image that exists, is pinned and fits the app's version is suggested (issue 27: 2.2 was never
            // published under mcr.microsoft.com/dotnet, and a floating tag is what CTR0010 reports).
            if (SuggestedName(image, analysis) is not { } replacement)
            {
                var version = image.Version ?? analysis.TargetFramework?.Version;
                findings.Add(Report(token.Span, reference.Original, version is null
                    ? "move to an image of mcr.microsoft.com/dotnet pinned to the app's .NET version"
                    : $".NET {version} was never published under mcr.microsoft.com/dotnet; upgrade the app to a supported .NET version and use its image there"));
                continue;
            }

            var fix = ImageFixes.Replace(analysis.Model.Syntax, stage.From, replacement, $"Use {replacement}");
            findings.Add(Report(token.Span, reference.Original, $"use '{replacement}'").With(fixes: fix is null ? Array.Empty<RuleFix>() : new[] { fix }));
        }
    }

    /// <summary>The same image in the current repository: mcr.microsoft.com/dotnet/{sdk|aspnet|runtime|runtime-deps}:{version}.</summary>
    public static string CurrentName(DotnetImage image)
    {
        var repository = image.Kind switch
        {
            DotnetImageKind.Sdk => "sdk",
            DotnetImageKind.AspNet => "aspnet",
            DotnetImageKind.Runtime => "runtime",
            _ => "runtime-deps",
        };
        var tag = image.Version ?? "latest";
        if (image.Reference.Registry is not null && image.Reference.Tag is { } currentTag)
        {
            // mcr.microsoft.com/dotnet/core/aspnet:3.1-buster-slim keeps its tag; Docker Hub tags (2.1-aspnetcore-runtime) do not map.
            tag = currentTag;
        }

        return $"mcr.microsoft.com/dotnet/{repository}:{tag}";
    }

    // The current name when its version was published there; a floating tag takes the app's version when it is known.
    private static string? SuggestedName(DotnetImage image, DockerfileAnalysis analysis)
    {
        var major = image.Major;
        var minor = image.Minor ?? 0;
        if (major is null && analysis.TargetFramework is { Major: { } appMajor } framework)
        {
            major = appMajor;
            minor = framework.Minor ?? 0;
        }

        if (major is not { } known || !DotnetTags.HasOfficialImages(known, minor))
        {
            return null;
        }

        var name = CurrentName(image);
        return image.Version is null ? name.Substring(0, name.LastIndexOf(':') + 1) + known.ToString(System.Globalization.CultureInfo.InvariantCulture) + "." + minor.ToString(System.Globalization.CultureInfo.InvariantCulture) : name;
    }

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(SourceSpan span, string image, string advice)
        => new(Definition, span, new[] { image, advice });
}
