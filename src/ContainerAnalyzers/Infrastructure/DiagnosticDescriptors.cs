using ContainerAnalyzers.Rules;
using Microsoft.CodeAnalysis;

namespace ContainerAnalyzers.Infrastructure;

/// <summary>
/// The Roslyn descriptors, one per rule. Ids, categories and severities are spelled as constants here so the
/// release-tracking analyzer (AnalyzerReleases.*.md) can check them; texts come from the engine's descriptors.
/// </summary>
internal static class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor NoBuilderStage = new(
        RuleIds.NoBuilderStage, RuleDescriptors.NoBuilderStage.Title, RuleDescriptors.NoBuilderStage.MessageFormat,
        RuleCategories.Build, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        RuleDescriptors.NoBuilderStage.Description, RuleDescriptors.NoBuilderStage.HelpLinkUri);

    public static readonly DiagnosticDescriptor FinalStageOnSdkImage = new(
        RuleIds.FinalStageOnSdkImage, RuleDescriptors.FinalStageOnSdkImage.Title, RuleDescriptors.FinalStageOnSdkImage.MessageFormat,
        RuleCategories.Image, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        RuleDescriptors.FinalStageOnSdkImage.Description, RuleDescriptors.FinalStageOnSdkImage.HelpLinkUri);

    public static readonly DiagnosticDescriptor ProjectHasNoDockerfile = new(
        RuleIds.ProjectHasNoDockerfile, RuleDescriptors.ProjectHasNoDockerfile.Title, RuleDescriptors.ProjectHasNoDockerfile.MessageFormat,
        RuleCategories.Project, DiagnosticSeverity.Info, isEnabledByDefault: true,
        RuleDescriptors.ProjectHasNoDockerfile.Description, RuleDescriptors.ProjectHasNoDockerfile.HelpLinkUri);

    public static readonly DiagnosticDescriptor DockerfileFixAvailable = new(
        RuleIds.DockerfileFixAvailable, RuleDescriptors.DockerfileFixAvailable.Title, RuleDescriptors.DockerfileFixAvailable.MessageFormat,
        RuleCategories.Project, DiagnosticSeverity.Hidden, isEnabledByDefault: true,
        RuleDescriptors.DockerfileFixAvailable.Description, RuleDescriptors.DockerfileFixAvailable.HelpLinkUri);

    public static readonly DiagnosticDescriptor SyntaxError = new(
        RuleIds.SyntaxError, RuleDescriptors.SyntaxError.Title, RuleDescriptors.SyntaxError.MessageFormat,
        RuleCategories.Syntax, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        RuleDescriptors.SyntaxError.Description, RuleDescriptors.SyntaxError.HelpLinkUri);

    public static DiagnosticDescriptor For(RuleDescriptor rule) => rule.Id switch
    {
        RuleIds.NoBuilderStage => NoBuilderStage,
        RuleIds.FinalStageOnSdkImage => FinalStageOnSdkImage,
        RuleIds.ProjectHasNoDockerfile => ProjectHasNoDockerfile,
        RuleIds.DockerfileFixAvailable => DockerfileFixAvailable,
        RuleIds.SyntaxError => SyntaxError,
        _ => throw new System.ArgumentException("No Roslyn descriptor for " + rule.Id, nameof(rule)),
    };
}
