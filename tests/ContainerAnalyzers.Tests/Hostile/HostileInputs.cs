using System.Collections.Immutable;
using System.Text;
using ContainerAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ContainerAnalyzers.Tests.Hostile;

/// <summary>
/// Generators for the hostile inputs of issue 29, one per row of its table: small or odd files that once made the
/// package fail, hang or exhaust a build. Shared by the test suite (which asserts no exception, no flood and bounded
/// results) and the benchmark's <c>--hostile</c> and <c>--hostile-builds</c> modes (which print time and memory).
/// Each case is a set of files beside a web project's App.csproj, by name; a <see cref="SpecialFile"/> is made on disk
/// by the build mode only (a link, a FIFO, a folder), since an analyzer never sees one.
/// </summary>
public static class HostileInputs
{
    /// <summary>Where the cases' files are put when an analyzer is handed them.</summary>
    public const string ProjectDirectory = "/src/App";

    /// <summary>A file the build mode makes on disk instead of writing text.</summary>
    public enum SpecialFile
    {
        DanglingLink,
        LinkLoop,
        Directory,
        Fifo,
        LinkToDevZero,
        Missing,
    }

    public sealed record Case(string Name, IReadOnlyDictionary<string, string> Files, IReadOnlyDictionary<string, SpecialFile> Specials, string? ProjectItems = null)
    {
        public override string ToString() => Name;
    }

    /// <summary>A Dockerfile the text cases share where the row is about another file.</summary>
    public const string ChiseledDockerfile = "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -c Release -o /app\n\nFROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled\nWORKDIR /app\nCOPY --from=build /app .\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n";

    /// <summary>A compose file that publishes a port, so the port rules read where the app listens (its appsettings).</summary>
    private const string PortsCompose = "services:\n  app:\n    build: .\n    ports:\n      - \"8080:8080\"\n";

    private static readonly IReadOnlyDictionary<string, SpecialFile> NoSpecials = new Dictionary<string, SpecialFile>();

    private static Case Text(string name, params (string File, string Text)[] files)
        => new(name, files.ToDictionary(f => f.File, f => f.Text), NoSpecials);

    private static Case Special(string name, string file, SpecialFile special, string? projectItems = null)
        => new(name, file == "Dockerfile" ? new Dictionary<string, string>() : new Dictionary<string, string> { ["Dockerfile"] = ChiseledDockerfile }, new Dictionary<string, SpecialFile> { [file] = special }, projectItems);

    /// <summary>The rows an analyzer can be handed: text, however large or odd.</summary>
    public static IEnumerable<Case> TextCases()
    {
        yield return Text("compose alias bomb (95 KB, one 4,000-key anchor merged 20,000 times)", ("Dockerfile", ChiseledDockerfile), ("compose.yaml", ComposeAliasBomb()));
        yield return Text("ARG expansion bomb (576 bytes, ten times per level up to A8)", ("Dockerfile", ArgExpansionBomb(levels: 8)));
        yield return Text("compose nesting 100k deep behind an unbalanced quote in a comment", ("Dockerfile", ChiseledDockerfile), ("compose.yaml", "# an \"unbalanced quote\nservices:\n  app:\n    build: .\n    x: " + new string('[', 100_000) + "\n"));
        yield return Text("appsettings nesting 100k deep behind an escaped quote", ("Dockerfile", ChiseledDockerfile), ("compose.yaml", PortsCompose), ("appsettings.json", "{\"a\": \"x\\\"y\", \"Urls\": \"http://+:8080\", \"b\": " + new string('[', 100_000) + new string(']', 100_000) + "}"));
        yield return Text("compose of 26,500 ports and one suppression comment (500 KB)", ("Dockerfile", ChiseledDockerfile), ("compose.yaml", ComposePorts(26_500)));
        yield return Text("compose mapping of 50k keys", ("Dockerfile", ChiseledDockerfile), ("compose.yaml", "services:\n  app:\n    build: .\n    environment: {" + Keys(50_000, "{0}: v,") + "last: v}\n"));
        yield return Text("appsettings mapping of 50k keys", ("Dockerfile", ChiseledDockerfile), ("compose.yaml", PortsCompose), ("appsettings.json", "{" + Keys(50_000, "\"{0}\":1,") + "\"Urls\": \"http://+:8080\"}"));
        yield return Text("compose quoted scalar of 20,000 lines at the key's indentation (read leniently)", ("Dockerfile", ChiseledDockerfile), ("compose.yaml", "services:\n  app:\n    build: .\n    command: [\"sh\", \"-c\", \"echo\n" + Keys(20_000, "    && echo {0}\n") + "    \"]\n    ports:\n" + Keys(200, "      - \"{0}:80\"\n", start: 10_000)));
        yield return Text("20,000 chained stages", ("Dockerfile", ChainedStages(20_000)));
        yield return Text("1 MB Dockerfile of duplicate stage names", ("Dockerfile", DuplicateStageNames(1024 * 1024)));
        yield return Text("compose file over 512 KB", ("Dockerfile", ChiseledDockerfile), ("compose.yaml", ComposePorts(28_000)));
    }

