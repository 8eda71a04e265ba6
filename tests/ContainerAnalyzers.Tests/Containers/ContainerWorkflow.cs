using System.Text.RegularExpressions;
using ContainerAnalyzers.Tests.Infrastructure;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Containers;

/// <summary>The steps a user takes, shared by the container tests: fix the Dockerfile headlessly, build, run.</summary>
internal static class ContainerWorkflow
{
    private static readonly string[] Shells = { "bin/sh", "bin/bash", "bin/dash", "bin/busybox" };

    /// <summary>Writes the app into a fresh folder and returns the project's full path.</summary>
    public static string WriteApp(ContainerApp app)
    {
        var root = Path.Combine(AnalyzerPackage.RunFolder, "containers", Regex.Replace(app.Kind, "[^a-z]+", "-") + "-" + Guid.NewGuid().ToString("N")[..6]);
        return app.WriteTo(root);
    }

    /// <summary>`dotnet build` of the project with this run's package feed; extra arguments such as -t:FixDockerfile.</summary>
    public static ProcessResult DotnetBuild(string project, params string[] extra)
        => ProcessRunner.Dotnet(Path.GetDirectoryName(project)!, new[] { "build", project, "-nologo", "-v:m", "-clp:NoSummary", "-nodeReuse:false", "-p:RestoreAdditionalProjectSources=" + AnalyzerPackage.Feed }.Concat(extra).ToArray());

    /// <summary>Applies the package's headless fix (road 3) and checks that the next build reports nothing.</summary>
    public static string FixDockerfile(string project, string mode = "minimal")
    {
        var fix = DotnetBuild(project, "-t:FixDockerfile", "-p:DockerfileFixMode=" + mode);
        Assert.That(fix.ExitCode, Is.Zero, fix.Output);
        Assert.That(fix.Output, Does.Contain("ContainerAnalyzers: rewrote"), fix.Output);
        var dockerfile = Path.Combine(Path.GetDirectoryName(project)!, "Dockerfile");
        var text = File.ReadAllText(dockerfile);
        TestContext.Out.WriteLine(text);

        var after = DotnetBuild(project, "-warnaserror");
        Assert.That(after.ExitCode, Is.Zero, after.Output);
        Assert.That(after.Output, Does.Not.Contain("CTR0"), after.Output);
        return dockerfile;
    }

    /// <summary>
    /// Builds the image with the command the generated Dockerfile's header tells the user to run, from the folder it
    /// names ("The build context is ../.. (repo/) … From that folder: docker build -t app -f src/Api/Dockerfile ."), so
    /// wrong advice about the context fails here too. A Dockerfile without the header is built from its own folder.
    /// </summary>
    public static ProcessResult BuildImage(string dockerfile, string tag)
    {
        var folder = Path.GetDirectoryName(dockerfile)!;
        var header = string.Join(" ", File.ReadLines(dockerfile).TakeWhile(l => l.StartsWith('#')).Select(l => l.TrimStart('#').Trim()));
        var where = Regex.Match(header, @"The build context is (?<folder>\S+) ");
        var workingDirectory = where.Success ? Path.GetFullPath(Path.Combine(folder, where.Groups["folder"].Value)) : folder;
        var advice = Regex.Match(header, @"docker build (?<arguments>[^#]+?)(?=$| [A-Z])");
        // Without -f, docker reads the context's own Dockerfile.
        string file = advice.Success ? "Dockerfile" : Path.GetFileName(dockerfile), context = ".";
        if (advice.Success)
        {
            var words = advice.Groups["arguments"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < words.Length; i++)
            {
                if (words[i] is "-t" or "-f" && i + 1 < words.Length)
                {
                    file = words[i] == "-f" ? words[i + 1] : file;
                    i++;
                }
                else
                {
                    context = words[i];
                }
            }
        }

        TestContext.Out.WriteLine($"building from {workingDirectory}: -f {file} {context}");
        return ContainerSuite.Engine.Build(workingDirectory, tag, file, context);
    }

    /// <summary>The image of the builder stage (the first FROM on an SDK image).</summary>
    public static string GetBuilderImage(string dockerfile)
        => File.ReadLines(dockerfile)
            .Select(l => Regex.Match(l, @"^FROM\s+(?:--\S+\s+)*(?<image>\S*/dotnet/sdk:\S+)", RegexOptions.IgnoreCase))
            .First(m => m.Success).Groups["image"].Value;

    /// <summary>The final image has no shell, no SDK, no package manager and no sources, and is configured to run as app (1654).</summary>
    public static void AssertDistroless(string image)
    {
        var files = ContainerSuite.Engine.ListFiles(image);
        Assert.That(files, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var shell in Shells)
            {
                Assert.That(files.Contains(shell) || files.Contains("usr/" + shell), Is.False, "the final image has a shell: " + shell);
            }

            Assert.That(files.Any(f => f.StartsWith("usr/share/dotnet/sdk/", StringComparison.Ordinal)), Is.False, "the final image carries the SDK");
            Assert.That(files.Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal)), Is.Empty, "the final image ships sources (issue 16)");
            Assert.That(files.Contains("usr/bin/dpkg") || files.Contains("usr/bin/apt"), Is.False, "the final image has a package manager");
            Assert.That(ContainerSuite.Engine.GetImageUser(image), Is.AnyOf("1654", "app", "1654:1654"), "the image's USER");
        });
    }

    /// <summary>Starts a web image and returns the HTTP status, body and the uid of the app's process.</summary>
    public static (int Status, string Body, int? UserId, string Logs) ProbeWeb(string image)
    {
        var port = ContainerEngine.GetFreePort();
        var container = ContainerSuite.Engine.StartWeb(image, port);
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (true)
            {
                try
                {
                    using var response = client.GetAsync($"http://127.0.0.1:{port}/").GetAwaiter().GetResult();
                    var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
                    return ((int)response.StatusCode, body, ContainerSuite.Engine.GetProcessUserId(container), ContainerSuite.Engine.Logs(container));
                }
                catch (HttpRequestException) when (DateTime.UtcNow < deadline)
                {
                    Thread.Sleep(250);
                }
                catch (TaskCanceledException) when (DateTime.UtcNow < deadline)
                {
                    Thread.Sleep(250);
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    Assert.Fail($"no HTTP answer on 127.0.0.1:{port} within 60 s: {exception.Message}\n{ContainerSuite.Engine.Logs(container)}");
                }
            }
        }
        finally
        {
            ContainerSuite.Engine.RemoveContainer(container);
        }
    }
}
