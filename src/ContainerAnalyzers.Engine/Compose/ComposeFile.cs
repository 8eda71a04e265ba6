using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ContainerAnalyzers.Text;
using YamlDotNet.Core;

namespace ContainerAnalyzers.Compose;

/// <summary>
/// One compose file (compose.yaml, docker-compose.override.yml…) read into the few things the rules weigh: each
/// service's build, image, ports, environment, command, entry point, health check and user, every value with its
/// span in the file. YAML comes from YamlDotNet (positions, anchors and merge keys); a file that is not YAML, or not
/// a compose file, has a <see cref="Error"/> and no services. Never throws.
/// </summary>
public sealed class ComposeFile
{
    /// <summary>Larger files are not read: a compose file is a few kilobytes, and the analyzer runs on every keystroke.</summary>
    public const int MaxLength = 512 * 1024;

    private ComposeFile(string path, string text, IReadOnlyList<ComposeService> services, ComposeError? error)
    {
        Path = path;
        Text = text;
        Services = services;
        Error = error;
    }

    /// <summary>The file's full path, with forward or back slashes as the host gave it.</summary>
    public string Path { get; }

    public string Text { get; }

    public IReadOnlyList<ComposeService> Services { get; }

    /// <summary>Why the file is not a compose file the rules can read (invalid YAML, a top level that is not a mapping…); null when it is.</summary>
    public ComposeError? Error { get; }

    /// <summary>The folder relative paths in the file resolve from.</summary>
    public string Directory => PathText.GetDirectory(Path);

