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

    public static readonly RuleDescriptor AotWithoutNativeToolchain = new(
        RuleIds.AotWithoutNativeToolchain,
        "Native AOT publish on an SDK image without the native toolchain",
        "The stage '{0}' publishes the app as native AOT on '{1}', which has no clang or zlib: the publish fails with \"Platform linker not found\"; {2}",
        RuleCategories.Compatibility,
        RuleSeverity.Warning,
        "Native AOT links the app with clang against zlib. The .NET SDK images do not carry them; the -aot SDK images (.NET 10+) do, and older ones need them installed in the stage.");

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

    public static readonly RuleDescriptor UnknownStageReference = new(
        RuleIds.UnknownStageReference,
        "Unknown or invalid stage reference",
        "{0}",
        RuleCategories.Build,
        RuleSeverity.Warning,
        "COPY --from, RUN --mount from= and FROM can name only a stage defined before them, never their own stage; a name that is not a stage is pulled as an image instead.");

    public static readonly RuleDescriptor DuplicateStageName = new(
        RuleIds.DuplicateStageName,
        "Duplicate stage name",
        "The stage name '{0}' is already used by stage {1} (stage names are case-insensitive)",
        RuleCategories.Build,
        RuleSeverity.Warning,
        "Docker rejects a Dockerfile whose stages share a name, whatever the case.");

    public static readonly RuleDescriptor FinalStageHasNoBuildOutput = new(
        RuleIds.FinalStageHasNoBuildOutput,
        "The final stage never receives the build output",
        "The final stage '{0}' neither builds the app nor copies anything from the earlier stages, so the image runs without their output",
        RuleCategories.Build,
        RuleSeverity.Warning,
        "In a multi-stage build the final stage must build on an earlier stage or COPY --from it; otherwise the builder's work is thrown away and the image has no app.");

    public static readonly RuleDescriptor BaseImageNotPinned = new(
        RuleIds.BaseImageNotPinned,
        "Base image is not pinned",
        "The image '{0}' has {1}, so every build may get a different image; pin a tag{2}",
        RuleCategories.Image,
        RuleSeverity.Warning,
        "An image without a tag, or with 'latest', changes under the build: reproducibility and rollbacks are lost. A version tag or a digest pins it.");

    public static readonly RuleDescriptor FinalImageNotDistroless = new(
        RuleIds.FinalImageNotDistroless,
        "Final image is not distroless",
        "The final image '{0}' is a full OS image; '{1}' has no shell or package manager and is smaller",
        RuleCategories.Image,
        RuleSeverity.Info,
        "Chiseled (Ubuntu) and distroless (Azure Linux) .NET images carry only what the app needs: a smaller image, fewer CVEs to patch, and a non-root user by default.");

    public static readonly RuleDescriptor DeprecatedImageRepository = new(
        RuleIds.DeprecatedImageRepository,
        "Deprecated .NET image repository",
        "'{0}' is a deprecated repository that no longer receives updates; use '{1}'",
        RuleCategories.Image,
        RuleSeverity.Warning,
        "microsoft/dotnet, microsoft/aspnetcore, microsoft/aspnetcore-build and mcr.microsoft.com/dotnet/core/* stopped receiving updates; the images moved to mcr.microsoft.com/dotnet/*.");

    public static readonly RuleDescriptor OutOfSupportDotnet = new(
        RuleIds.OutOfSupportDotnet,
        "Out-of-support .NET version",
        "The image '{0}' is .NET {1}, out of support since {2}: no more security fixes",
        RuleCategories.Image,
        RuleSeverity.Info,
        "Out-of-support .NET versions get no security updates. The end-of-support dates are compiled into the package, so the result does not depend on the day of the build.");

    public static readonly RuleDescriptor InvalidImageReference = new(
        RuleIds.InvalidImageReference,
        "Invalid image reference",
        "'{0}' is not a valid image reference: {1}",
        RuleCategories.Image,
        RuleSeverity.Warning,
        "Docker rejects references with upper-case repository names, an empty tag, an invalid tag or a malformed digest.");

    public static readonly RuleDescriptor ShellFormWithoutShell = new(
        RuleIds.ShellFormWithoutShell,
        "Shell form on an image without a shell",
        "{0} in shell form runs '/bin/sh -c', but the image '{1}' has no shell; use the exec form",
        RuleCategories.Runtime,
        RuleSeverity.Warning,
        "Chiseled and distroless images have no /bin/sh, so a shell-form ENTRYPOINT, CMD or HEALTHCHECK CMD fails when the container starts.");

    public static readonly RuleDescriptor RunWithoutShell = new(
        RuleIds.RunWithoutShell,
        "RUN on an image without a shell",
        "RUN in shell form needs '/bin/sh', but the stage's image '{0}' has none; run it in a stage on an image with a shell",
        RuleCategories.Runtime,
        RuleSeverity.Warning,
        "Chiseled and distroless images have no /bin/sh: a shell-form RUN fails the build.");

    public static readonly RuleDescriptor CommandNotInImage = new(
        RuleIds.CommandNotInImage,
        "Command not present in the image",
        "'{0}' is not in the image '{1}', which has no {2}",
        RuleCategories.Runtime,
        RuleSeverity.Warning,
        "Chiseled and distroless images contain no shell tools (curl, wget, bash, a package manager): a HEALTHCHECK or entry point that calls them fails.");

    public static readonly RuleDescriptor FinalStageRunsAsRoot = new(
        RuleIds.FinalStageRunsAsRoot,
        "Final stage runs as root",
        "{0}; run the app as a non-root user ({1})",
        RuleCategories.Runtime,
        RuleSeverity.Warning,
        "A container running as root turns an app compromise into root in the container. .NET 8+ images include a non-root 'app' user ($APP_UID); chiseled images use it by default.");

    public static readonly RuleDescriptor RestoreNotCached = new(
        RuleIds.RestoreNotCached,
        "Restore is not cached",
        "'{0}' runs after the whole build context was copied, with no restore layer before it and no NuGet cache mount: every source edit downloads the packages again",
        RuleCategories.Build,
        RuleSeverity.Info,
        "Copy the project files and restore first, so the restore layer is reused until a project file changes; or mount a BuildKit cache on the NuGet folder.");

    public static readonly RuleDescriptor DebugBuildShipped = new(
        RuleIds.DebugBuildShipped,
        "Debug build shipped",
        "{0}",
        RuleCategories.Build,
        RuleSeverity.Warning,
        "A Debug build is unoptimised and may enable development-only behaviour. Before .NET 8, 'dotnet publish' built Debug unless told '-c Release'.");

    public static readonly RuleDescriptor NoDockerIgnore = new(
        RuleIds.NoDockerIgnore,
        "No .dockerignore",
        "The Dockerfile copies the build context, which has no .dockerignore: the host's bin/ and obj/ enter the image build, and the host's obj/project.assets.json breaks the restore in the container",
        RuleCategories.Build,
        RuleSeverity.Warning,
        "Without a .dockerignore the whole folder is sent to the builder: host build output, .git, local secrets. A host obj/ folder makes restore and build in the container fail or use the host's paths.");

    public static readonly RuleDescriptor BuilderNotOnBuildPlatform = new(
        RuleIds.BuilderNotOnBuildPlatform,
        "Builder stage does not use the build platform",
        "The builder stage '{0}' runs on the target platform, so a multi-platform build emulates the SDK; add --platform=$BUILDPLATFORM and publish with -a $TARGETARCH",
        RuleCategories.Build,
        RuleSeverity.Info,
        "The SDK can build for any architecture: a builder on $BUILDPLATFORM runs natively and is many times faster than under QEMU emulation.");

    public static readonly RuleDescriptor SecretInArgOrEnv = new(
        RuleIds.SecretInArgOrEnv,
        "Secret in ARG or ENV",
        "'{0}' looks like a secret: {1} values stay in the image's history and metadata; pass secrets with RUN --mount=type=secret",
        RuleCategories.Security,
        RuleSeverity.Warning,
        "Build arguments and environment variables are recorded in the image (docker history, docker inspect). NuGet feed credentials and tokens belong in BuildKit secrets.");

    public static readonly RuleDescriptor RemoteAddWithoutChecksum = new(
        RuleIds.RemoteAddWithoutChecksum,
        "ADD from a remote URL without --checksum",
        "ADD downloads '{0}' without --checksum, so the build trusts whatever the server returns",
        RuleCategories.Security,
        RuleSeverity.Warning,
        "A remote file can change or be tampered with; ADD --checksum=sha256:... makes the build fail instead of silently using different content.");

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
        SilentInvariantGlobalization, RuntimeIdentifierMismatch, ExposedPortNotListening, BuildsAnotherProject, AotWithoutNativeToolchain,
        UnknownStageReference, DuplicateStageName, FinalStageHasNoBuildOutput, BaseImageNotPinned, FinalImageNotDistroless, DeprecatedImageRepository, OutOfSupportDotnet, InvalidImageReference, ShellFormWithoutShell, RunWithoutShell, CommandNotInImage, FinalStageRunsAsRoot, RestoreNotCached, DebugBuildShipped, NoDockerIgnore, BuilderNotOnBuildPlatform, SecretInArgOrEnv, RemoteAddWithoutChecksum,
        SyntaxError,
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
    public const string Security = "Container.Security";
}
