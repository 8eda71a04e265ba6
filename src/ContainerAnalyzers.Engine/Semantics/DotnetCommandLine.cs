using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Semantics;

/// <summary>
/// One <c>dotnet &lt;verb&gt; …</c> command with its arguments split into words, read from a RUN, CMD or
/// ENTRYPOINT (shell form, exec form or heredoc). Words that hold shell syntax the reader does not follow
/// (variables, substitutions) are kept verbatim; callers treat a word containing <c>$</c> as unknown.
/// </summary>
public sealed class DotnetCommandLine
{
    private static readonly HashSet<string> OptionsWithValue = new(StringComparer.Ordinal)
    {
        "-f", "--framework", "-c", "--configuration", "-r", "--runtime", "-a", "--arch", "--os", "-o", "--output",
        "-v", "--verbosity", "-s", "--source", "--packages", "--version-suffix", "--manifest", "-p", "--property",
        "--launch-profile", "--project", "--property:", "-e", "--environment", "--urls", "--artifacts-path",
    };

    private static readonly string[] PropertyPrefixes = { "-p:", "/p:", "--property:", "-property:", "/property:" };
    private static readonly string[] SelfContainedProperties = { "PublishAot", "SelfContained", "PublishSelfContained" };

    // Where the verb and each argument are written in the file (index 0 is the verb); null when the command is read
    // from text whose positions are not the file's (a heredoc, a command inside sh -c "…").
    private readonly SourceSpan[]? _spans;

    private DotnetCommandLine(InstructionSyntax instruction, string verb, IReadOnlyList<string> arguments, IReadOnlyList<string>? writtenArguments = null, SourceSpan[]? spans = null)
    {
        Instruction = instruction;
        Verb = verb;
        Arguments = arguments;
        WrittenArguments = writtenArguments ?? arguments;
        _spans = spans;
    }

    /// <summary>Where the verb is written in the file; null when the command's words have no place of their own there.</summary>
    public SourceSpan? VerbSpan => _spans?[0];

    /// <summary>Where an argument is written in the file (with its quotes); null when unknown (see <see cref="VerbSpan"/>).</summary>
    public SourceSpan? ArgumentSpan(int index) => _spans is { } spans && index >= 0 && index + 1 < spans.Length ? spans[index + 1] : null;

    public InstructionSyntax Instruction { get; }

    /// <summary>Lower-cased verb: <c>publish</c>, <c>restore</c>, <c>run</c>…</summary>
    public string Verb { get; }

    /// <summary>
    /// The words after the verb, up to the end of the command (<c>&amp;&amp;</c>, <c>;</c>, <c>|</c>), with the variables
    /// whose value the Dockerfile gives (ARG defaults, ENV) expanded.
    /// </summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>The same words as written, variables unexpanded.</summary>
    public IReadOnlyList<string> WrittenArguments { get; }

    /// <summary>The project or solution argument: the first word that is neither an option nor an option's value.</summary>
    public string? ProjectArgument
    {
        get
        {
            for (var i = 0; i < Arguments.Count; i++)
            {
                var word = Arguments[i];
                if (word.StartsWith("-", StringComparison.Ordinal) || word.StartsWith("/p:", StringComparison.OrdinalIgnoreCase))
                {
                    if (OptionsWithValue.Contains(word))
                    {
                        i++;
                    }

                    continue;
                }

                // A project named by a variable ($PROJECT) marks a Dockerfile shared by several projects, each built with
                // its own --build-arg: the default is a placeholder, not the project this file builds.
                return WrittenArguments[i];
            }

            return null;
        }
    }

    /// <summary>
    /// The MSBuild properties the command sets, each as one word as written: <c>/p:Name=Value</c>, <c>-p:Name=Value</c>,
    /// <c>--property:Name=Value</c>, and <c>-p Name=Value</c> (returned as <c>-p:Name=Value</c>).
    /// </summary>
    public IReadOnlyList<string> WrittenProperties()
    {
        var properties = new List<string>();
        for (var i = 0; i < WrittenArguments.Count; i++)
        {
            var word = WrittenArguments[i];
            if (PropertyPrefixes.Any(p => word.StartsWith(p, StringComparison.OrdinalIgnoreCase)) && word.IndexOf('=') > 0)
            {
                properties.Add(word);
            }
            else if ((word == "-p" || word == "--property") && i + 1 < WrittenArguments.Count && WrittenArguments[i + 1].IndexOf('=') > 0)
            {
                properties.Add("-p:" + WrittenArguments[++i]);
            }
        }

        return properties;
    }