    /// <summary>compose.yaml, docker-compose.override.yml, compose.prod.yaml…: the names compose reads and the variants passed with -f.</summary>
    public static bool IsComposeFileName(string name)
        => (name.StartsWith("compose", StringComparison.OrdinalIgnoreCase) || name.StartsWith("docker-compose", StringComparison.OrdinalIgnoreCase))
            && (name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Whether a compose file is one compose merges over another by default, or that a developer passes with -f for
    /// local work: <c>*.override.*</c>, <c>compose.dev.*</c>, <c>docker-compose.development.*</c>.
    /// </summary>
    internal static bool IsDevelopmentFileName(string path)
    {
        var name = PathText.GetFileName(path).ToLowerInvariant();
        return name.Contains(".override.") || name.Contains(".dev.") || name.Contains(".development.") || name.Contains(".debug.") || name.Contains(".local.");
    }

    public static ComposeFile Parse(string path, string text, CancellationToken cancellationToken = default)
    {
        if (text.Length > MaxLength || text.IndexOf('\0') >= 0)
        {
            return new ComposeFile(path, text, Array.Empty<ComposeService>(), null);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (YamlDepth.IsTooDeep(text))
        {
            return Invalid(Mark.Empty, "the file nests more deeply than a compose file can be read");
        }

        YamlNode? document;
        YamlLeniency? leniency = null;
        try
        {
            document = YamlTree.Load(text);
        }
        catch (YamlException exception)
        {
            // What compose's own parser accepts is read as it reads it; only what it rejects is an error.
            if (LoadLeniently(text, out leniency) is not { } lenient)
            {
                return Invalid(exception.Start, Message(exception));
            }

            document = lenient;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // YamlDotNet's own bugs (it has thrown ArgumentException and InvalidOperationException on odd input) are
            // still the file's problem to the user, not an analyzer crash.
            return Invalid(Mark.Empty, exception.Message);
        }

        if (document is null or YamlScalar { IsNull: true })
        {
            // Empty or comments only: half-typed, nothing to say.
            return new ComposeFile(path, text, Array.Empty<ComposeService>(), null);
        }

        var reader = new Reader(text, path, leniency);
        if (document is not YamlMapping root)
        {
            return new ComposeFile(path, text, Array.Empty<ComposeService>(), new ComposeError("the top level is not a mapping of keys such as 'services'", new SourceSpan(reader.Offset(document.Start), 0)));
        }

        var services = new List<ComposeService>();
        foreach (var (key, value) in Entries(root))
        {
            if (!string.Equals(key.Value, "services", StringComparison.Ordinal))
            {
                continue;
            }

            if (value is YamlScalar { IsNull: true })
            {
                break;
            }

            if (value is not YamlMapping serviceMap)
            {
                return Invalid(value.Start, "'services' is not a mapping of service names to services");
            }

            foreach (var (name, body) in Entries(serviceMap))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (body is YamlScalar { IsNull: true })
                {
                    continue;
                }

                if (body is not YamlMapping serviceBody)
                {
                    return Invalid(body.Start, $"the service '{name.Value}' is not a mapping");
                }

                services.Add(reader.Service(name, serviceBody));
            }
        }

        return new ComposeFile(path, text, services, null);

        ComposeFile Invalid(Mark mark, string message)
            => new(path, text, Array.Empty<ComposeService>(), new ComposeError(message, new SourceSpan(Offset(text, mark), 0)));
    }

    private static YamlNode? LoadLeniently(string text, out YamlLeniency? leniency)
    {
        leniency = YamlLeniency.Repair(text);
        if (leniency is null)
        {
            return null;
        }

        try
        {
            return YamlTree.Load(leniency.Repaired);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Still not YAML (YamlDotNet also throws InvalidOperationException on some): the strict error stands.
            leniency = null;
            return null;
        }
    }

    /// <summary>The character offset of a YamlDotNet mark (its Index counts characters of the text read).</summary>
    internal static int Offset(string text, Mark mark)
    {
        var index = mark.Index;
        return index < 0 ? 0 : index > text.Length ? text.Length : (int)index;
    }

    private static string Message(YamlException exception)
    {
        // "(Line: 3, Col: 5, Idx: 20) - (Line: …): While scanning…": the location is in the diagnostic already.
        var message = exception.InnerException?.Message ?? exception.Message;
        var dash = message.IndexOf("): ", StringComparison.Ordinal);
        return (dash >= 0 ? message.Substring(dash + 3) : message).Trim();
    }

    /// <summary>
    /// A mapping's entries with YAML merge keys (<c>&lt;&lt;: *defaults</c>) applied: merged entries first, the mapping's
    /// own keys win, and among merge sources the first that has a key wins. Each key is taken once and each source
    /// mapping is read once however often it is named (<c>&lt;&lt;: [*b, *b, …]</c>), so the work is bounded by the text.
    /// </summary>
    internal static IEnumerable<(YamlScalar Key, YamlNode Value)> Entries(YamlMapping mapping)
    {
        var own = new List<(YamlScalar, YamlNode)>();
        var sources = new List<YamlMapping>();
        foreach (var pair in mapping.Pairs)
        {
            if (pair.Key is not YamlScalar key)
            {
                continue;
            }

            if (key.Value == "<<" && key.Style == ScalarStyle.Plain)
            {
                if (pair.Value is YamlSequence list)
                {
                    sources.AddRange(list.Items.OfType<YamlMapping>());
                }
                else if (pair.Value is YamlMapping source)
                {
                    sources.Add(source);
                }

                continue;
            }

            own.Add((key, pair.Value));
        }

        if (sources.Count == 0)
        {
            return own;
        }

        // Loops over the tuples, not LINQ: its generic code over a value type is JIT-compiled in a fresh compiler process.
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (ownKey, _) in own)
        {
            taken.Add(ownKey.Value);
        }

        // Nodes compare by reference: an alias names the very node of its anchor.
        var read = new HashSet<YamlMapping>();
        var merged = new List<(YamlScalar, YamlNode)>();
        foreach (var source in sources)
        {
            if (!read.Add(source))
            {
                continue;
            }

            // One level: a merge source's own merge keys are not followed.
            foreach (var pair in source.Pairs)
            {
                if (pair.Key is YamlScalar { Value: not "<<" } sourceKey && taken.Add(sourceKey.Value))
                {
                    merged.Add((sourceKey, pair.Value));
                }
            }
        }

        merged.AddRange(own);
        return merged;
    }

    /// <summary>Reads the service keys the rules use; everything else is left alone.</summary>
    private sealed class Reader
    {
        private readonly string _text;
        private readonly string _path;
        private readonly YamlLeniency? _leniency;

        public Reader(string text, string path, YamlLeniency? leniency)
        {
            _text = text;
            _path = path;
            _leniency = leniency;
        }

        /// <summary>A mark's offset in the file, through the repair when the text was read leniently.</summary>
        public int Offset(Mark mark)
            => _leniency is null ? ComposeFile.Offset(_text, mark) : ComposeFile.Offset(_text, new Mark(_leniency.ToOriginal(mark.Index), mark.Line, mark.Column));

