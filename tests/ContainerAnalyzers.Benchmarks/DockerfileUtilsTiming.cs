using System.Diagnostics;

namespace ContainerAnalyzers.Benchmarks;

/// <summary>
/// dockerfile-utils' <c>validate()</c>, the Dockerfile linter of VS Code's Docker extension, timed on the same files in
/// the same run: a yardstick for what a Dockerfile linter costs. Needs node and npm; without them, or when the package
/// cannot be installed, the driver mode prints its own figures alone and says why.
/// </summary>
internal static class DockerfileUtilsTiming
{
    /// <summary>The path of a file of "path TAB best-microseconds" lines, or null when node or the package is missing.</summary>
    public static string? Run(IReadOnlyList<string> files, int runs)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "DockerfileUtils");
        if (!File.Exists(Path.Combine(folder, "node_modules", "dockerfile-utils", "package.json"))
            && Execute("npm", "install --no-audit --no-fund --loglevel=error", folder, null) is null)
        {
            Console.WriteLine("dockerfile-utils: not timed (npm install failed or npm is not on PATH)");
            return null;
        }

        var output = Path.Combine(folder, "times.tsv");
        var arguments = "validate-times.js " + string.Join(" ", files.Select(f => "\"" + f + "\""));
        if (Execute("node", arguments, folder, new Dictionary<string, string> { ["RUNS"] = runs.ToString(System.Globalization.CultureInfo.InvariantCulture) }) is not { } times)
        {
            Console.WriteLine("dockerfile-utils: not timed (node failed or is not on PATH)");
            return null;
        }

        File.WriteAllText(output, times);
        return output;
    }

    private static string? Execute(string command, string arguments, string folder, Dictionary<string, string>? environment)
    {
        try
        {
            var start = new ProcessStartInfo(command, arguments) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            {
                start.Environment[name] = value;
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                Console.WriteLine($"{command} {arguments.Split(' ')[0]}: exit {process.ExitCode}: {stderr.Result.Trim()}");
                return null;
            }

            return stdout.Result;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
