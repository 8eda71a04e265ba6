using System;
using System.Collections.Generic;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Semantics;

/// <summary>A <c>dotnet &lt;verb&gt;</c> invocation found in a RUN, CMD or ENTRYPOINT.</summary>
public sealed class DotnetInvocation
{
    public DotnetInvocation(string verb, SourceSpan span)
    {
        Verb = verb;
        Span = span;
    }

    /// <summary>Lower-cased: <c>publish</c>, <c>restore</c>, <c>run</c>…</summary>
    public string Verb { get; }

    /// <summary>From <c>dotnet</c> to the end of the verb, in the original text.</summary>
    public SourceSpan Span { get; }
}

/// <summary>Finds the .NET CLI commands an instruction runs, in shell form, exec form and heredoc bodies.</summary>
public static class DotnetCommands
{
    /// <summary>The verbs that compile the app: the image running them is a build image.</summary>
    public static bool IsBuildVerb(string verb) => verb is "restore" or "build" or "publish" or "msbuild";

    public static IEnumerable<DotnetInvocation> Find(InstructionSyntax instruction)
    {
        if (instruction.IsJsonForm)
        {
            var arguments = instruction.Arguments;
            for (var i = 0; i + 1 < arguments.Count; i++)
            {
                if (IsDotnetExecutable(arguments[i].Value))
                {
                    var verb = FirstWord(arguments[i + 1].Value, 0, out _);
                    if (verb is not null)
                    {
                        yield return new DotnetInvocation(verb.ToLowerInvariant(), SourceSpan.FromBounds(arguments[i].Span.Start, arguments[i + 1].Span.End));
                    }
                }
            }

            // ["/bin/sh", "-c", "dotnet publish …"] hides a shell command in one argument.
            foreach (var argument in arguments)
            {
                foreach (var invocation in FindInText(argument.Value, argument.Span))
                {
                    yield return invocation;
                }
            }

            yield break;
        }

        foreach (var argument in instruction.Arguments)
        {
            foreach (var invocation in FindInText(argument.Value, argument.Span))
            {
                yield return invocation;
            }
        }

        foreach (var heredoc in instruction.Heredocs)
        {
            foreach (var invocation in FindInText(heredoc.Content, heredoc.BodySpan))
            {
                yield return invocation;
            }
        }
    }

    /// <summary><c>dotnet</c> or <c>dotnet.exe</c>, by itself or at the end of a Linux or Windows path.</summary>
    internal static bool IsDotnetExecutable(string word)
        => EndsWithFileName(word, "dotnet", StringComparison.Ordinal) || EndsWithFileName(word, "dotnet.exe", StringComparison.OrdinalIgnoreCase);

    private static bool EndsWithFileName(string word, string fileName, StringComparison comparison)
        => word.EndsWith(fileName, comparison)
            && (word.Length == fileName.Length || word[word.Length - fileName.Length - 1] is '/' or '\\');

    /// <summary>
    /// Scans shell text for the word <c>dotnet</c> in command position followed by a verb. The span is the whole
    /// argument: a shell command's joined text does not map character by character onto continuation lines.
    /// </summary>
    private static IEnumerable<DotnetInvocation> FindInText(string text, SourceSpan span)
    {
        var index = 0;
        while ((index = text.IndexOf("dotnet", index, StringComparison.Ordinal)) >= 0)
        {
            var end = index + "dotnet".Length;
            var startsWord = index == 0 || IsCommandBoundary(text[index - 1]);
            if (end < text.Length && text[end] == '.' && end + 3 < text.Length + 1 && text.Substring(end).StartsWith(".exe", StringComparison.OrdinalIgnoreCase))
            {
                end += 4;
            }

            var endsWord = end < text.Length && char.IsWhiteSpace(text[end]);
            if (startsWord && endsWord)
            {
                var verb = FirstWord(text, end, out _);
                if (verb is not null && verb.Length > 0 && char.IsLetter(verb[0]))
                {
                    yield return new DotnetInvocation(verb.ToLowerInvariant(), span);
                }
            }

            index = end;
        }
    }

    private static bool IsCommandBoundary(char c) => char.IsWhiteSpace(c) || c is ';' or '&' or '|' or '(' or '`' or '"' or '\'' or '/' or '{';

    private static string? FirstWord(string text, int start, out int end)
    {
        var position = start;
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }

        var wordStart = position;
        while (position < text.Length && !char.IsWhiteSpace(text[position]) && text[position] is not ';' and not '&' and not '|' and not ')' and not '"' and not '\'')
        {
            position++;
        }

        end = position;
        return position > wordStart ? text.Substring(wordStart, position - wordStart) : null;
    }
}
