using System;
using ContainerAnalyzers.Compose;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Projects;

/// <summary>
/// A GitHub Docker container action (<c>action.yml</c> with <c>runs: using: docker, image: Dockerfile</c>): the image it
/// builds is not an app. GitHub runs it as root (its documentation requires that the action's USER be root or unset),
/// with the workspace mounted, once per step; the app rules' advice (a non-root user, a chiseled image, a rewrite) would
/// break it.
/// </summary>
public static class GitHubDockerAction
{
    /// <summary>
    /// The full path of the Dockerfile the action builds, with forward slashes, or null: the action runs a prebuilt
    /// image (<c>docker://…</c>), is not a Docker action, or the file cannot be read.
    /// </summary>
    public static string? ImageDockerfile(string actionPath, string text)
    {
        if (text.Length > ComposeFile.MaxLength || text.IndexOf("docker", StringComparison.OrdinalIgnoreCase) < 0 || YamlDepth.IsTooDeep(text))
        {
            return null;
        }

        try
        {
            if (YamlTree.Load(text) is not YamlMapping root || Value(root, "runs") is not YamlMapping runs
                || Value(runs, "using") is not YamlScalar { } usingValue || !string.Equals(usingValue.Value.Trim(), "docker", StringComparison.OrdinalIgnoreCase)
                || Value(runs, "image") is not YamlScalar { } image)
            {
                return null;
            }

            var reference = image.Value.Trim();
            if (reference.Length == 0 || reference.StartsWith("docker://", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            return PathText.Combine(PathText.GetDirectory(actionPath.Replace('\\', '/')), reference);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Not YAML, or YamlDotNet's own failure: not an action the package can read, so nothing is assumed.
            return null;
        }
    }

    /// <summary>Whether one of the action images (from <see cref="ImageDockerfile"/>) is the Dockerfile at <paramref name="dockerfilePath"/>.</summary>
    public static bool IsImageOf(System.Collections.Generic.IReadOnlyList<string> actionImages, string dockerfilePath)
    {
        foreach (var image in actionImages)
        {
            if (PathText.SamePath(image, dockerfilePath))
            {
                return true;
            }
        }

        return false;
    }

    private static YamlNode? Value(YamlMapping mapping, string key)
    {
        foreach (var pair in mapping.Pairs)
        {
            if (pair.Key is YamlScalar scalar && scalar.Value == key)
            {
                return pair.Value;
            }
        }

        return null;
    }
}
