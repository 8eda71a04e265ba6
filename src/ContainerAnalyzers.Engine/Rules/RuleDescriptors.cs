namespace ContainerAnalyzers.Rules;

/// <summary>The descriptors of all rules. Titles and messages name the image and the stage.</summary>
public static class RuleDescriptors
{
    public static readonly RuleDescriptor NoBuilderStage = new(
        RuleIds.NoBuilderStage,
        "Dockerfile has no builder stage",
        "The final stage '{0}' also runs '{1}', so the image that runs the app carries the SDK, the sources and the build output of every intermediate step; build in a separate stage and copy only the publish output",
        RuleCategories.Build,
        RuleSeverity.Warning,
        "The image that runs the app is also the one that restores, builds or publishes it. A multi-stage build keeps the SDK and sources out of the shipped image.");

    public static readonly RuleDescriptor FinalStageOnSdkImage = new(
        RuleIds.FinalStageOnSdkImage,
        "Final stage runs on a .NET SDK image",
        "The final stage '{0}' runs on the .NET SDK image '{1}'{2}; run the app on a runtime image (aspnet, runtime or runtime-deps), preferably a chiseled one",
        RuleCategories.Image,
        RuleSeverity.Warning,
        "The SDK image is several times larger than a runtime image and ships compilers, NuGet and a shell into production.");

    public static readonly RuleDescriptor ProjectHasNoDockerfile = new(
        RuleIds.ProjectHasNoDockerfile,
        "Project has no Dockerfile",
        "The executable project '{0}' has no Dockerfile next to it; add a multi-stage Dockerfile with a distroless final stage, or publish with the SDK's container support",
        RuleCategories.Project,
        RuleSeverity.Info,
        "An executable project without a Dockerfile or SDK container settings cannot be containerized as it is.");

    public static readonly RuleDescriptor DockerfileFixAvailable = new(
        RuleIds.DockerfileFixAvailable,
        "Dockerfile fix available from code",
        "The Dockerfile of '{0}' can be fixed ({1}): rewrite it as a distroless multi-stage build",
        RuleCategories.Project,
        RuleSeverity.Hidden,
        "A hidden diagnostic on the program's entry point that mirrors the fixable Dockerfile diagnostics, so editors that show no light bulb in a Dockerfile offer the fixes from C# code.");

    public static readonly RuleDescriptor DotnetRunInContainer = new(
        RuleIds.DotnetRunInContainer,
        "Container starts the app with 'dotnet run' or 'dotnet watch'",
        "The container starts the app with '{0}': it compiles the app on every start, needs the SDK at run time and runs a Debug build; publish it in a builder stage and start the published app",
        RuleCategories.Runtime,
        RuleSeverity.Warning,
        "'dotnet run' and 'dotnet watch' are development commands: every container start restores and builds the sources, which needs the SDK image, is slow, and runs the Debug configuration.");

    public static readonly RuleDescriptor RuntimeVersionMismatch = new(
        RuleIds.RuntimeVersionMismatch,
        "Runtime image version does not match TargetFramework",
        "The final image '{0}' has .NET {1}, but the project targets {2}; use the .NET {3} image",
        RuleCategories.Compatibility,
        RuleSeverity.Warning,
        "A framework-dependent app needs the runtime of its TargetFramework's major version: an older runtime cannot run it, and a newer major version is not used unless RollForward allows it.");

    public static readonly RuleDescriptor SdkOlderThanTargetFramework = new(
        RuleIds.SdkOlderThanTargetFramework,
        "SDK image is older than the TargetFramework",
        "The stage '{0}' builds with the .NET {1} SDK image '{2}', which cannot build {3} (NETSDK1045); use the .NET {4} SDK image",
        RuleCategories.Compatibility,
        RuleSeverity.Warning,
        "An SDK only builds target frameworks up to its own version; the build fails with NETSDK1045.");

