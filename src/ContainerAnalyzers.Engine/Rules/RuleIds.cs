namespace ContainerAnalyzers.Rules;

/// <summary>
/// Every rule id, as a named constant (RuleIds.g.cs, generated from the rule table), and the help link each
/// descriptor uses.
/// </summary>
public static partial class RuleIds
{
    public const string DocumentationBaseUri = "https://github.com/container-analyzers/ContainerAnalyzers/blob/main/docs/rules/";

    public static string GetHelpUri(string id) => DocumentationBaseUri + id + ".md";
}
