using System.Text;
using ContainerAnalyzers.Fixes;
using ContainerAnalyzers.Projects;
using ContainerAnalyzers.Rules;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Tests.Fuzzing;

/// <summary>
/// Generates hostile Dockerfile texts from a seed and runs everything the package runs on them: parse, model, every
/// rule with suppression, and (on a sample) the fix generator, whose output must parse. Shared by the bounded run in
/// the test suite and the long run of the benchmark tool (<c>--fuzz</c>); deterministic for a seed.
/// </summary>
internal sealed class DockerfileFuzzer
{
    private static readonly string[] Fragments =
    {
        "FROM ", "AS ", "RUN ", "COPY --from=", "ENTRYPOINT [\"", "CMD ", "ARG ", "ENV ", "HEALTHCHECK CMD ", "ONBUILD ", "SHELL [\"", "USER ", "EXPOSE ",
        "\\\n", "`\n", "\n", "\r\n", "\r", "\"", "'", "[", "]", "{", "}", "${", "$", ":-", "<<EOF", "<<-'EOF'", "EOF\n", "# escape=`\n", "# syntax=x\n",
        "# containeranalyzers ignore=CTR0010\n", "# hadolint ignore=DL3006\n", "# check=skip=all\n", "\0", "\uFEFF", "\t", " ", "dotnet publish -o ",
        "mcr.microsoft.com/dotnet/sdk:8.0", "mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled", "@sha256:", "--platform=$BUILDPLATFORM ", "=", ",",
    };

    private readonly Random _random;
    private readonly IReadOnlyList<string> _seeds;
    private readonly ProjectFacts _project;

    public DockerfileFuzzer(int seed, IReadOnlyList<string> seeds)
    {
        _random = new Random(seed);
        _seeds = seeds.Count > 0 ? seeds : new[] { "FROM mcr.microsoft.com/dotnet/sdk:8.0\nRUN dotnet publish -o /app\n" };
        var properties = new Dictionary<string, string>
        {
            ["MSBuildProjectFullPath"] = "/repo/src/App/App.csproj", ["MSBuildProjectName"] = "App", ["TargetFramework"] = "net8.0",
            ["OutputType"] = "Exe", ["UsingMicrosoftNETSdkWeb"] = "true",
        };
        _project = ProjectFacts.Create(p => properties.TryGetValue(p, out var v) ? v : null, "/repo/src/App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><PropertyGroup></PropertyGroup></Project>");
    }

    /// <summary>The large, structured inputs that once broke parsers: each must still be handled (in time linear in its size).</summary>
    public static IEnumerable<(string Name, string Text)> PathologicalInputs()
    {
        yield return ("100,000 heredocs", "FROM scratch\n" + string.Concat(Enumerable.Repeat("RUN <<EOF\nx\nEOF\n", 100_000)));
        yield return ("100,000 heredocs on one line", "FROM scratch\nRUN " + string.Concat(Enumerable.Range(0, 100_000).Select(i => "<<E" + i + " ")) + "\n");
        yield return ("unterminated heredoc", "FROM scratch\nRUN <<EOF\n" + new string('x', 1_000_000));
        yield return ("deep continuation", "FROM scratch\nRUN a" + string.Concat(Enumerable.Repeat(" \\\n b", 200_000)));
        yield return ("continuation of comments", "FROM scratch\nRUN a \\\n" + string.Concat(Enumerable.Repeat("# c\n", 200_000)) + "b\n");
        yield return ("1 MB line", "FROM scratch\nRUN " + new string('a', 1_000_000) + "\n");
        yield return ("1 MB unterminated JSON", "FROM scratch\nCMD [\"" + new string('a', 1_000_000));
        yield return ("deeply nested JSON", "FROM scratch\nCMD " + new string('[', 500_000));
        yield return ("deeply nested variables", "ARG A=" + string.Concat(Enumerable.Repeat("${B:-", 50_000)) + "x" + new string('}', 50_000) + "\nFROM ${A}\n");
        yield return ("10,000 stages", string.Concat(Enumerable.Range(0, 10_000).Select(i => $"FROM s{i} AS s{i + 1}\nCOPY --from=s{i} /a /b\n")));
        yield return ("NUL bytes", "FROM scratch\0\nRUN \0\0\0\n" + new string('\0', 100_000));
        yield return ("only escapes", new string('\\', 1_000_000));
        yield return ("carriage returns", string.Concat(Enumerable.Repeat("FROM a\rRUN b\r", 100_000)));
        yield return ("10,000 suppression comments", string.Concat(Enumerable.Repeat("# containeranalyzers ignore=CTR0010\n", 10_000)) + "FROM ubuntu\n");
    }

