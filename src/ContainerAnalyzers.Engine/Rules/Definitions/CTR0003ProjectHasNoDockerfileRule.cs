using ContainerAnalyzers.Projects;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0003: an executable project (Exe or the web SDK) with no Dockerfile and no SDK container publishing.
/// Never for libraries, test projects, desktop apps or tools. Reported on the project file.
/// </summary>
public static class CTR0003ProjectHasNoDockerfileRule
{
    public static RuleDescriptor Descriptor => RuleDescriptors.ProjectHasNoDockerfile;

    public static RuleFinding? Analyze(ProjectFacts project, bool hasDockerfile)
    {
        if (hasDockerfile || !project.IsExecutable || project.IsTestProject || project.CannotRunInLinuxContainer || project.UsesSdkContainerPublishing)
        {
            return null;
        }

        return new RuleFinding(Descriptor, project.ProjectElementSpan, new[] { project.ProjectName ?? "project" });
    }
}