        public ComposeService Service(YamlScalar name, YamlMapping body)
        {
            var service = new ComposeService(name.Value ?? string.Empty, Location(name));
            foreach (var (key, value) in Entries(body))
            {
                switch (key.Value)
                {
                    case "build":
                        service.Build = Build(key, value);
                        break;
                    case "image":
                        service.Image = Scalar(value);
                        break;
                    case "ports":
                        service.Ports.AddRange(Sequence(value).SelectMany(Ports));
                        service.PortsKey = Location(key);
                        break;
                    case "expose":
                        service.Expose.AddRange(Sequence(value).Select(Scalar).OfType<ComposeValue>());
                        break;
                    case "environment":
                        ReadEnvironment(service, value);
                        break;
                    case "env_file":
                    case "extends":
                        // Values from a file the package cannot see: the rules that weigh the environment stay silent.
                        service.HasEnvironmentFromElsewhere = true;
                        break;
                    case "command":
                        service.Command = Command(value);
                        break;
                    case "entrypoint":
                        service.Entrypoint = Command(value);
                        break;
                    case "healthcheck" when value is YamlMapping healthcheck:
                        foreach (var (healthKey, healthValue) in Entries(healthcheck))
                        {
                            if (healthKey.Value == "test")
                            {
                                service.HealthcheckTest = Command(healthValue);
                            }
                            else if (healthKey.Value == "disable" && healthValue is YamlScalar { Value: "true" })
                            {
                                service.HealthcheckDisabled = true;
                            }
                        }

                        break;
                    case "user":
                        service.User = Scalar(value);
                        break;
                    case "network_mode":
                        service.NetworkMode = Scalar(value);
                        break;
                    case "volumes":
                        ReadVolumes(service, value);
                        break;
                    case "volumes_from":
                        service.HasVolumesFromElsewhere = true;
                        break;
                    case "tmpfs":
                        // A tmpfs mount is a mount too: what it covers is writable, whatever the image says.
                        foreach (var item in value is YamlScalar ? new[] { value } : Sequence(value))
                        {
                            service.VolumeTargets.Add(Scalar(item)?.Resolved?.Split(':')[0]);
                        }

                        break;
                    case "working_dir":
                        service.WorkingDir = Scalar(value);
                        break;
                    case "scale":
                        service.Replicas = Scalar(value);
                        break;
                    case "deploy" when value is YamlMapping deploy:
                        foreach (var (deployKey, deployValue) in Entries(deploy))
                        {
                            if (deployKey.Value == "replicas")
                            {
                                service.Replicas = Scalar(deployValue);
                            }
                        }

                        break;
                }
            }

            return service;
        }

        private ComposeBuild Build(YamlScalar key, YamlNode value)
        {
            if (value is YamlScalar)
            {
                return new ComposeBuild(Location(key)) { Context = Scalar(value) };
            }

            var build = new ComposeBuild(Location(key));
            if (value is not YamlMapping mapping)
            {
                return build;
            }

            foreach (var (buildKey, buildValue) in Entries(mapping))
            {
                switch (buildKey.Value)
                {
                    case "context":
                        build.Context = Scalar(buildValue);
                        break;
                    case "dockerfile":
                        build.Dockerfile = Scalar(buildValue);
                        break;
                    case "dockerfile_inline":
                        build.HasInlineDockerfile = true;
                        break;
                    case "target":
                        build.Target = Scalar(buildValue);
                        break;
                    case "args":
                        foreach (var (argName, argValue) in KeyValues(buildValue))
                        {
                            build.Args[argName.Value] = argValue;
                        }

                        break;
                }
            }

            return build;
        }

        // The container paths of the service's mounts: "src:target[:mode]" or "target" (anonymous), or the long form's
        // target. A mount whose target cannot be read (not a scalar, a variable) is kept as such: the rules then know
        // some path is mounted without knowing which.
        private void ReadVolumes(ComposeService service, YamlNode value)
        {
            foreach (var item in Sequence(value))
            {
                if (item is YamlMapping longSyntax)
                {
                    ComposeValue? target = null;
                    foreach (var (key, entry) in Entries(longSyntax))
                    {
                        if (key.Value == "target")
                        {
                            target = Scalar(entry);
                            break;
                        }
                    }

                    service.VolumeTargets.Add(target?.Resolved);
                    continue;
                }

                if (Scalar(item)?.Resolved is not { } mount)
                {
                    service.VolumeTargets.Add(null);
                    continue;
                }

                // A Windows source (C:\data:/app/data) has a colon of its own, so the target is the part that starts with '/'.
                var parts = mount.Split(':');
                service.VolumeTargets.Add(parts.Length == 1 ? parts[0] : parts.Skip(1).FirstOrDefault(p => p.StartsWith("/", StringComparison.Ordinal)));
            }
        }