    public string Next()
    {
        return _random.Next(10) switch
        {
            0 => RandomBytes(),
            1 or 2 => Fragmented(),
            _ => Mutated(),
        };
    }

    /// <summary>Runs the whole pipeline on a text; any exception is a bug.</summary>
    public void Check(string text, bool withFixes, CancellationToken cancellationToken = default)
    {
        var tree = DockerfileParser.Parse(text, cancellationToken);
        if (tree.ToFullString() != text)
        {
            throw new InvalidOperationException("the syntax tree lost text");
        }

        var model = DockerfileModel.Create(tree);
        var analysis = new DockerfileAnalysis(model, _project, hasDockerIgnore: false);
        foreach (var rule in AllRules.DockerfileRules)
        {
            foreach (var finding in rule.Analyze(analysis, cancellationToken))
            {
                if (finding.Span.Start < 0 || finding.Span.End > text.Length)
                {
                    throw new InvalidOperationException($"{finding.Rule.Id} reported outside the text: {finding.Span}");
                }

                foreach (var fix in finding.Fixes.Where(f => f.Target == RuleFixTarget.Dockerfile))
                {
                    _ = fix.ApplyTo(text) ?? throw new InvalidOperationException($"{finding.Rule.Id}'s fix does not apply to the text it was computed on");
                }
            }
        }

        if (withFixes)
        {
            foreach (var fix in DockerfileFixes.GetFixes(text, "/repo/src/App/Dockerfile", _project, cancellationToken))
            {
                DockerfileParser.Parse(fix.NewText, cancellationToken);
            }
        }
    }

    private string RandomBytes()
    {
        var bytes = new byte[_random.Next(0, 2048)];
        _random.NextBytes(bytes);
        return Encoding.UTF8.GetString(bytes);
    }

    private string Fragmented()
    {
        var builder = new StringBuilder();
        var count = _random.Next(1, 200);
        for (var i = 0; i < count; i++)
        {
            builder.Append(Fragments[_random.Next(Fragments.Length)]);
            if (_random.Next(4) == 0)
            {
                builder.Append((char)_random.Next(32, 127));
            }
        }

        return builder.ToString();
    }

    private string Mutated()
    {
        var text = new StringBuilder(_seeds[_random.Next(_seeds.Count)]);
        var edits = _random.Next(1, 12);
        for (var i = 0; i < edits; i++)
        {
            var position = text.Length == 0 ? 0 : _random.Next(text.Length + 1);
            switch (_random.Next(5))
            {
                case 0 when text.Length > 0:
                    text.Remove(Math.Min(position, text.Length - 1), Math.Min(_random.Next(1, 40), text.Length - Math.Min(position, text.Length - 1)));
                    break;
                case 1:
                    text.Insert(position, Fragments[_random.Next(Fragments.Length)]);
                    break;
                case 2 when text.Length > 0:
                    text[Math.Min(position, text.Length - 1)] = (char)_random.Next(0, 128);
                    break;
                case 3 when text.Length > 0:
                    var start = _random.Next(text.Length);
                    var length = Math.Min(_random.Next(1, 200), text.Length - start);
                    text.Insert(position, text.ToString(start, length));
                    break;
                default:
                    text.Insert(position, (char)_random.Next(0, 0x3000));
                    break;
            }
        }

        return text.ToString();
    }
}
