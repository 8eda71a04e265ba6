using System.Diagnostics;
using System.Text;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Infrastructure;

/// <summary>The exit code, the interleaved stdout and stderr, and the wall time of a finished process.</summary>
internal sealed record ProcessResult(int ExitCode, string Output, TimeSpan Duration);

/// <summary>Runs the command-line tools the end-to-end and container tests drive (dotnet, podman, docker).</summary>
internal static class ProcessRunner
{
    public static ProcessResult Run(string fileName, string workingDirectory, IEnumerable<string> arguments, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var commandLine = fileName + " " + string.Join(' ', start.ArgumentList);
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit((int)timeout.TotalMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            lock (output)
            {
                Assert.Fail($"{commandLine} did not finish in {timeout.TotalMinutes:0.#} minutes:\n{output}");
            }
        }

        process.WaitForExit();
        stopwatch.Stop();
        TestContext.Out.WriteLine($"> {commandLine} (exit {process.ExitCode}, {stopwatch.Elapsed.TotalSeconds:0.0} s)");
        lock (output)
        {
            return new ProcessResult(process.ExitCode, output.ToString(), stopwatch.Elapsed);
        }
    }

    public static ProcessResult Dotnet(string workingDirectory, params string[] arguments)
        => Run("dotnet", workingDirectory, arguments, TimeSpan.FromMinutes(8));

    /// <summary>Whether <paramref name="command"/> is an executable on PATH.</summary>
    public static bool IsOnPath(string command)
        => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, command)));
}
