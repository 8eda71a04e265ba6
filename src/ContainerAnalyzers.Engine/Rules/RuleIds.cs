namespace ContainerAnalyzers.Rules;

/// <summary>Every rule id in one place, with the help link each descriptor uses.</summary>
public static class RuleIds
{
    public const string NoBuilderStage = "CTR0001";
    public const string FinalStageOnSdkImage = "CTR0002";
    public const string ProjectHasNoDockerfile = "CTR0003";
    public const string DotnetRunInContainer = "CTR0007";
    public const string DockerfileFixAvailable = "CTR0009";
    public const string RuntimeVersionMismatch = "CTR0020";
    public const string SdkOlderThanTargetFramework = "CTR0021";
    public const string RuntimeLacksFramework = "CTR0022";
    public const string EntrypointNotThisAssembly = "CTR0023";
    public const string SilentInvariantGlobalization = "CTR0024";
    public const string RuntimeIdentifierMismatch = "CTR0025";
    public const string ExposedPortNotListening = "CTR0026";
    public const string BuildsAnotherProject = "CTR0027";
    public const string AotWithoutNativeToolchain = "CTR0028";
    public const string UnknownStageReference = "CTR0004";
    public const string DuplicateStageName = "CTR0005";
    public const string FinalStageHasNoBuildOutput = "CTR0006";
    public const string BaseImageNotPinned = "CTR0010";
    public const string FinalImageNotDistroless = "CTR0011";
    public const string DeprecatedImageRepository = "CTR0012";
    public const string OutOfSupportDotnet = "CTR0013";
    public const string InvalidImageReference = "CTR0014";
    public const string ShellFormWithoutShell = "CTR0030";
    public const string RunWithoutShell = "CTR0031";
    public const string CommandNotInImage = "CTR0032";
    public const string FinalStageRunsAsRoot = "CTR0033";
    public const string RestoreNotCached = "CTR0040";
    public const string DebugBuildShipped = "CTR0041";
    public const string NoDockerIgnore = "CTR0042";
    public const string BuilderNotOnBuildPlatform = "CTR0043";
    public const string SecretInArgOrEnv = "CTR0050";
    public const string RemoteAddWithoutChecksum = "CTR0051";
    public const string SyntaxError = "CTR0090";

    public const string DocumentationBaseUri = "https://github.com/container-analyzers/ContainerAnalyzers/blob/main/docs/rules/";

    public static string GetHelpUri(string id) => DocumentationBaseUri + id + ".md";
}
