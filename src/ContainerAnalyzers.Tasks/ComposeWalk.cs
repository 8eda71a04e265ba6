using System;
using System.Collections.Generic;
using System.IO;

namespace ContainerAnalyzers.Tasks;

/// <summary>The folders <see cref="FindComposeFiles"/> reads, and what it takes from them (no MSBuild type, so tests can run it).</summary>
internal static class ComposeWalk
{
    public const int MaxLevelsUp = 6;

    private static readonly string[] DeploymentFolders = { "docker", "deploy", "deployment", "infra" };

    /// <summary>The walk, with full paths: compose files folder by folder, each folder's in name order.</summary>
    internal static (List<string> ComposeFiles, List<string> ActionFiles) Walk(string startDirectory)
    {
        var compose = new List<string>();
        var actions = new List<string>();
        var folder = new DirectoryInfo(startDirectory);
        for (var level = 0; level <= MaxLevelsUp && folder is not null; level++, folder = folder.Parent)
        {
            AddComposeFiles(folder.FullName, compose);
            foreach (var name in DeploymentFolders)
            {
                AddComposeFiles(Path.Combine(folder.FullName, name), compose);
            }

            foreach (var name in new[] { "action.yml", "action.yaml" })
            {
                var action = Path.Combine(folder.FullName, name);
                if (File.Exists(action))
                {
                    actions.Add(action);
                }
            }

            if (Exists(Path.Combine(folder.FullName, ".git")))
            {
                break;
            }
        }

        return (compose, actions);
    }

    private static void AddComposeFiles(string folder, List<string> found)
    {
        string[] files;
        try
        {
            if (!Directory.Exists(folder))
            {
                return;
            }

            files = Directory.GetFiles(folder);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A folder the build cannot list holds nothing the build can read.
            return;
        }

        Array.Sort(files, StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (Compose.ComposeFile.IsComposeFileName(Path.GetFileName(file)))
            {
                found.Add(file);
            }
        }
    }

    private static bool Exists(string path) => Directory.Exists(path) || File.Exists(path);
}
