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
/// CTR0022: the final image's repository does not fit how the app is published. A framework-dependent web app
/// needs aspnet; a framework-dependent app needs at least runtime (runtime-deps has no .NET); a self-contained or
/// native AOT app needs only runtime-deps (informational: it runs, but the image is bigger than needed).
/// </summary>
public sealed class CTR0022RuntimeLacksFrameworkRule : DockerfileRule
{
    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0022",
        "Runtime image does not carry the framework the app needs",
        "The final image '{0}' {1}; {2}",
        RuleCategories.Compatibility,
        RuleSeverity.Warning,
        "A web app needs the aspnet image, a framework-dependent app needs a runtime image; a self-contained or native AOT app carries its runtime and only needs runtime-deps.")
    {
        Inputs = RuleInputs.Dockerfile | RuleInputs.SdkContainerImage,
        Recommended = true,
        FixKind = RuleFixKind.Edit,
    };

    public override RuleDescriptor Descriptor => Definition;

    protected internal override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        if (analysis.Model.FinalStage is not { } final
            || !analysis.BuildsThisApp
            || analysis.IsSelfContained is not { } selfContained)
        {
            return;
        }

        if (analysis.FinalGoogleDistroless is { } google)
        {
            AnalyzeGoogleDistroless(analysis, final, google, selfContained, findings);
            return;
        }

        if (analysis.FinalImage is not { IsDotnetFramework: false, IsLegacyRepository: false } image || image.Kind == DotnetImageKind.Sdk)
        {
            return;
        }

        var from = final.Root.From;
        var span = from?.Image?.Span ?? final.From.Span;
        var name = image.Reference.Original;
        string? problem = null;
        string? advice = null;
        string? repository = null;
        RuleSeverity? severity = null;
        if (!selfContained && analysis.Project.IsWeb && image.Kind is DotnetImageKind.Runtime or DotnetImageKind.RuntimeDeps)
        {
            problem = $"is the {KindName(image.Kind)} image, which does not have the ASP.NET Core the web app needs";
            advice = "use the aspnet image";
            repository = "aspnet";
        }
        else if (!selfContained && image.Kind == DotnetImageKind.RuntimeDeps)
        {
            problem = "(runtime-deps) has no .NET runtime, but the app is framework-dependent";
            advice = "use the runtime image, or publish self-contained";
            repository = "runtime";
        }
        else if (selfContained && image.Kind is DotnetImageKind.AspNet or DotnetImageKind.Runtime)
        {
            problem = "carries a .NET runtime that the self-contained app, which brings its own, never uses";
            advice = "runtime-deps is enough and smaller";
            repository = "runtime-deps";
            severity = RuleSeverity.Info;
        }

        if (problem is null || advice is null)
        {
            return;
        }

        var current = image.Reference.Repository;
        var slash = current.LastIndexOf('/');
        var fix = ImageFixes.Replace(analysis.Model.Syntax, from, image.Reference.With(repository: current.Substring(0, slash + 1) + repository), $"Use the {repository} image");
        findings.Add(Report(span, name, problem, advice).With(severity: severity, fixes: fix is null ? Array.Empty<RuleFix>() : new[] { fix }));
    }

    // gcr.io/distroless images carry no .NET: only a self-contained or native AOT app can run there, and it needs
    // glibc (every flavour but static) and, unless native AOT, libstdc++ (cc).
    private static void AnalyzeGoogleDistroless(DockerfileAnalysis analysis, Semantics.Stage final, GoogleDistrolessImage google, bool selfContained, List<RuleFinding> findings)
    {
        var aot = analysis.Project.PublishAot || analysis.Model.DotnetRunCommands.Any(c => c.Verb == "publish" && string.Equals(c.GetProperty("PublishAot"), "true", StringComparison.OrdinalIgnoreCase));
        string? problem = null;
        string? advice = null;
        if (!selfContained)
        {
            problem = "has no .NET runtime and no dotnet host, so the framework-dependent app cannot start";
            advice = "publish self-contained or native AOT, or run on a .NET runtime image";
        }
        else if (google.Flavor == GoogleDistrolessFlavor.Static)
        {
            problem = $"has no C library, but a .NET {(aot ? "native AOT binary" : "self-contained app")} is dynamically linked against glibc";
            advice = "use gcr.io/distroless/cc";
        }
        else if (!aot && !google.HasLibStdCpp)
        {
            problem = "does not have the libstdc++ that the self-contained .NET runtime needs";
            advice = "use gcr.io/distroless/cc";
        }

        if (problem is not null && advice is not null)
        {
            var from = final.Root.From;
            findings.Add(Report(from?.Image?.Span ?? final.From.Span, google.Reference.Original, problem, advice));
        }
    }

    private static string KindName(DotnetImageKind kind) => kind == DotnetImageKind.RuntimeDeps ? "runtime-deps" : "runtime";

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(SourceSpan span, string image, string problem, string advice)
        => new(Definition, span, new[] { image, problem, advice });
}
