namespace ContainerAnalyzers.Rules;

/// <summary>Every rule id in one place, with the help link each descriptor uses.</summary>
public static class RuleIds
{
    public const string NoBuilderStage = "CTR0001";
    public const string FinalStageOnSdkImage = "CTR0002";
    public const string ProjectHasNoDockerfile = "CTR0003";
    public const string DockerfileFixAvailable = "CTR0009";
    public const string SyntaxError = "CTR0090";

    public const string DocumentationBaseUri = "https://github.com/container-analyzers/ContainerAnalyzers/blob/main/docs/rules/";

    public static string GetHelpUri(string id) => DocumentationBaseUri + id + ".md";
}