    /// <summary>The value of an option (<c>-f net8.0</c>, <c>--framework=net8.0</c>, <c>-fnet8.0</c> is not accepted by the CLI either).</summary>
    public string? GetOption(params string[] names)
    {
        string? value = null;
        for (var i = 0; i < Arguments.Count; i++)
        {
            var word = Arguments[i];
            foreach (var name in names)
            {
                if (word == name && i + 1 < Arguments.Count)
                {
                    value = Arguments[i + 1];
                }
                else if (word.Length > name.Length && (word[name.Length] == '=' || (word[name.Length] == ':' && name.Length > 0 && name[0] == '-')) && word.StartsWith(name, StringComparison.Ordinal))
                {
                    value = word.Substring(name.Length + 1);
                }
            }
        }

        return value;
    }

    public bool HasFlag(params string[] names) => Arguments.Any(a => names.Contains(a, StringComparer.Ordinal));

    /// <summary>An MSBuild property set on the command line (<c>-p:Name=Value</c>, <c>/p:Name=Value</c>, <c>--property:Name=Value</c>, <c>-p Name=Value</c>).</summary>
    public string? GetProperty(string name)
    {
        string? value = null;
        for (var i = 0; i < Arguments.Count; i++)
        {
            var word = Arguments[i];
            string? assignments = null;
            foreach (var prefix in PropertyPrefixes)
            {
                if (word.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    assignments = word.Substring(prefix.Length);
                }
            }

            if (assignments is null && (word == "-p" || word == "--property") && i + 1 < Arguments.Count)
            {
                assignments = Arguments[++i];
            }

            if (assignments is null)
            {
                continue;
            }

            foreach (var assignment in assignments.Split(';'))
            {
                var equals = assignment.IndexOf('=');
                if (equals > 0 && string.Equals(assignment.Substring(0, equals).Trim(), name, StringComparison.OrdinalIgnoreCase))
                {
                    value = assignment.Substring(equals + 1).Trim().Trim('"');
                }
            }
        }

        return value;
    }

    /// <summary>
    /// Whether the command publishes self-contained: <c>--self-contained [true|false]</c>, <c>--sc</c>,
    /// <c>--no-self-contained</c>, or the SelfContained / PublishSelfContained / PublishAot properties. Null when it does not say.
    /// </summary>
    public bool? SelfContained
    {
        get
        {
            for (var i = 0; i < Arguments.Count; i++)
            {
                var word = Arguments[i];
                if (word is "--self-contained" or "--sc")
                {
                    return !(i + 1 < Arguments.Count && string.Equals(Arguments[i + 1], "false", StringComparison.OrdinalIgnoreCase));
                }

                if (word is "--self-contained=false" or "--sc=false" or "--no-self-contained")
                {
                    return false;
                }

                if (word is "--self-contained=true" or "--sc=true")
                {
                    return true;
                }
            }

            foreach (var property in SelfContainedProperties)
            {
                if (GetProperty(property) is { } value)
                {
                    return string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
                }
            }

            return null;
        }
    }

    /// <summary>The verbs that compile the app: the image running them is a build image.</summary>
    public static bool IsBuildVerb(string verb) => verb is "restore" or "build" or "publish" or "msbuild";

    /// <summary><c>dotnet</c> or <c>dotnet.exe</c>, by itself or at the end of a Linux or Windows path.</summary>
    internal static bool IsDotnetExecutable(string word)
        => EndsWithFileName(word, "dotnet", StringComparison.Ordinal) || EndsWithFileName(word, "dotnet.exe", StringComparison.OrdinalIgnoreCase);

    private static bool EndsWithFileName(string word, string fileName, StringComparison comparison)
        => word.EndsWith(fileName, comparison)
            && (word.Length == fileName.Length || word[word.Length - fileName.Length - 1] is '/' or '\\');

    /// <summary>
    /// Every <c>dotnet &lt;verb&gt;</c> command an instruction runs: the one scanner of the engine. Rules and the fix
    /// generator ask the model's index (<see cref="DockerfileModel.DotnetCommandsOf"/>), which calls this once per instruction.
    /// </summary>
    internal static IReadOnlyList<DotnetCommandLine> Find(InstructionSyntax instruction, Func<string, VariableValue>? variables = null)
    {
        var commands = new List<DotnetCommandLine>();
        FindCommands(instruction, commands);
        if (variables is null || (instruction.IsJsonForm && !IsShellCommandInExecForm(instruction, out _)))
        {
            // The exec form runs no shell: "$CONFIGURATION" reaches dotnet as it is written.
            return commands;
        }

        // The shell expands the variables the build gives it: a word whose value is known takes it; any other keeps its
        // '$', which callers read as unknown.
        for (var i = 0; i < commands.Count; i++)
        {
            commands[i] = commands[i].Expand(variables);
        }

        return commands;
    }

