using System.Collections.Generic;

namespace ContainerAnalyzers.Rules;

/// <summary>The rule categories, in the order the docs index lists them, each with its heading there.</summary>
public static class RuleCategories
{
    public const string Build = "Container.Build";
    public const string Image = "Container.Image";
    public const string Project = "Container.Project";
    public const string Syntax = "Container.Syntax";
    public const string Compatibility = "Container.Compatibility";
    public const string Runtime = "Container.Runtime";
    public const string Security = "Container.Security";

    public static IReadOnlyList<(string Category, string Heading)> Headings { get; } = new[]
    {
        (Build, "Build and stages: how the image is built"),
        (Image, "Images: which base images"),
        (Compatibility, "Compatibility: the Dockerfile against the project"),
        (Runtime, "Runtime: how the container starts and runs"),
        (Security, "Security"),
        (Project, "Project"),
        (Syntax, "Syntax"),
    };
}
