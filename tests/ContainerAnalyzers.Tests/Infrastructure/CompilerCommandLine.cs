using System.Text.RegularExpressions;

namespace ContainerAnalyzers.Tests.Infrastructure;

/// <summary>
/// The compiler's command line as a build's detailed log (<c>-v:d</c>) names it: the CoreCompile task's line
/// "&lt;sdk&gt;/Roslyn/bincore/csc /noconfig …". Run again with <c>dotnet</c>, it is the compiler alone, without MSBuild.
/// </summary>
internal static partial class CompilerCommandLine
{
    /// <summary>The compiler (its csc.dll, to run with <c>dotnet</c>) and its arguments; null when the log names none.</summary>
    public static (string Compiler, string Arguments)? Find(string log)
    {
        foreach (var line in log.Split('\n'))
        {
            if (Command().Match(line.Trim()) is { Success: true } command)
            {
                return (Path.Combine(command.Groups["bincore"].Value, "csc.dll"), command.Groups["arguments"].Value);
            }
        }

        return null;
    }

    [GeneratedRegex(@"^(?<bincore>\S*[/\\]Roslyn[/\\]bincore[/\\])csc(\.exe)? (?<arguments>/noconfig .*)$")]
    private static partial Regex Command();
}
