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
    public const string SyntaxError = "CTR0090";

    public const string DocumentationBaseUri = "https://github.com/container-analyzers/ContainerAnalyzers/blob/main/docs/rules/";

    public static string GetHelpUri(string id) => DocumentationBaseUri + id + ".md";
}