    /// <summary>The rows only a build can meet: what the file system holds, and files too large for the compiler to be handed.</summary>
    public static IEnumerable<Case> BuildOnlyCases()
    {
        yield return Special("Dockerfile is a dangling symlink", "Dockerfile", SpecialFile.DanglingLink);
        yield return Special("Dockerfile is a symlink loop", "Dockerfile", SpecialFile.LinkLoop);
        yield return Special("Dockerfile is a directory", "Dockerfile", SpecialFile.Directory);
        yield return Special("Dockerfile is a FIFO", "Dockerfile", SpecialFile.Fifo);
        yield return Special("Dockerfile links to /dev/zero", "Dockerfile", SpecialFile.LinkToDevZero);
        yield return Special("compose.yaml is a dangling symlink", "compose.yaml", SpecialFile.DanglingLink);
        yield return Special(".dockerignore is a dangling symlink", ".dockerignore", SpecialFile.DanglingLink);
        yield return Special("ContainerAnalyzersDockerfile item whose file is missing", "Missing.Dockerfile", SpecialFile.Missing, "<ContainerAnalyzersDockerfile Include=\"Missing.Dockerfile\" />");
        yield return Text("50 MB Dockerfile of duplicate stage names", ("Dockerfile", DuplicateStageNames(50 * 1024 * 1024)));
    }

    public static string ComposeAliasBomb()
    {
        var text = new StringBuilder("x-big: &b {");
        text.Append(string.Join(", ", Enumerable.Range(0, 4000).Select(i => $"k{i}: v")));
        text.Append("}\nservices:\n  app:\n    build: .\n    <<: [");
        text.Append(string.Join(",", Enumerable.Repeat("*b", 20_000)));
        text.Append("]\n");
        return text.ToString();
    }

    public static string ArgExpansionBomb(int levels)
    {
        var text = new StringBuilder("ARG A0=xxxxxxxxxx\n");
        for (var level = 1; level <= levels; level++)
        {
            text.Append("ARG A").Append(level).Append('=').Append(string.Concat(Enumerable.Repeat("${A" + (level - 1) + "}", 10))).Append('\n');
        }

        return text.Append("FROM mcr.microsoft.com/dotnet/sdk:8.0${A").Append(levels).Append("}\nRUN dotnet publish -o /app\n").ToString();
    }

    private static string ComposePorts(int count)
        => "services:\n  app:\n    build: .\n    # containeranalyzers ignore=CTR0064\n    ports:\n" + Keys(count, "      - \"{0}:80\"\n", start: 10_000);

    private static string Keys(int count, string format, int start = 0)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.AppendFormat(System.Globalization.CultureInfo.InvariantCulture, format, start + i);
        }

        return text.ToString();
    }

    private static string ChainedStages(int count)
        => "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS s0\n" + string.Concat(Enumerable.Range(0, count).Select(i => $"FROM s{i} AS s{i + 1}\nCOPY --from=s{i} /a /b\n"));

    private static string DuplicateStageNames(int bytes)
    {
        const string Line = "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nRUN dotnet publish -o /app\n";
        return new StringBuilder(bytes + Line.Length).Insert(0, Line, bytes / Line.Length + 1).ToString();
    }

    /// <summary>Writes a case's files into <paramref name="folder"/> and makes its special files there.</summary>
    public static void Materialize(Case input, string folder)
    {
        foreach (var (name, text) in input.Files)
        {
            File.WriteAllText(Path.Combine(folder, name), text);
        }

        foreach (var (name, special) in input.Specials)
        {
            var path = Path.Combine(folder, name);
            switch (special)
            {
                case SpecialFile.DanglingLink:
                    File.CreateSymbolicLink(path, Path.Combine(folder, "nowhere"));
                    break;
                case SpecialFile.LinkLoop:
                    File.CreateSymbolicLink(path, path);
                    break;
                case SpecialFile.Directory:
                    System.IO.Directory.CreateDirectory(path);
                    break;
                case SpecialFile.LinkToDevZero:
                    File.CreateSymbolicLink(path, "/dev/zero");
                    break;
                case SpecialFile.Fifo:
                    using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", path))
                    {
                        mkfifo.WaitForExit();
                    }

                    break;
                case SpecialFile.Missing:
                    break;
            }
        }
    }

    /// <summary>The package's analyzers on a compilation whose additional files are the case's, as the compiler runs them.</summary>
    public static async Task<(ImmutableArray<Diagnostic> Diagnostics, List<Exception> Exceptions)> AnalyzeAsync(Case input, ImmutableArray<DiagnosticAnalyzer> analyzers, CancellationToken cancellationToken)
    {
        var files = input.Files.Select(f => (AdditionalText)new InMemoryText(ProjectDirectory + "/" + f.Key, f.Value))
            .Append(new InMemoryText(ProjectDirectory + "/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />"))
            .ToImmutableArray();
        var options = new GlobalOptionsProvider(
            ("build_property.TargetFramework", "net8.0"),
            ("build_property.OutputType", "Exe"),
            ("build_property.UsingMicrosoftNETSdkWeb", "true"),
            ("build_property.AssemblyName", "App"),
            ("build_property.MSBuildProjectFullPath", ProjectDirectory + "/App.csproj"));
        var compilation = CSharpCompilation.Create("App", new[] { CSharpSyntaxTree.ParseText("public static class Program { public static void Main() { } }", cancellationToken: cancellationToken) }, options: new CSharpCompilationOptions(OutputKind.ConsoleApplication));
        var exceptions = new List<Exception>();
        var analyzerOptions = new CompilationWithAnalyzersOptions(new AnalyzerOptions(files, options), (exception, _, _) => exceptions.Add(exception), concurrentAnalysis: false, logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(analyzers, analyzerOptions).GetAnalyzerDiagnosticsAsync(cancellationToken);
        return (diagnostics, exceptions);
    }
}
