using System;
using System.Collections.Generic;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace ContainerAnalyzers.Tasks;

/// <summary>
/// Runs before the compiler on the package's inputs (the Dockerfiles, .dockerignore, compose and appsettings files):
/// only regular text files of bounded size reach it. The compiler reads every additional file whole, so a Dockerfile
/// that is a dangling link, a folder or an unreadable file fails the build, a FIFO hangs it, a link to /dev/zero
/// exhausts its memory, and one with NUL bytes fails it with CS2015. Each file it drops is named: a warning (CTR0090
/// for a Dockerfile or .dockerignore, CTR0091 for a compose file) when docker could not read it either, a message
/// when it is only larger than the package analyzes. An appsettings file is the app's, so it gets a message.
/// </summary>
public sealed class InspectContainerInputs : Task
{
    /// <summary>The caps, documented in the README: a Dockerfile is kilobytes, a compose or appsettings file too.</summary>
    public const long DockerfileCap = 1024 * 1024;

    public const long ComposeCap = Compose.ComposeFile.MaxLength;

    [Required]
    public ITaskItem[] Inputs { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The inputs that must not reach the compiler.</summary>
    [Output]
    public ITaskItem[] Rejected { get; set; } = Array.Empty<ITaskItem>();

    public override bool Execute()
    {
        var rejected = new List<ITaskItem>();
        foreach (var input in Inputs)
        {
            var kind = input.GetMetadata("ContainerAnalyzersKind");
            if (Array.IndexOf(InputFiles.InspectedKinds, kind) < 0)
            {
                continue;
            }

            var path = input.GetMetadata("FullPath");
            var cap = kind is "Dockerfile" or "DockerIgnore" ? DockerfileCap : ComposeCap;
            var state = InputFiles.Inspect(path, cap);
            if (state == InputFileState.Readable)
            {
                continue;
            }

            rejected.Add(input);
            Report(kind, path, state, cap);
        }

        Rejected = rejected.ToArray();
        return true;
    }

    private void Report(string kind, string path, InputFileState state, long cap)
    {
        var name = System.IO.Path.GetFileName(path);
        var what = kind switch
        {
            "Dockerfile" => "a Dockerfile BuildKit can read",
            "DockerIgnore" => "a .dockerignore BuildKit can read",
            "Compose" => "a compose file docker compose can read",
            "DockerAction" => "a GitHub action file GitHub can read",
            "NuGetConfig" => "a NuGet.Config NuGet can read",
            _ => "a settings file the app can read",
        };
        var reason = InputFiles.Describe(state, cap);

        if (state == InputFileState.TooLarge)
        {
            Log.LogMessage(MessageImportance.High, "ContainerAnalyzers: '{0}' is larger than the {1} KB the package analyzes, so it was not analyzed: {2}", name, cap / 1024, path);
            return;
        }

        var text = $"'{name}' {reason}, so it is not {what}; ContainerAnalyzers did not analyze it";
        switch (kind)
        {
            case "Dockerfile" or "DockerIgnore":
                Log.LogWarning(null, "CTR0090", null, path, 0, 0, 0, 0, text);
                break;
            case "Compose":
                Log.LogWarning(null, "CTR0091", null, path, 0, 0, 0, 0, text);
                break;
            default:
                Log.LogMessage(MessageImportance.High, "ContainerAnalyzers: {0}: {1}", path, text);
                break;
        }
    }
}
