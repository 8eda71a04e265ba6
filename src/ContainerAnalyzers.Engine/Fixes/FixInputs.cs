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

    /// <summary>The listening settings of the project's appsettings*.json files, as the analyzer reads them.</summary>
    public IReadOnlyList<AppSettingsEndpoints> AppSettings { get; init; } = Array.Empty<AppSettingsEndpoints>();

    /// <summary>
    /// The analysis of a Dockerfile with what these inputs know: the code's endpoints and the appsettings, so the port
    /// rules judge a fix's result as they judge the user's file (without them they cannot be sure, and say nothing).
    /// </summary>
    internal Semantics.DockerfileAnalysis Analyze(DockerfileModel model, Projects.ProjectFacts project, string dockerfilePath)
        => new(model, project, Code is { } code ? new CodeEndpointEvidence(code, TimeZoneLookups) : null) { DockerfilePath = dockerfilePath, AppSettings = AppSettings, IsDockerActionImage = IsDockerActionImage(dockerfilePath) };

    /// <summary>
    /// The time zones the code looks up by id (the compilation's answer, on the IDE road), so a fix's result is judged by
    /// CTR0037 as the user's file is; null when the host cannot tell (the MSBuild task reads no symbols).
    /// </summary>
    public IReadOnlyList<(string Id, string Where)>? TimeZoneLookups { get; init; }

    /// <summary>The Dockerfiles GitHub Docker actions build (full paths): no rewrite is planned for them.</summary>
    public IReadOnlyList<string> DockerActionImages { get; init; } = Array.Empty<string>();

    public bool IsDockerActionImage(string dockerfilePath) => Projects.GitHubDockerAction.IsImageOf(DockerActionImages, dockerfilePath);

    // What a host without a compiler knows of the code: the endpoints it pins with literal arguments.
    private sealed class CodeEndpointEvidence : Semantics.SourceEvidence
    {
        private readonly CodeEndpoints _endpoints;
        private readonly IReadOnlyList<(string Id, string Where)>? _timeZones;

        public CodeEndpointEvidence(CodeEndpoints endpoints, IReadOnlyList<(string Id, string Where)>? timeZones)
        {
            _endpoints = endpoints;
            _timeZones = timeZones;
        }

        public override CodeEndpoints? Endpoints => _endpoints;

        public override IReadOnlyList<(string Id, string Where)>? TimeZoneLookups => _timeZones;

        public override bool? MentionsAny(IReadOnlyList<string> words) => null;
    }
}
