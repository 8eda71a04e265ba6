using System;
using System.Collections.Generic;
using ContainerAnalyzers.Compose;
using ContainerAnalyzers.Semantics;

namespace ContainerAnalyzers.Fixes;

/// <summary>
/// What a host knows beyond the Dockerfile and the project's properties, for the fixes to keep the user's workflow:
/// where the code pins its endpoints (the ports to EXPOSE), and the compose files that build the Dockerfile (their
/// build context is the one the user's <c>docker compose build</c> sends).
/// </summary>
public sealed class FixInputs
{
    public static FixInputs None { get; } = new();

    /// <summary>Null when the host cannot read the code.</summary>
    public CodeEndpoints? Code { get; init; }

    public IReadOnlyList<ComposeFile> ComposeFiles { get; init; } = Array.Empty<ComposeFile>();
}
