namespace ContainerAnalyzers.Fixes;

/// <summary>The .dockerignore the companion fix adds when the build context has none.</summary>
internal static class DockerIgnoreText
{
    public static string Create() => string.Join("\n", new[]
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
    });
}
