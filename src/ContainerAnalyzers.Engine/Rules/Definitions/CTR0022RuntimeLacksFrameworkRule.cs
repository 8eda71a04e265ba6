using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ContainerAnalyzers.Images;
using ContainerAnalyzers.Rules.CrossFile;

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
        "{0}",
        RuleCategories.Compatibility,
        RuleSeverity.Warning,
        "A web app needs the aspnet image, a framework-dependent app needs a runtime image; a self-contained or native AOT app carries its runtime and only needs runtime-deps.")
    {
        Inputs = RuleInputs.Dockerfile | RuleInputs.SdkContainerImage,
        Recommended = true,
    };

    public override RuleDescriptor Descriptor => Definition;

    protected internal override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        if (analysis.Model.FinalStage is not { } final
            || !AppBuild.BuildsThisApp(analysis)
            || AppBuild.IsSelfContained(analysis) is not { } selfContained)
        {
            return;
        }

        if (AppBuild.FinalGoogleDistroless(analysis) is { } google)
        {
            AnalyzeGoogleDistroless(analysis, final, google, selfContained, findings);
            return;
        }

        if (AppBuild.FinalImage(analysis) is not { IsDotnetFramework: false, IsLegacyRepository: false } image || image.Kind == DotnetImageKind.Sdk)
        {
            return;
        }

        var from = AppBuild.RootFrom(final);
        var span = from?.Image?.Span ?? final.From.Span;
        var name = image.Reference.Original;
        string? message = null;
        string? repository = null;
        RuleSeverity? severity = null;
        if (!selfContained && analysis.Project.IsWeb && image.Kind is DotnetImageKind.Runtime or DotnetImageKind.RuntimeDeps)
        {
            message = $"The web app needs ASP.NET Core, but the final image '{name}' is the {KindName(image.Kind)} image, which does not have it; use the aspnet image";
            repository = "aspnet";
        }
        else if (!selfContained && image.Kind == DotnetImageKind.RuntimeDeps)
        {
            message = $"The app is framework-dependent, but the final image '{name}' (runtime-deps) has no .NET runtime; use the runtime image, or publish self-contained";
            repository = "runtime";
        }
        else if (selfContained && image.Kind is DotnetImageKind.AspNet or DotnetImageKind.Runtime)
        {
            message = $"The app is published self-contained and carries its own runtime, so the .NET runtime in the final image '{name}' is never used; runtime-deps is enough and smaller";
            repository = "runtime-deps";
            severity = RuleSeverity.Info;
        }

        if (message is null)
        {
            return;
        }

        var current = image.Reference.Repository;
        var slash = current.LastIndexOf('/');
        var fix = ImageFixes.Replace(analysis.Model.Syntax, from, image.Reference.With(repository: current.Substring(0, slash + 1) + repository), $"Use the {repository} image");
        findings.Add(new RuleFinding(Descriptor, span, new[] { message })
        {
            SeverityOverride = severity,
            Fixes = fix is null ? Array.Empty<RuleFix>() : new[] { fix },
        });
    }

    // gcr.io/distroless images carry no .NET: only a self-contained or native AOT app can run there, and it needs
    // glibc (every flavour but static) and, unless native AOT, libstdc++ (cc).
    private void AnalyzeGoogleDistroless(DockerfileAnalysis analysis, Semantics.Stage final, GoogleDistrolessImage google, bool selfContained, List<RuleFinding> findings)
    {
        var aot = analysis.Project.PublishAot || analysis.Model.DotnetRunCommands.Any(c => c.Verb == "publish" && string.Equals(c.GetProperty("PublishAot"), "true", StringComparison.OrdinalIgnoreCase));
        var name = google.Reference.Original;
        string? message = null;
        if (!selfContained)
        {
            message = $"The app is framework-dependent, but '{name}' has no .NET runtime and no dotnet host, so it cannot start; publish self-contained or native AOT, or run on a .NET runtime image";
        }
        else if (google.Flavor == GoogleDistrolessFlavor.Static)
        {
            message = $"'{name}' has no C library, but a .NET {(aot ? "native AOT binary" : "self-contained app")} is dynamically linked against glibc; use gcr.io/distroless/cc";
        }
        else if (!aot && !google.HasLibStdCpp)
        {
            message = $"The self-contained .NET runtime needs libstdc++, which '{name}' does not have; use gcr.io/distroless/cc";
        }

        if (message is not null)
        {
            var from = AppBuild.RootFrom(final);
            findings.Add(new RuleFinding(Descriptor, from?.Image?.Span ?? final.From.Span, new[] { message }));
        }
    }

    private static string KindName(DotnetImageKind kind) => kind == DotnetImageKind.RuntimeDeps ? "runtime-deps" : "runtime";
}
