using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Compose;

/// <summary>Where a compose value is: the file (a service merged from an override file spans two) and the span in it.</summary>
public readonly struct ComposeLocation
{
    public ComposeLocation(string file, SourceSpan span)
    {
        File = file;
        Span = span;
    }

    public string File { get; }

    public SourceSpan Span { get; }
}

/// <summary>A scalar of a compose file with its location.</summary>
public sealed class ComposeValue
{
    public ComposeValue(string value, ComposeLocation location, int? valueOffset)
    {
        Value = value;
        Location = location;
        ValueOffset = valueOffset;
    }

    /// <summary>The value as YAML reads it (quotes and escapes resolved), before compose's interpolation.</summary>
    public string Value { get; }

    public ComposeLocation Location { get; }

    public SourceSpan Span => Location.Span;

    /// <summary>The offset in the file of the value's first character, when its characters are the file's one to one (plain or simply quoted).</summary>
    public int? ValueOffset { get; }

    /// <summary>
    /// Whether compose substitutes a variable into the value (<c>${PORT:-80}</c>, <c>$PORT</c>): its value then depends
    /// on the shell or an .env file the package cannot see, and every rule stays silent about it.
    /// </summary>
    public bool IsInterpolated => Value.Replace("$$", string.Empty).IndexOf('$') >= 0;

    /// <summary>The value compose passes on when nothing is interpolated (<c>$$</c> is a literal <c>$</c>); null when interpolated.</summary>
    public string? Resolved => IsInterpolated ? null : Value.Replace("$$", "$");

    /// <summary>Part of the value: its own span when the value maps onto the file, else the whole value's span.</summary>
    public ComposeValue Slice(int start, int length)
    {
        var location = ValueOffset is { } offset ? new ComposeLocation(Location.File, new SourceSpan(offset + start, length)) : Location;
        return new ComposeValue(Value.Substring(start, length), location, ValueOffset is { } o ? o + start : null);
    }

    public override string ToString() => Value;
}

/// <summary>One entry of a service's <c>environment</c>: <c>KEY: value</c>, <c>KEY=value</c>, or <c>KEY</c> alone (taken from the host, unknown here).</summary>
public sealed class ComposeVariable
{
    public ComposeVariable(ComposeValue name, ComposeValue? value)
    {
        Name = name;
        Value = value;
    }

    public ComposeValue Name { get; }

    public ComposeValue? Value { get; }

    /// <summary>The value the container gets, or null when it cannot be known (taken from the host, or interpolated).</summary>
    public string? Resolved => Value?.Resolved;
}

/// <summary>
/// One entry of <c>ports</c>, short (<c>"[HOST_IP:][HOST:]CONTAINER[/PROTOCOL]"</c>) or long (<c>target:</c>,
/// <c>published:</c>, <c>protocol:</c>) syntax. Only the container side matters to the rules.
/// </summary>
public sealed class ComposePort
{
    private ComposePort(ComposeLocation location, ComposeValue? container, string? published, string protocol)
    {
        Location = location;
        Container = container;
        Published = published;
        Protocol = protocol;
    }

    public ComposeLocation Location { get; }

    /// <summary>The container side as written; null when it cannot be told apart (an interpolated mapping).</summary>
    public ComposeValue? Container { get; }

    /// <summary>The host side as written (may be a range or a variable), null when compose picks one.</summary>
    public string? Published { get; }

    public string Protocol { get; }

    /// <summary>The one container port, when the container side is a single literal port number.</summary>
    /// <summary>The same published port, container port and protocol, as written (a host IP included in the published part).</summary>
    public bool SameMappingAs(ComposePort other)
        => string.Equals(Published, other.Published, StringComparison.Ordinal) && string.Equals(Protocol, other.Protocol, StringComparison.OrdinalIgnoreCase)
            && string.Equals(Container?.Value, other.Container?.Value, StringComparison.Ordinal);

    public int? ContainerPort => Container is { IsInterpolated: false } c && int.TryParse(c.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536 ? port : null;

    internal static ComposePort FromShort(ComposeValue value)
    {
        var text = value.Value;
        var slash = text.LastIndexOf('/');
        var protocol = slash >= 0 ? text.Substring(slash + 1) : "tcp";
        var mapping = slash >= 0 ? text.Substring(0, slash) : text;
        var colon = mapping.LastIndexOf(':');
        // "${PORT}" alone, or a variable holding the container side: nothing certain.
        var container = mapping.Substring(colon + 1);
        var containerValue = container.IndexOf('$') >= 0 || container.IndexOf('}') >= 0 ? null : value.Slice(colon + 1, container.Length);
        var published = colon < 0 ? null : mapping.Substring(0, colon);
        return new ComposePort(value.Location, containerValue, published, protocol);
    }

    internal static ComposePort FromLong(ComposeLocation location, ComposeValue target, ComposeValue? published, ComposeValue? protocol)
        => new(location, target, published?.Value, protocol?.Value ?? "tcp");
}

/// <summary><c>command</c>, <c>entrypoint</c> or <c>healthcheck.test</c>: a string, or a list of words.</summary>
public sealed class ComposeCommand
{
    public ComposeCommand(ComposeLocation location, bool isString, IReadOnlyList<ComposeValue> words)
    {
        Location = location;
        IsString = isString;
        Words = words;
    }

