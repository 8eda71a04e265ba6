using System.Formats.Tar;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Containers;

/// <summary>
/// The container tool the suite drives through its docker-compatible command line: podman (with buildah inside)
/// resolving local stand-ins for the mcr.microsoft.com/dotnet images, or a real docker engine pulling the real ones.
/// </summary>
internal sealed class ContainerEngine
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(3);

    private readonly string _command;
    private readonly IReadOnlyDictionary<string, string> _environment;

    private ContainerEngine(string command, IReadOnlyDictionary<string, string> environment, bool usesStandIns)
    {
        _command = command;
        _environment = environment;
        UsesStandIns = usesStandIns;
    }

    /// <summary>Whether the base images are this suite's stand-ins (podman) rather than the real ones (docker).</summary>
    public bool UsesStandIns { get; }

    public string Description => UsesStandIns ? "podman with local stand-ins for the mcr.microsoft.com/dotnet images" : "docker with the real images";

    public static ContainerEngine Docker() => new("docker", new Dictionary<string, string>(), usesStandIns: false);

    /// <summary>podman configured by the env.sh the stand-in script wrote into <paramref name="stateFolder"/>.</summary>
    public static ContainerEngine PodmanWithStandIns(string stateFolder) => new("podman", new Dictionary<string, string>
    {
        ["CONTAINERS_CONF"] = Path.Combine(stateFolder, "containers.conf"),
        ["CONTAINERS_STORAGE_CONF"] = Path.Combine(stateFolder, "storage.conf"),
        ["BUILDAH_ISOLATION"] = "chroot",
    }, usesStandIns: true);

    /// <summary>Builds an image the way the user would: `docker build` with the Dockerfile's own arguments.</summary>
    public ProcessResult Build(string workingDirectory, string tag, string dockerfile, string context)
    {
        var arguments = new List<string> { "build", "-t", tag, "-f", dockerfile };
        if (UsesStandIns)
        {
            // Stand-ins are local: never reach for mcr. No intermediate layers: with vfs storage each would be a full
            // copy of the SDK image.
            arguments.AddRange(new[] { "--pull=never", "--layers=false", "--isolation=chroot" });
        }

        arguments.Add(context);
        return Run(workingDirectory, arguments, BuildTimeout);
    }

    /// <summary>Runs the image to completion and returns its exit code and output.</summary>
    public ProcessResult RunToCompletion(string image)
        => Run(Path.GetTempPath(), PullNever(new List<string> { "run", "--rm" }).Append(image), CommandTimeout);

    /// <summary>
    /// Starts a web image in the background with its HTTP port reachable at 127.0.0.1:<paramref name="hostPort"/>, with
    /// more options for the run (a volume) when given.
    /// </summary>
    public string StartWeb(string image, int hostPort, params string[] runOptions)
    {
        var arguments = PullNever(new List<string> { "run", "-d" });
        arguments.AddRange(runOptions);
        if (UsesStandIns)
        {
            // The host's network namespace: no bridge or port forwarding to set up on a machine without a docker
            // daemon. The app listens on the free port instead of the image's 8080.
            arguments.AddRange(new[] { "--network=host", "-e", "ASPNETCORE_HTTP_PORTS=" + hostPort.ToString(CultureInfo.InvariantCulture) });
        }
        else
        {
            arguments.AddRange(new[] { "-p", $"127.0.0.1:{hostPort}:8080" });
        }

        arguments.Add(image);
        var result = Run(Path.GetTempPath(), arguments, CommandTimeout);
        Assert.That(result.ExitCode, Is.Zero, result.Output);
        return LastLine(result);
    }

    /// <summary>
    /// What answers on each of <paramref name="containerPorts"/> inside a running container of the image, the way a
    /// compose port mapping reaches it: the HTTP status line and body, or null when nothing accepts the connection.
    /// Waits until one of the ports answers (the app is up) or 60 s pass. With docker, each port is published on a
    /// free host port; with podman and the stand-ins (no port forwarding here), the container gets its own network
    /// namespace and the request is made inside it (nsenter, bash's /dev/tcp), so no host port can collide.
    /// </summary>
    public IReadOnlyDictionary<int, string?> ProbeContainerPorts(string image, params int[] containerPorts)
    {
        var arguments = PullNever(new List<string> { "run", "-d" });
        var hostPorts = containerPorts.ToDictionary(p => p, _ => GetFreePort());
        if (UsesStandIns)
        {
            arguments.Add("--network=none");
        }
        else
        {
            foreach (var (inside, host) in hostPorts)
            {
                arguments.AddRange(new[] { "-p", $"127.0.0.1:{host}:{inside}" });
            }
        }

        arguments.Add(image);
        var started = Run(Path.GetTempPath(), arguments, CommandTimeout);
        Assert.That(started.ExitCode, Is.Zero, started.Output);
        var container = LastLine(started);
        try
        {
            var pid = UsesStandIns ? Inspect(container, "{{.State.Pid}}") : null;
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (true)
            {
                var answers = containerPorts.ToDictionary(p => p, p => pid is null ? RequestFromHost(hostPorts[p]) : RequestInside(pid, p));
                if (answers.Values.Any(a => a is not null) || DateTime.UtcNow > deadline)
                {
                    // Once the app is up, ask every port again: one asked before it started must not count as silent.
                    return containerPorts.ToDictionary(p => p, p => (pid is null ? RequestFromHost(hostPorts[p]) : RequestInside(pid, p))?.TrimEnd());
                }

                Thread.Sleep(500);
            }
        }
        finally
        {
            RemoveContainer(container);
        }

        static string? RequestInside(string pid, int port)
        {
            var script = $"exec 3<>/dev/tcp/127.0.0.1/{port} && printf 'GET / HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && cat <&3";
            var result = ProcessRunner.Run("nsenter", Path.GetTempPath(), new[] { "-t", pid, "-n", "bash", "-c", script }, TimeSpan.FromSeconds(10));
            return result.ExitCode == 0 && result.Output.StartsWith("HTTP/", StringComparison.Ordinal) ? result.Output.Replace("\r", string.Empty, StringComparison.Ordinal) : null;
        }

        static string? RequestFromHost(int port)
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            try
            {
                using var response = client.GetAsync($"http://127.0.0.1:{port}/").GetAwaiter().GetResult();
                return $"HTTP/1.1 {(int)response.StatusCode}\n\n" + response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                return null;
            }
        }
    }

    /// <summary>
    /// Starts the image in the background, waits, and says whether the app started: still running, or exited 0 (a
    /// console app that did its work). Real apps may need a database to answer; starting is what a rewrite must keep.
    /// </summary>
    public (bool Started, string State) StartAndWatch(string image, TimeSpan wait)
    {
        var (started, state, _) = StartWatchAndAsk(image, wait, askHttp: false);
        return (started, state);
    }

    /// <summary>
    /// <see cref="StartAndWatch"/>, and for a web app the HTTP status of <c>GET /</c> on the port the image's
    /// ASPNETCORE_HTTP_PORTS names (any status counts as an answer: a real app may want a database to serve 200);
    /// null when nothing answered within the wait.
    /// </summary>
    public (bool Started, string State, int? HttpStatus) StartWatchAndAsk(string image, TimeSpan wait, bool askHttp)
    {
        var port = GetFreePort();
        var arguments = PullNever(new List<string> { "run", "-d" });
        if (UsesStandIns)
        {
            // No port forwarding without a daemon; a web app binds a free port of the host's network.
            arguments.AddRange(new[] { "--network=host", "-e", "ASPNETCORE_HTTP_PORTS=" + port.ToString(CultureInfo.InvariantCulture), "-e", "ASPNETCORE_URLS=" });
        }
        else
        {
            arguments.AddRange(new[] { "-p", $"127.0.0.1:{port}:8080" });
        }

        arguments.Add(image);
        var started = Run(Path.GetTempPath(), arguments, CommandTimeout);
        if (started.ExitCode != 0)
        {
            return (false, "podman run failed: " + started.Output, null);
        }

        var container = LastLine(started);
        try
        {
            int? status = null;
            var deadline = DateTime.UtcNow + wait;
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            while (DateTime.UtcNow < deadline)
            {
                if (askHttp && status is null)
                {
                    try
                    {
                        using var response = client.GetAsync($"http://127.0.0.1:{port}/").GetAwaiter().GetResult();
                        status = (int)response.StatusCode;
                    }
                    catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                    {
                        // Not listening yet, or not there.
                    }
                }

                Thread.Sleep(500);
            }

            var running = Inspect(container, "{{.State.Running}}");
            var exitCode = Inspect(container, "{{.State.ExitCode}}");
            var logs = Logs(container);
            var ok = running == "true" || exitCode == "0";
            return (ok, (running == "true" ? "running" : "exited " + exitCode) + (ok ? string.Empty : "\n" + logs), status);
        }
        finally
        {
            RemoveContainer(container);
        }
    }

    public string Logs(string container) => Run(Path.GetTempPath(), new[] { "logs", container }, CommandTimeout).Output;

    public void RemoveContainer(string container) => Run(Path.GetTempPath(), new[] { "rm", "-f", container }, CommandTimeout);

    public void RemoveImage(string image) => Run(Path.GetTempPath(), new[] { "rmi", "-f", image }, CommandTimeout);

    /// <summary>The image's history, each layer's command in full (what anyone who pulls the image can read).</summary>
    public string History(string image) => Run(Path.GetTempPath(), new[] { "history", "--no-trunc", image }, CommandTimeout).Output;

    /// <summary>The user id the container's main process runs as, read from /proc on this host (null when not visible).</summary>
    public int? GetProcessUserId(string container)
    {
        var pid = Inspect(container, "{{.State.Pid}}");
        var status = $"/proc/{pid}/status";
        if (!File.Exists(status))
        {
            return null;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal));
        return line is null ? null : int.Parse(line.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    public long GetImageSize(string image) => long.Parse(Inspect(image, "{{.Size}}"), CultureInfo.InvariantCulture);

    /// <summary>The image's configured USER.</summary>
    public string GetImageUser(string image) => Inspect(image, "{{.Config.User}}");

    /// <summary>Every path in the image's file system, without a leading slash, read from `export` as a tar stream.</summary>
    public IReadOnlySet<string> ListFiles(string image)
    {
        var create = Run(Path.GetTempPath(), PullNever(new List<string> { "create" }).Append(image), CommandTimeout);
        Assert.That(create.ExitCode, Is.Zero, create.Output);
        var container = LastLine(create);
        try
        {
            var exported = Path.Combine(AnalyzerPackage.RunFolder, "export-" + Guid.NewGuid().ToString("N") + ".tar");
            var export = Run(Path.GetTempPath(), new[] { "export", "-o", exported, container }, CommandTimeout);
            Assert.That(export.ExitCode, Is.Zero, export.Output);
            var files = new HashSet<string>(StringComparer.Ordinal);
            using (var stream = File.OpenRead(exported))
            using (var reader = new TarReader(stream))
            {
                while (reader.GetNextEntry() is { } entry)
                {
                    files.Add(entry.Name.TrimStart('.').TrimStart('/').TrimEnd('/'));
                }
            }

            File.Delete(exported);
            return files;
        }
        finally
        {
            RemoveContainer(container);
        }
    }

    /// <summary>A TCP port free on the loopback interface at the time of asking.</summary>
    public static int GetFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private string Inspect(string target, string format)
    {
        var result = Run(Path.GetTempPath(), new[] { "inspect", "--format", format, target }, CommandTimeout);
        Assert.That(result.ExitCode, Is.Zero, result.Output);
        return LastLine(result);
    }

    /// <summary>The id or value a command prints last (podman may print pull progress before it).</summary>
    private static string LastLine(ProcessResult result) => result.Output.Trim().Split('\n').Last().Trim();

    private List<string> PullNever(List<string> arguments)
    {
        if (UsesStandIns)
        {
            arguments.Add("--pull=never");
        }

        return arguments;
    }

    private ProcessResult Run(string workingDirectory, IEnumerable<string> arguments, TimeSpan timeout)
        => ProcessRunner.Run(_command, workingDirectory, arguments, timeout, _environment);
}