    public static readonly RuleDescriptor RuntimeLacksFramework = new(
        RuleIds.RuntimeLacksFramework,
        "Runtime image does not carry the framework the app needs",
        "{0}",
        RuleCategories.Compatibility,
        RuleSeverity.Warning,
        "A web app needs the aspnet image, a framework-dependent app needs a runtime image; a self-contained or native AOT app carries its runtime and only needs runtime-deps.");

    public static readonly RuleDescriptor EntrypointNotThisAssembly = new(
        RuleIds.EntrypointNotThisAssembly,
        "ENTRYPOINT/CMD does not start this project's assembly",
        "The container starts '{0}', but the project builds '{1}'{2}",
        RuleCategories.Runtime,
        RuleSeverity.Warning,
        "The file the container starts must be the one the publish output contains: the project's AssemblyName (by default the project file name), in the folder the output was copied to.");

    public static readonly RuleDescriptor SilentInvariantGlobalization = new(
        RuleIds.SilentInvariantGlobalization,
        "App silently runs in globalization-invariant mode",
        "{0}, but the project does not declare InvariantGlobalization: culture-sensitive formatting, comparison and casing behave differently than on a developer machine, and cultures other than the invariant one throw CultureNotFoundException or fall back silently",
        RuleCategories.Compatibility,
        RuleSeverity.Warning,
        "Images without ICU (chiseled and distroless images without -extra, Alpine without icu-libs) run .NET in globalization-invariant mode. Choose it in the project, or use an image with ICU.");

    public static readonly RuleDescriptor RuntimeIdentifierMismatch = new(
        RuleIds.RuntimeIdentifierMismatch,
        "RuntimeIdentifier does not match the image",
        "The app is published for '{0}', but the final image '{1}' is {2}",
        RuleCategories.Compatibility,
        RuleSeverity.Warning,
        "A musl (linux-musl-*) build needs an Alpine image and a glibc build a glibc image; an architecture-specific build needs an image of that architecture.");

    public static readonly RuleDescriptor ExposedPortNotListening = new(
        RuleIds.ExposedPortNotListening,
        "Exposed port is not where the app listens",
        "EXPOSE {0}, but on the .NET {1} image the app listens on port {2} unless ASPNETCORE_HTTP_PORTS or ASPNETCORE_URLS says otherwise",
        RuleCategories.Runtime,
        RuleSeverity.Info,
        ".NET 8 and later images listen on 8080 (ASPNETCORE_HTTP_PORTS); earlier ones on 80. EXPOSE documents the port; a wrong one misleads 'docker run -P' and orchestrators.");

    public static readonly RuleDescriptor BuildsAnotherProject = new(
        RuleIds.BuildsAnotherProject,
        "Dockerfile builds another project",
        "The Dockerfile builds '{0}', not this project '{1}'",
        RuleCategories.Project,
        RuleSeverity.Info,
        "The Dockerfile next to this project names only other projects: typically a Dockerfile copied from another project and not adapted.");

    public static readonly RuleDescriptor SyntaxError = new(
        RuleIds.SyntaxError,
        "Dockerfile syntax error",
        "{0}",
        RuleCategories.Syntax,
        RuleSeverity.Warning,
        "BuildKit rejects this Dockerfile. The other rules still analyze what could be parsed.");

    public static RuleDescriptor[] All { get; } = 
    {
        NoBuilderStage, FinalStageOnSdkImage, ProjectHasNoDockerfile, DotnetRunInContainer, DockerfileFixAvailable,
        RuntimeVersionMismatch, SdkOlderThanTargetFramework, RuntimeLacksFramework, EntrypointNotThisAssembly,
        SilentInvariantGlobalization, RuntimeIdentifierMismatch, ExposedPortNotListening, BuildsAnotherProject, SyntaxError,
    };
}

public static class RuleCategories
{
    public const string Build = "Container.Build";
    public const string Image = "Container.Image";
    public const string Project = "Container.Project";
    public const string Syntax = "Container.Syntax";
    public const string Compatibility = "Container.Compatibility";
    public const string Runtime = "Container.Runtime";
}
