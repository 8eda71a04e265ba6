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

    public static readonly RuleDescriptor SyntaxError = new(
        RuleIds.SyntaxError,
        "Dockerfile syntax error",
        "{0}",
        RuleCategories.Syntax,
        RuleSeverity.Warning,
        "BuildKit rejects this Dockerfile. The other rules still analyze what could be parsed.");

    public static RuleDescriptor[] All { get; } = { NoBuilderStage, FinalStageOnSdkImage, ProjectHasNoDockerfile, DockerfileFixAvailable, SyntaxError };
}

public static class RuleCategories
{
    public const string Build = "Container.Build";
    public const string Image = "Container.Image";
    public const string Project = "Container.Project";
    public const string Syntax = "Container.Syntax";
}
