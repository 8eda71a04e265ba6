using System.Collections;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Tests.Fuzzing;

namespace ContainerAnalyzers.Benchmarks;

/// <summary>
/// Compares this build's parser with another build of the engine (an older commit) on the corpora, the
/// pathological inputs and fuzzed inputs: every instruction, token value and span, flag, pair, declaration,
/// heredoc, element and diagnostic must be the same. For changes to the parser that must not change its output,
/// such as the memory work of #6. The other engine is loaded in its own load context and read by reflection,
/// so it can be any commit's build.
/// </summary>
internal static class ParserDifferential
{
    public static int Run(string otherEnginePath, int count, int seed, IReadOnlyList<string> seeds)
    {
        var other = new AssemblyLoadContext("other engine").LoadFromAssemblyPath(Path.GetFullPath(otherEnginePath));
        var dumpOther = Dumper(other);
        var dumpThis = Dumper(typeof(DockerfileParser).Assembly);
        var fuzzer = new DockerfileFuzzer(seed, seeds);

        IEnumerable<string> Inputs()
        {
            foreach (var text in seeds)
            {
                yield return text;
            }

            foreach (var (_, text) in DockerfileFuzzer.PathologicalInputs())
            {
                yield return text;
            }

            for (var i = 0; i < count; i++)
            {
                yield return fuzzer.Next();
            }
        }

        var inputs = 0;
        var differences = 0;
        foreach (var text in Inputs())
        {
            inputs++;
            var expected = dumpOther(text);
            var actual = dumpThis(text);
            if (expected != actual && differences++ < 5)
            {
                var name = $"differential-{seed}-{inputs}";
                File.WriteAllText(name + ".txt", text);
                File.WriteAllText(name + ".other.dump", expected);
                File.WriteAllText(name + ".this.dump", actual);
                Console.WriteLine($"DIFFERENT input {inputs}: {name}.txt, dumps in {name}.other.dump and {name}.this.dump");
            }
        }

        Console.WriteLine($"DIFFERENTIAL inputs={inputs} differences={differences} other={otherEnginePath}");
        return differences == 0 ? 0 : 1;
    }

    private static Func<string, string> Dumper(Assembly engine)
    {
        var parse = engine.GetType("ContainerAnalyzers.Syntax.DockerfileParser", throwOnError: true)!.GetMethod("Parse")!;
        return text => Dump(parse.Invoke(null, new object[] { text, CancellationToken.None })!);
    }

    private static string Dump(object tree)
    {
        var dump = new StringBuilder();
        foreach (var diagnostic in Items(tree, "Diagnostics"))
        {
            dump.Append("diagnostic ").Append(diagnostic).Append('\n');
        }

        foreach (var element in Items(tree, "Elements"))
        {
            dump.Append("element ").Append(Read(element, "Kind")).Append(' ').Append(Read(element, "FullSpan")).Append('\n');
        }

        foreach (var instruction in Items(tree, "Instructions"))
        {
            DumpInstruction(dump, instruction, string.Empty);
        }

        return dump.ToString();
    }

    private static void DumpInstruction(StringBuilder dump, object instruction, string indent)
    {
        var keyword = Read(instruction, "Keyword")!;
        dump.Append(indent).Append(Read(instruction, "Kind")).Append(" keyword=").Append(Read(keyword, "Value")).Append('@').Append(Read(keyword, "Span"))
            .Append(" span=").Append(Read(instruction, "Span")).Append(" full=").Append(Read(instruction, "FullSpan"))
            .Append(" arguments=").Append(Read(instruction, "ArgumentsSpan")).Append(" json=").Append(Read(instruction, "IsJsonForm"))
            .Append(" index=").Append(Read(instruction, "Index")).Append(" logical=[").Append(Read(instruction, "LogicalLine")).Append("]\n");
        foreach (var token in Items(instruction, "Arguments"))
        {
            dump.Append(indent).Append("  argument [").Append(Read(token, "Value")).Append("]@").Append(Read(token, "Span")).Append('\n');
        }

        foreach (var flag in Items(instruction, "Flags"))
        {
            dump.Append(indent).Append("  flag [").Append(Read(flag, "Text")).Append("] name=[").Append(Read(flag, "Name")).Append("] value=[")
                .Append(Read(flag, "Value") ?? "<none>").Append("]@").Append(Read(flag, "Span")).Append(" value@").Append(Read(flag, "ValueSpan")).Append('\n');
        }

        foreach (var heredoc in Items(instruction, "Heredocs"))
        {
            dump.Append(indent).Append("  heredoc ").Append(Read(heredoc, "Name")).Append(" chomp=").Append(Read(heredoc, "Chomp")).Append(" expand=").Append(Read(heredoc, "Expand"))
                .Append(" fd=").Append(Read(heredoc, "FileDescriptor")).Append(" body@").Append(Read(heredoc, "BodySpan")).Append(" end@").Append(Read(heredoc, "TerminatorSpan"))
                .Append(" terminated=").Append(Read(heredoc, "IsTerminated")).Append(" [").Append(Read(heredoc, "Content")).Append("]\n");
        }

        foreach (var pair in Items(instruction, "Pairs"))
        {
            dump.Append(indent).Append("  pair ").Append(Read(Read(pair, "Key")!, "Value")).Append('=').Append(Read(Read(pair, "Value")!, "Value")).Append(" legacy=").Append(Read(pair, "IsLegacyForm")).Append('\n');
        }

        foreach (var declaration in Items(instruction, "Declarations"))
        {
            dump.Append(indent).Append("  arg ").Append(Read(declaration, "Name")).Append('=').Append(Read(declaration, "DefaultValue") ?? "<none>").Append('\n');
        }

        if (instruction.GetType().GetProperty("Trigger")?.GetValue(instruction) is { } trigger)
        {
            DumpInstruction(dump, trigger, indent + "  trigger ");
        }
    }

    private static object? Read(object owner, string property) => owner.GetType().GetProperty(property)?.GetValue(owner);

    private static IEnumerable<object> Items(object owner, string property)
        => Read(owner, property) is IEnumerable items ? items.Cast<object>() : Enumerable.Empty<object>();
}
