// Written by src/ContainerAnalyzers.Generator from the rule table (each rule's Definition). Do not edit:
// change the rule class and run the generator.

namespace ContainerAnalyzers.Rules;

public static partial class RuleIds
{
    /// <summary>CTR0001: Dockerfile has no builder stage.</summary>
    public const string NoBuilderStage = "CTR0001";

    /// <summary>CTR0002: Final stage runs on a .NET SDK image.</summary>
    public const string FinalStageOnSdkImage = "CTR0002";

    /// <summary>CTR0003: Project has no Dockerfile.</summary>
    public const string ProjectHasNoDockerfile = "CTR0003";

    /// <summary>CTR0004: Unknown or invalid stage reference.</summary>
    public const string UnknownStageReference = "CTR0004";

    /// <summary>CTR0005: Duplicate stage name.</summary>
    public const string DuplicateStageName = "CTR0005";

    /// <summary>CTR0006: The final stage never receives the build output.</summary>
    public const string FinalStageHasNoBuildOutput = "CTR0006";

    /// <summary>CTR0007: Container starts the app with 'dotnet run' or 'dotnet watch'.</summary>
    public const string DotnetRunInContainer = "CTR0007";

    /// <summary>CTR0009: Dockerfile fix available from code.</summary>
    public const string DockerfileFixAvailable = "CTR0009";

    /// <summary>CTR0010: Base image is not pinned.</summary>
    public const string BaseImageNotPinned = "CTR0010";

    /// <summary>CTR0011: Final image is not distroless.</summary>
    public const string FinalImageNotDistroless = "CTR0011";

    /// <summary>CTR0012: Deprecated .NET image repository.</summary>
    public const string DeprecatedImageRepository = "CTR0012";

    /// <summary>CTR0013: Out-of-support .NET version.</summary>
    public const string OutOfSupportDotnet = "CTR0013";

    /// <summary>CTR0014: Invalid image reference.</summary>
    public const string InvalidImageReference = "CTR0014";

    /// <summary>CTR0020: Runtime image version does not match TargetFramework.</summary>
    public const string RuntimeVersionMismatch = "CTR0020";

    /// <summary>CTR0021: SDK image is older than the TargetFramework.</summary>
    public const string SdkOlderThanTargetFramework = "CTR0021";

    /// <summary>CTR0022: Runtime image does not carry the framework the app needs.</summary>
    public const string RuntimeLacksFramework = "CTR0022";

    /// <summary>CTR0023: ENTRYPOINT/CMD does not start this project's assembly.</summary>
    public const string EntrypointNotThisAssembly = "CTR0023";

    /// <summary>CTR0024: App silently runs in globalization-invariant mode.</summary>
    public const string SilentInvariantGlobalization = "CTR0024";

    /// <summary>CTR0025: RuntimeIdentifier does not match the image.</summary>
    public const string RuntimeIdentifierMismatch = "CTR0025";

    /// <summary>CTR0026: Exposed port is not where the app listens.</summary>
    public const string ExposedPortNotListening = "CTR0026";

    /// <summary>CTR0027: Dockerfile builds another project.</summary>
    public const string BuildsAnotherProject = "CTR0027";

    /// <summary>CTR0028: Native AOT publish on an SDK image without the native toolchain.</summary>
    public const string AotWithoutNativeToolchain = "CTR0028";

    /// <summary>CTR0029: Unknown runtime identifier.</summary>
    public const string UnknownRuntimeIdentifier = "CTR0029";

    /// <summary>CTR0030: Shell form on an image without a shell.</summary>
    public const string ShellFormWithoutShell = "CTR0030";

    /// <summary>CTR0031: RUN on an image without a shell.</summary>
    public const string RunWithoutShell = "CTR0031";

    /// <summary>CTR0032: Command not present in the image.</summary>
    public const string CommandNotInImage = "CTR0032";

    /// <summary>CTR0033: Final stage runs as root.</summary>
    public const string FinalStageRunsAsRoot = "CTR0033";

    /// <summary>CTR0034: ENTRYPOINT or CMD is not a valid JSON array.</summary>
    public const string MalformedExecForm = "CTR0034";

    /// <summary>CTR0035: Final stage does not start the app.</summary>
    public const string NoEntrypoint = "CTR0035";

    /// <summary>CTR0036: CMD repeats the entry point.</summary>
    public const string CmdRepeatsEntrypoint = "CTR0036";

    /// <summary>CTR0037: The app looks up time zones the image has no data for.</summary>
    public const string TimeZoneDataMissing = "CTR0037";

    /// <summary>CTR0038: The app needs culture data, but the project turns it off.</summary>
    public const string CulturesInInvariantMode = "CTR0038";

    /// <summary>CTR0039: The app writes where its user cannot.</summary>
    public const string FolderNotWritable = "CTR0039";

    /// <summary>CTR0040: Restore is not cached.</summary>
    public const string RestoreNotCached = "CTR0040";

    /// <summary>CTR0041: Debug build shipped.</summary>
    public const string DebugBuildShipped = "CTR0041";

    /// <summary>CTR0042: No .dockerignore.</summary>
    public const string NoDockerIgnore = "CTR0042";

    /// <summary>CTR0043: Builder stage does not use the build platform.</summary>
    public const string BuilderNotOnBuildPlatform = "CTR0043";

    /// <summary>CTR0044: COPY source is not in the build context.</summary>
    public const string CopySourceNotInContext = "CTR0044";

    /// <summary>CTR0045: Restore layer lacks a build file restore needs.</summary>
    public const string RestoreLayerMissesBuildFiles = "CTR0045";

    /// <summary>CTR0046: The build needs a file the image does not have.</summary>
    public const string BuildNeedsFileNotCopied = "CTR0046";

    /// <summary>CTR0050: Secret in ARG or ENV.</summary>
    public const string SecretInArgOrEnv = "CTR0050";

    /// <summary>CTR0051: ADD from a remote URL without --checksum.</summary>
    public const string RemoteAddWithoutChecksum = "CTR0051";

    /// <summary>CTR0052: NuGet feed credentials stored in an image layer.</summary>
    public const string NuGetCredentialsInLayer = "CTR0052";

    /// <summary>CTR0060: Published container port is not where the app listens.</summary>
    public const string PublishedPortNotListening = "CTR0060";

    /// <summary>CTR0061: Compose command needs a shell or tool the image lacks.</summary>
    public const string ComposeCommandNotInImage = "CTR0061";

    /// <summary>CTR0062: Compose service runs dotnet run or dotnet watch.</summary>
    public const string ComposeRunsDotnetRun = "CTR0062";

    /// <summary>CTR0063: Compose build context does not hold the project.</summary>
    public const string ComposeContextMissesProject = "CTR0063";

    /// <summary>CTR0064: Compose service runs a non-root image as root.</summary>
    public const string ComposeUserRoot = "CTR0064";

    /// <summary>CTR0065: Data Protection keys do not outlive the container.</summary>
    public const string DataProtectionKeysLost = "CTR0065";

    /// <summary>CTR0066: Compose build target is not a stage of the Dockerfile.</summary>
    public const string ComposeTargetNotAStage = "CTR0066";

    /// <summary>CTR0090: Dockerfile syntax error.</summary>
    public const string SyntaxError = "CTR0090";

    /// <summary>CTR0091: Compose file is not valid.</summary>
    public const string ComposeSyntaxError = "CTR0091";

    /// <summary>CTR0098: A rule found more problems than are reported.</summary>
    public const string FindingsCapped = "CTR0098";

    /// <summary>CTR0099: A ContainerAnalyzers rule failed.</summary>
    public const string RuleFailed = "CTR0099";
}