    public ComposeLocation Location { get; }

    /// <summary>
    /// The string form. For <c>command</c> and <c>entrypoint</c> compose splits it into words itself (no shell runs);
    /// for <c>healthcheck.test</c> it means <c>CMD-SHELL</c>, run by <c>/bin/sh -c</c>.
    /// </summary>
    public bool IsString { get; }

    /// <summary>The list's items, or the one string.</summary>
    public IReadOnlyList<ComposeValue> Words { get; }

    /// <summary>The words the container runs: the list, or the string split the way compose splits it (on blanks, outside quotes).</summary>
    public IReadOnlyList<string> Arguments => IsString ? Split(Words[0].Value) : Words.Select(w => w.Value).ToList();

    /// <summary>A rough shell-words split: enough to name the program and find a word, never to run anything.</summary>
    internal static IReadOnlyList<string> Split(string text)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        char quote = '\0';
        var inWord = false;
        foreach (var c in text)
        {
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else
                {
                    current.Append(c);
                }

                continue;
            }

            if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(current.ToString());
                    current.Clear();
                    inWord = false;
                }

                continue;
            }

            current.Append(c);
            inWord = true;
        }

        if (inWord)
        {
            words.Add(current.ToString());
        }

        return words;
    }
}

/// <summary>A service's <c>build</c>: the short form (<c>build: ./dir</c>) or the long one.</summary>
public sealed class ComposeBuild
{
    public ComposeBuild(ComposeLocation location) => Location = location;

    /// <summary>The <c>build</c> key.</summary>
    public ComposeLocation Location { get; }

    /// <summary>Null means compose's default, the compose file's folder.</summary>
    public ComposeValue? Context { get; set; }

    /// <summary>Relative to the context; null means <c>Dockerfile</c>.</summary>
    public ComposeValue? Dockerfile { get; set; }

    public ComposeValue? Target { get; set; }

    public bool HasInlineDockerfile { get; set; }

    public Dictionary<string, ComposeValue?> Args { get; } = new(StringComparer.Ordinal);

    internal ComposeBuild MergedWith(ComposeBuild over)
    {
        var merged = new ComposeBuild(over.Location)
        {
            Context = over.Context ?? Context,
            Dockerfile = over.Dockerfile ?? Dockerfile,
            Target = over.Target ?? Target,
            HasInlineDockerfile = over.HasInlineDockerfile || (HasInlineDockerfile && over.Dockerfile is null),
        };
        foreach (var pair in Args.Concat(over.Args))
        {
            merged.Args[pair.Key] = pair.Value;
        }

        return merged;
    }
}

/// <summary>One service of a compose file (or of a file and its override, merged the way compose merges them).</summary>
public sealed class ComposeService
{
    public ComposeService(string name, ComposeLocation location)
    {
        Name = name;
        Location = location;
    }

    public string Name { get; }

    /// <summary>The service's key.</summary>
    public ComposeLocation Location { get; }

    public ComposeBuild? Build { get; set; }

    public ComposeValue? Image { get; set; }

    public List<ComposePort> Ports { get; } = new();

    /// <summary>The <c>ports</c> key, where a finding about the list as a whole goes.</summary>
    public ComposeLocation? PortsKey { get; set; }

    public List<ComposeValue> Expose { get; } = new();

    public Dictionary<string, ComposeVariable> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary><c>env_file</c> or <c>extends</c>: some of the service's settings come from a file the package does not read.</summary>
    public bool HasEnvironmentFromElsewhere { get; set; }

    public ComposeCommand? Command { get; set; }

    public ComposeCommand? Entrypoint { get; set; }

    public ComposeCommand? HealthcheckTest { get; set; }

    public bool HealthcheckDisabled { get; set; }

    public ComposeValue? User { get; set; }

    /// <summary><c>working_dir</c>: the folder the app starts in, instead of the image's WORKDIR.</summary>
    public ComposeValue? WorkingDir { get; set; }

    /// <summary>The container paths the service mounts volumes, folders or tmpfs at; null for a mount whose target cannot be read.</summary>
    public List<string?> VolumeTargets { get; } = new();

    /// <summary>Whether the service mounts something at <paramref name="path"/> or above it ("/" included), or a mount whose target cannot be read.</summary>
    public bool MountsOver(string path) => VolumeTargets.Any(t => t is null || PathText.IsSameOrBelow(path, PathText.Normalize(t).TrimEnd('/')));

