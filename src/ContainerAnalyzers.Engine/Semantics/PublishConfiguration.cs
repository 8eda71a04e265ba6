using System;
using System.Linq;
using ContainerAnalyzers.Projects;
using ContainerAnalyzers.Syntax;

namespace ContainerAnalyzers.Semantics;

/// <summary>
/// The build configuration the Dockerfile publishes, which decides the project's facts the rules compare with it
/// (issue 27: PublishAot set for Release only, published with -c "$BUILD_CONFIGURATION" whose ARG default is Release,
/// was judged by the IDE's Debug values).
/// </summary>
public static class PublishConfiguration
{
    /// <summary>
    /// <c>-c</c>/<c>--configuration</c> or <c>-p:Configuration</c> of the file's publish commands (after ARG defaults),
    /// or the publish default: Release from .NET 8 (PublishRelease), Debug before. Without a publish, the configuration
    /// folder of a host-published COPY (<c>bin/Release/…</c>), else the publish default. Null when a variable without a
    /// value names it, or the publishes disagree.
    /// </summary>
    public static string? Of(DockerfileModel model, ProjectFacts project)
    {
        string? found = null;
        var publishes = false;
        foreach (var publish in model.DotnetRunCommands.Where(c => c.Verb == "publish"))
        {
            publishes = true;
            var configuration = publish.GetOption("-c", "--configuration") ?? publish.GetProperty("Configuration") ?? PublishDefault(project);
            if (configuration is null || configuration.IndexOf('$') >= 0 || (found is not null && !string.Equals(found, configuration, StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }

            found = configuration;
        }

        if (publishes)
        {
            return found;
        }

        foreach (var instruction in model.Syntax.Instructions)
        {
            if (instruction is CopyInstructionSyntax { From: null } copy)
            {
                foreach (var source in copy.Sources)
                {
                    var path = "/" + source.Value.Replace('\\', '/');
                    if (path.IndexOf("/bin/Release/", StringComparison.OrdinalIgnoreCase) >= 0)
                    {
                        return "Release";
                    }

                    if (path.IndexOf("/bin/Debug/", StringComparison.OrdinalIgnoreCase) >= 0)
                    {
                        return "Debug";
                    }
                }
            }
        }

        return PublishDefault(project);
    }

    // dotnet publish builds Release by default for projects that target .NET 8 or later only (PublishRelease).
    private static string? PublishDefault(ProjectFacts project)
    {
        var frameworks = project.TargetFrameworks.Where(t => t.IsDotnetCore).ToArray();
        return frameworks.Length == 0 || frameworks.Any(t => t.Major is null) ? null
            : frameworks.All(t => t.Major >= 8) ? "Release"
            : frameworks.All(t => t.Major < 8) ? "Debug"
            : null;
    }
}