    private DotnetCommandLine Expand(Func<string, VariableValue> variables)
    {
        string[]? expanded = null;
        for (var i = 0; i < Arguments.Count; i++)
        {
            var word = Arguments[i];
            if (word.IndexOf('$') >= 0 && WordExpander.Expand(word, '\\', variables) is { } value)
            {
                (expanded ??= Arguments.ToArray())[i] = value;
            }
        }

        return expanded is null ? this : new DotnetCommandLine(Instruction, Verb, expanded, Arguments, _spans);
    }

    /// <summary>
    /// Every simple command a RUN, CMD or ENTRYPOINT gives a shell (shell form, <c>["sh", "-c", "…"]</c>, heredocs, and
    /// <c>sh -c "…"</c> inside them), as words with quotes removed: the same reading as the dotnet commands', for rules
    /// that look at other commands. An exec form that runs no shell gives none.
    /// </summary>
    public static IEnumerable<IReadOnlyList<string>> ShellCommandsOf(InstructionSyntax instruction)
    {
        if (instruction.IsJsonForm && !IsShellCommandInExecForm(instruction, out _))
        {
            yield break;
        }

        foreach (var (words, _) in Commands(instruction))
        {
            yield return words;
        }
    }

    /// <summary>
    /// Every simple command an instruction runs, with where each of its words is written in the file (null when the
    /// words are not the file's: a heredoc, sh -c "…"): the shell form's text (through the logical line's join), its
    /// heredocs, sh -c inside either, and the exec form (its strings, or the command it hands to a shell). The function
    /// reads the command's positions before the next command is asked for.
    /// </summary>
    private static IEnumerable<(IReadOnlyList<string> Words, Func<int, SourceSpan>? SpanOf)> Commands(InstructionSyntax instruction)
    {
        if (instruction.IsJsonForm)
        {
            if (IsShellCommandInExecForm(instruction, out var command))
            {
                foreach (var inShell in InShell(instruction, command, depth: 0, positionBase: -1))
                {
                    yield return inShell;
                }
            }
            else
            {
                var tokens = instruction.Arguments;
                yield return (tokens.Select(a => a.Value).ToList(), i => tokens[i].Span);
            }

            yield break;
        }

        foreach (var argument in instruction.Arguments)
        {
            // The shell text is a range of the logical line: its words map back to the file through the join.
            foreach (var inShell in InShell(instruction, argument.Value, depth: 0, positionBase: instruction.LogicalIndexOf(argument.Span.Start)))
            {
                yield return inShell;
            }
        }

        foreach (var heredoc in instruction.Heredocs)
        {
            foreach (var inShell in InShell(instruction, heredoc.Content, depth: 0, positionBase: -1))
            {
                yield return inShell;
            }
        }
    }

    /// <param name="positionBase">Where <paramref name="text"/> starts in the instruction's logical line; -1 when it is not there.</param>
    private static IEnumerable<(IReadOnlyList<string> Words, Func<int, SourceSpan>? SpanOf)> InShell(InstructionSyntax instruction, string text, int depth, int positionBase)
    {
        var bounds = positionBase >= 0 ? new List<int>() : null;
        foreach (var segment in Split(text, bounds))
        {
            // sh -c "dotnet publish …" (or bash -lc …) hides a shell command in one quoted word: read it as shell text.
            if (depth < 2 && IsShellWithCommand(segment, out var inner))
            {
                foreach (var nested in InShell(instruction, inner, depth + 1, positionBase: -1))
                {
                    yield return nested;
                }

                continue;
            }

            yield return (segment, bounds is null ? null : i => instruction.SpanOfLogical(positionBase + bounds[2 * i], positionBase + bounds[(2 * i) + 1]));
        }
    }

    // ["/bin/sh", "-c", "dotnet publish …"]: the exec form hands a shell command to a shell, recognised as in shell form.
    private static bool IsShellCommandInExecForm(InstructionSyntax instruction, out string command)
        => IsShellWithCommand(instruction.Arguments.Select(a => a.Value).ToList(), out command);

