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

    /// <summary>
    /// What the code shows, the same evidence the rules read (the compilation, on the IDE road); null when the host has
    /// none, and then <see cref="Code"/> may still give the endpoints a text scan finds.
    /// </summary>
    public SourceEvidence? Source { get; init; }

    /// <summary>Where the code pins its endpoints, for a host that scans the code's text (the MSBuild task); null when the host cannot read the code.</summary>
    public CodeEndpoints? Code
    {
        get => _code ?? Source?.Endpoints;
        init => _code = value;
    }

    private readonly CodeEndpoints? _code;

    public IReadOnlyList<ComposeFile> ComposeFiles { get; init; } = Array.Empty<ComposeFile>();

    /// <summary>The listening settings of the project's appsettings*.json files, as the analyzer reads them.</summary>
    public IReadOnlyList<AppSettingsFile> AppSettings { get; init; } = Array.Empty<AppSettingsFile>();

    /// <summary>
    /// The analysis of a Dockerfile with what these inputs know: the code's evidence, the appsettings and the compose
    /// files, so the rules judge a fix's result as they judge the user's file (without them they cannot be sure, and say nothing).
    /// </summary>
    internal Semantics.DockerfileAnalysis Analyze(DockerfileModel model, Projects.ProjectFacts project, string dockerfilePath)
        => new(model, project, Source ?? (_code is { } code ? new CodeEndpointEvidence(code) : null))
        {
            DockerfilePath = dockerfilePath,
            AppSettings = AppSettings,
            ComposeFiles = ComposeFiles,
            IsDockerActionImage = IsDockerActionImage(dockerfilePath),
        };

    /// <summary>The Dockerfiles GitHub Docker actions build (full paths): no rewrite is planned for them.</summary>
    public IReadOnlyList<string> DockerActionImages { get; init; } = Array.Empty<string>();

    public bool IsDockerActionImage(string dockerfilePath) => Projects.GitHubDockerAction.IsImageOf(DockerActionImages, dockerfilePath);

    // What a host without a compiler knows of the code: the endpoints it pins with literal arguments.
    private sealed class CodeEndpointEvidence : SourceEvidence
    {
        private readonly CodeEndpoints _endpoints;

        public CodeEndpointEvidence(CodeEndpoints endpoints) => _endpoints = endpoints;

        public override CodeEndpoints? Endpoints => _endpoints;

        public override bool? MentionsAny(IReadOnlyList<string> words) => null;
    }
}