    /// <summary><c>volumes_from</c>: the service mounts what another container mounts, which this service does not say.</summary>
    public bool HasVolumesFromElsewhere { get; set; }

    /// <summary><c>deploy.replicas</c> or <c>scale</c>: how many containers of the service run.</summary>
    public ComposeValue? Replicas { get; set; }

    /// <summary><c>network_mode</c> (host, service:…, container:…): port mappings then do not apply as written.</summary>
    public ComposeValue? NetworkMode { get; set; }

    /// <summary>
    /// Whether this service's definition can change where the app listens: an environment variable ASP.NET Core reads
    /// for its endpoints (URLS, HTTP_PORTS, HTTPS_PORTS, Kestrel__…, with or without the ASPNETCORE_/DOTNET_ prefix), a
    /// command or entrypoint, a network mode, or settings from a file the package does not read.
    /// </summary>
    public bool SetsWhereTheAppListens
        => Command is not null || Entrypoint is not null || NetworkMode is not null || HasEnvironmentFromElsewhere
            || Environment.Keys.Any(IsEndpointVariable);

    private static bool IsEndpointVariable(string name)
    {
        foreach (var prefix in new[] { "ASPNETCORE_", "DOTNET_", string.Empty })
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                var rest = name.Substring(prefix.Length);
                if (rest.Equals("URLS", StringComparison.OrdinalIgnoreCase) || rest.Equals("HTTP_PORTS", StringComparison.OrdinalIgnoreCase)
                    || rest.Equals("HTTPS_PORTS", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("Kestrel__", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The folder of the Dockerfile and the Dockerfile's path this service builds, relative paths resolved from
    /// <paramref name="composeDirectory"/>; null when it builds nothing, or from something only the build can know
    /// (an interpolated path, a Git URL, an inline Dockerfile).
    /// </summary>
    public (string Context, string Dockerfile)? ResolveBuild(string composeDirectory)
    {
        if (Build is not { HasInlineDockerfile: false } build)
        {
            return null;
        }

        var context = build.Context is null ? "." : build.Context.Resolved;
        var dockerfile = build.Dockerfile is null ? "Dockerfile" : build.Dockerfile.Resolved;
        if (context is null || dockerfile is null || context.Length == 0 || dockerfile.Length == 0 || IsRemote(context))
        {
            return null;
        }

        var contextPath = PathText.Combine(composeDirectory, context);
        return (contextPath, PathText.Combine(contextPath, dockerfile));
    }

    private static bool IsRemote(string context)
        => context.IndexOf("://", StringComparison.Ordinal) >= 0 || context.StartsWith("git@", StringComparison.Ordinal)
            || context.EndsWith(".git", StringComparison.OrdinalIgnoreCase) || context.IndexOf(".git#", StringComparison.OrdinalIgnoreCase) >= 0;

    /// <summary>
    /// This service with <paramref name="over"/> (the same service in an override file) merged on top, the way compose
    /// merges: single values replaced, <c>ports</c> and <c>expose</c> appended, <c>environment</c> and <c>build</c> merged by key, <c>volumes</c> by target.
    /// </summary>
    public ComposeService MergedWith(ComposeService over)
    {
        var merged = new ComposeService(Name, Location)
        {
            Build = Build is null ? over.Build : over.Build is null ? Build : Build.MergedWith(over.Build),
            Image = over.Image ?? Image,
            PortsKey = over.PortsKey ?? PortsKey,
            HasEnvironmentFromElsewhere = HasEnvironmentFromElsewhere || over.HasEnvironmentFromElsewhere,
            Command = over.Command ?? Command,
            Entrypoint = over.Entrypoint ?? Entrypoint,
            HealthcheckTest = over.HealthcheckTest ?? HealthcheckTest,
            HealthcheckDisabled = over.HealthcheckDisabled || (HealthcheckDisabled && over.HealthcheckTest is null),
            User = over.User ?? User,
            WorkingDir = over.WorkingDir ?? WorkingDir,
            NetworkMode = over.NetworkMode ?? NetworkMode,
            HasVolumesFromElsewhere = HasVolumesFromElsewhere || over.HasVolumesFromElsewhere,
            Replicas = over.Replicas ?? Replicas,
        };
        merged.VolumeTargets.AddRange(VolumeTargets.Concat(over.VolumeTargets));
        // Compose appends the override's ports, and a mapping both files write is one port: the override's copy stands,
        // so one wrong port is one finding (issue 27).
        merged.Ports.AddRange(Ports.Where(p => !over.Ports.Any(o => o.SameMappingAs(p))).Concat(over.Ports));
        merged.Expose.AddRange(Expose.Concat(over.Expose));
        foreach (var pair in Environment.Concat(over.Environment))
        {
            merged.Environment[pair.Key] = pair.Value;
        }

        return merged;
    }
}
