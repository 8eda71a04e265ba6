using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace ContainerAnalyzers.Tasks;

/// <summary>
/// The compose files that may build the project's Dockerfile, and the GitHub action files that may name it: from the
/// Dockerfile's folder up to the repository root (the first folder with <c>.git</c>), at most <see cref="ComposeWalk.MaxLevelsUp"/>
/// folders up, in each folder and in its deployment subfolders (<c>docker/</c>, <c>deploy/</c>, <c>deployment/</c>,
/// <c>infra/</c>). A solution folder does not stop the walk: in a full-stack repository the compose file people run sits
/// at the root, above the backend's solution (issue 27). Which of the files build the Dockerfile is the analyzers' to
/// decide (a service's build context and dockerfile resolve to it); the others say nothing.
/// </summary>
public sealed class FindComposeFiles : Task
{
    [Required]
    public string StartDirectory { get; set; } = string.Empty;

    [Output]
    public ITaskItem[] ComposeFiles { get; set; } = Array.Empty<ITaskItem>();

    [Output]
    public ITaskItem[] ActionFiles { get; set; } = Array.Empty<ITaskItem>();

    public override bool Execute()
    {
        var (compose, actions) = ComposeWalk.Walk(StartDirectory);
        ComposeFiles = compose.ConvertAll(f => (ITaskItem)new TaskItem(f)).ToArray();
        ActionFiles = actions.ConvertAll(f => (ITaskItem)new TaskItem(f)).ToArray();
        return true;
    }
}
