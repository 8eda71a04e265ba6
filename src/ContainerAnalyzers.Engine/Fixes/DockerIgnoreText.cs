using System;
using System.Collections.Generic;
using System.Linq;
using ContainerAnalyzers.Rules.Shared;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;

using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Fixes;

/// <summary>The .dockerignore the companion fix adds when the build context has none.</summary>
internal static class DockerIgnoreText
{
    /// <summary>The file, less each pattern that would exclude a context source of <paramref name="dockerfileText"/> (CTR0044).</summary>
    public static string Create(string? dockerfileText = null)
    {
        var sources = dockerfileText is null ? new List<string>()
            : ContextSources.Copied(DockerfileModel.Create(DockerfileParser.Parse(dockerfileText)))
                .Select(s => s.Source.Value.Replace('\\', '/').TrimStart('/'))
                .Where(v => v.IndexOf('$') < 0)
                .Select(PathText.Clean)
                .Where(p => p is not "." && !p.StartsWith("..", StringComparison.Ordinal))
                .ToList();
        return string.Join("\n", Lines.Where(line => line.Length == 0 || line[0] == '#' || !sources.Any(source => Excludes(line, source))));
    }

    private static bool Excludes(string pattern, string source)
    {
        var path = DockerIgnore.JudgedPart(source);
        return path.Length > 0 && DockerIgnore.Parse(pattern).ExcludedBy(path) is not null;
    }

    private static readonly string[] Lines =
    {
        "# Keep the build context small and the build reproducible: the image is built from sources, never from",
        "# the host's build output (a host obj/project.assets.json breaks restore in the container).",
        "**/bin/",
        "**/obj/",
        "**/out/",
        "**/publish/",
        "**/TestResults/",
        "**/node_modules/",
        "",
        "# Source control, editors and local tooling.",
        "**/.git",
        "**/.gitignore",
        "**/.vs/",
        "**/.vscode/",
        "**/.idea/",
        "**/*.user",
        "**/*.swp",
        "**/docker-compose*",
        "**/compose*.y*ml",
        "**/Dockerfile*",
        "**/.dockerignore",
        "",
        "# Local secrets must never reach an image layer.",
        "**/.env",
        "**/*.env",
        "**/secrets.json",
        "**/appsettings.*.local.json",
        "**/*.pfx",
        "**/*.key",
        "**/*.pem",
        "",
        "# The Dockerfile itself still builds: BuildKit reads it apart from the context.",
        "",
    };
}