        private void ReadEnvironment(ComposeService service, YamlNode value)
        {
            foreach (var (name, variable) in KeyValues(value))
            {
                service.Environment[name.Value] = new ComposeVariable(name, variable);
            }
        }

        /// <summary>The map form (<c>KEY: value</c>) and the list form (<c>- KEY=value</c>, <c>- KEY</c> from the host).</summary>
        private IEnumerable<(ComposeValue Name, ComposeValue? Value)> KeyValues(YamlNode node)
        {
            if (node is YamlMapping mapping)
            {
                foreach (var (key, value) in Entries(mapping))
                {
                    if (Scalar(key) is { } name)
                    {
                        yield return (name, value is YamlScalar { IsNull: true } ? null : Scalar(value));
                    }
                }

                yield break;
            }

            foreach (var item in Sequence(node))
            {
                if (Scalar(item) is not { } entry)
                {
                    continue;
                }

                var equals = entry.Value.IndexOf('=');
                if (equals < 0)
                {
                    yield return (entry, null);
                    continue;
                }

                var name = entry.Slice(0, equals);
                yield return (name, entry.Slice(equals + 1, entry.Value.Length - equals - 1));
            }
        }

        private IEnumerable<ComposePort> Ports(YamlNode item)
        {
            if (item is YamlMapping longSyntax)
            {
                ComposeValue? target = null, published = null, protocol = null;
                foreach (var (key, value) in Entries(longSyntax))
                {
                    switch (key.Value)
                    {
                        case "target":
                            target = Scalar(value);
                            break;
                        case "published":
                            published = Scalar(value);
                            break;
                        case "protocol":
                            protocol = Scalar(value);
                            break;
                    }
                }

                if (target is not null)
                {
                    yield return ComposePort.FromLong(Location(longSyntax), target, published, protocol);
                }

                yield break;
            }

            if (Scalar(item) is { } shortSyntax)
            {
                yield return ComposePort.FromShort(shortSyntax);
            }
        }

        private ComposeCommand? Command(YamlNode node)
        {
            if (node is YamlSequence list)
            {
                return new ComposeCommand(Location(list), isString: false, list.Items.Select(Scalar).OfType<ComposeValue>().ToList());
            }

            return Scalar(node) is { } text ? new ComposeCommand(text.Location, isString: true, new[] { text }) : null;
        }

        private static IEnumerable<YamlNode> Sequence(YamlNode node)
            => node is YamlSequence list ? list.Items : (IEnumerable<YamlNode>)Array.Empty<YamlNode>();

        private ComposeValue? Scalar(YamlNode node)
        {
            if (node is not YamlScalar { IsNull: false } scalar)
            {
                return null;
            }

            var value = scalar.Value;

            var span = Span(scalar);
            // The value's characters map one to one onto the file only for plain and simply quoted scalars: only
            // those can be edited in place or reported on a part.
            var raw = _text.Substring(span.Start, span.Length);
            var offset = scalar.Style switch
            {
                ScalarStyle.Plain when raw == value => span.Start,
                ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted when raw.Length == value.Length + 2 && raw.Substring(1, value.Length) == value => span.Start + 1,
                _ => (int?)null,
            };
            return new ComposeValue(value, new ComposeLocation(_path, span), offset);
        }

        private ComposeLocation Location(YamlNode node) => new(_path, Span(node));

        private SourceSpan Span(YamlNode node)
        {
            var start = Offset(node.Start);
            var end = Offset(node.End);
            return SourceSpan.FromBounds(start, end < start ? start : end);
        }
    }
}

/// <summary>Why a compose file could not be read, and where.</summary>
public sealed class ComposeError
{
    public ComposeError(string message, SourceSpan span)
    {
        Message = message;
        Span = span;
    }

    public string Message { get; }

    public SourceSpan Span { get; }
}