    private static void FindCommands(InstructionSyntax instruction, List<DotnetCommandLine> commands)
    {
        foreach (var (words, spanOf) in Commands(instruction))
        {
            FindInWords(instruction, words, commands, spanOf);
        }
    }

    private static bool IsShellWithCommand(IReadOnlyList<string> words, out string command)
    {
        command = string.Empty;
        if (words.Count < 3 || words[0] is not ("sh" or "/bin/sh" or "bash" or "/bin/bash" or "/usr/bin/env"))
        {
            return false;
        }

        var first = words[0] == "/usr/bin/env" ? 1 : 0;
        if (first == 1 && (words.Count < 4 || words[1] is not ("sh" or "bash")))
        {
            return false;
        }

        for (var i = first + 1; i + 1 < words.Count; i++)
        {
            var word = words[i];
            if (word.Length > 1 && word[0] == '-' && word[1] != '-' && word.IndexOf('c') > 0)
            {
                command = words[i + 1];
                return true;
            }

            if (word.Length == 0 || word[0] != '-')
            {
                return false;
            }
        }

        return false;
    }

    private static void FindInWords(InstructionSyntax instruction, IReadOnlyList<string> words, List<DotnetCommandLine> commands, Func<int, SourceSpan>? spanOf)
    {
        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (!IsDotnetExecutable(words[i]))
            {
                continue;
            }

            var verb = words[i + 1];
            if (verb.Length == 0 || !char.IsLetter(verb[0]))
            {
                continue;
            }

            SourceSpan[]? spans = null;
            if (spanOf is not null)
            {
                spans = new SourceSpan[words.Count - i - 1];
                for (var k = 0; k < spans.Length; k++)
                {
                    spans[k] = spanOf(i + 1 + k);
                }
            }

            commands.Add(new DotnetCommandLine(instruction, verb.ToLowerInvariant(), words.Skip(i + 2).ToArray(), spans: spans));
            return;
        }
    }

    /// <summary>Splits shell text into simple commands (at <c>&amp;&amp;</c>, <c>||</c>, <c>;</c>, <c>|</c>, newlines) and each into words, honouring quotes.</summary>
    internal static IEnumerable<IReadOnlyList<string>> SplitCommands(string text) => Split(text, bounds: null);

    /// <param name="text">Shell text.</param>
    /// <param name="bounds">
    /// When given, refilled for each command yielded with the start and end of each of its words in the text (two entries
    /// per word, the quotes included), read before the next command is asked for.
    /// </param>
    private static IEnumerable<IReadOnlyList<string>> Split(string text, List<int>? bounds)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        var wordStart = 0;
        char quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else if (c == '$' && quote == '\'')
                {
                    // The shell does not expand inside single quotes: escape it, so a later expansion leaves it as it is.
                    word.Append('\\').Append(c);
                }
                else if (c == '\\' && quote == '"' && i + 1 < text.Length && text[i + 1] is '"' or '\\' or '`' or '$' or '\n')
                {
                    // Inside double quotes a backslash escapes these (POSIX): \" does not end the word, and \$ stays unexpanded.
                    var escaped = text[++i];
                    if (escaped == '$')
                    {
                        word.Append('\\');
                    }

                    if (escaped != '\n')
                    {
                        word.Append(escaped);
                    }
                }
                else
                {
                    word.Append(c);
                }

                continue;
            }

            if (c is '"' or '\'')
            {
                Start(i);
                quote = c;
                continue;
            }

            if (c == '\\' && i + 1 < text.Length)
            {
                if (text[i + 1] == '\n')
                {
                    i++;
                    continue;
                }

                Start(i);
                word.Append(text[++i]);
                continue;
            }

            if (c is ';' or '&' or '|' or '\n' or '(' or ')' or '`')
            {
                Flush(i);
                if (words.Count > 0)
                {
                    yield return words.ToArray();
                    words.Clear();
                    bounds?.Clear();
                }

                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                Flush(i);
                continue;
            }

            Start(i);
            word.Append(c);
        }

        Flush(text.Length);
        if (words.Count > 0)
        {
            yield return words.ToArray();
        }

        void Start(int at)
        {
            if (!inWord)
            {
                inWord = true;
                wordStart = at;
            }
        }

        void Flush(int end)
        {
            if (inWord)
            {
                words.Add(word.ToString());
                bounds?.Add(wordStart);
                bounds?.Add(end);
                word.Clear();
                inWord = false;
            }
        }
    }
}
