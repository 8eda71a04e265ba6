using System;
using System.Collections.Generic;
using System.Linq;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Semantics;

/// <summary>
/// What an existing Dockerfile says about the folder it is built from: the folder its COPY sources or its dotnet
/// commands resolve to the project in. Facts, read by the rules (CTR0063) and the fixer's layout alike.
/// </summary>
public static class ContextSources
{
    /// <summary>
    /// The folder the existing Dockerfile's build commands name the project from, after a <c>COPY . .</c>:
    /// <c>dotnet publish src/Api/Api.csproj</c> for /repo/src/Api/Api.csproj says /repo. Null when no command names it by
    /// a relative path with a folder, or commands disagree.
    /// </summary>
    public static string? FromBuildCommands(DockerfileModel model, string projectPath)
    {
        string? found = null;
        foreach (var command in model.DotnetRunCommands)
        {
            if (!DotnetCommandLine.IsBuildVerb(command.Verb) || command.ProjectArgument?.Replace('\\', '/') is not { } argument
                || argument.IndexOf('$') >= 0 || argument.StartsWith("/", StringComparison.Ordinal) || argument.IndexOf("..", StringComparison.Ordinal) >= 0)
            {
                continue;
            }

            var relative = argument.StartsWith("./", StringComparison.Ordinal) ? argument.Substring(2) : argument;
            if (relative.IndexOf('/') < 0 || !projectPath.EndsWith("/" + relative, StringComparison.Ordinal))
            {
                continue;
            }

            var context = projectPath.Substring(0, projectPath.Length - relative.Length - 1);
            if (found is not null && found != context)
            {
                return null;
            }

            found = context;
        }

        return found;
    }

    /// <summary>
    /// The folder in which the existing Dockerfile's COPY/ADD sources resolve to the project: a source naming the
    /// project file (<c>COPY src/Api/Api.csproj src/Api/</c>, <c>COPY *.csproj ./</c>) says it for certain; a folder on
    /// the project's path (<c>COPY worker ./</c>) says it too. Null when no source says, or when sources disagree.
    /// </summary>
    public static string? FromCopySources(DockerfileModel model, string projectPath)
    {
        var projectDirectory = PathText.GetDirectory(projectPath);
        var projectFile = PathText.GetFileName(projectPath);
        string? byProjectFile = null, byFolder = null;
        var conflict = false;
        foreach (var copy in model.Syntax.Instructions.OfType<CopyInstructionSyntax>())
        {
            if (copy.From is not null)
            {
                continue;
            }

            foreach (var token in copy.Sources)
            {
                var source = token.Value.Replace('\\', '/');
                while (source.StartsWith("./", StringComparison.Ordinal))
                {
                    source = source.Substring(2);
                }

                source = source.Trim('/');
                if (source.Length == 0 || source == "." || source.IndexOf('$') >= 0 || source.IndexOf("..", StringComparison.Ordinal) >= 0 || source.IndexOf("://", StringComparison.Ordinal) >= 0)
                {
                    continue;
                }

                var slash = source.LastIndexOf('/');
                var folder = slash < 0 ? string.Empty : source.Substring(0, slash);
                var name = source.Substring(slash + 1);
                if (folder.IndexOfAny(new[] { '*', '?', '[' }) >= 0)
                {
                    continue;
                }

                if (name.EndsWith("proj", StringComparison.OrdinalIgnoreCase) && (name.IndexOfAny(new[] { '*', '?', '[' }) >= 0 ? GlobMatches(name, projectFile) : string.Equals(name, projectFile, StringComparison.Ordinal)))
                {
                    Note(ref byProjectFile, Strip(projectDirectory, folder));
                }
                else if (name.IndexOfAny(new[] { '*', '?', '[' }) < 0)
                {
                    // A folder on the project's path (dots are common in .NET folder names): the deepest ancestor of
                    // the project that ends with it. A file's name matches no folder of that path.
                    for (var ancestor = projectDirectory; ancestor.Length > 1; ancestor = PathText.GetDirectory(ancestor))
                    {
                        if (Strip(ancestor, source) is { } candidate)
                        {
                            Note(ref byFolder, candidate);
                            break;
                        }

                        if (PathText.GetDirectory(ancestor) == ancestor)
                        {
                            break;
                        }
                    }
                }
            }
        }

        return conflict ? null : byProjectFile ?? byFolder;

        void Note(ref string? found, string? candidate)
        {
            if (candidate is null)
            {
                return;
            }

            if (found is not null && !string.Equals(found, candidate, StringComparison.Ordinal))
            {
                conflict = true;
            }

            found = candidate;
        }

        // The folder that, joined with the relative path, gives the directory; null when it does not end so.
        static string? Strip(string directory, string relative)
        {
            if (relative.Length == 0)
            {
                return directory;
            }

            var suffix = "/" + relative;
            return directory.EndsWith(suffix, StringComparison.Ordinal) && directory.Length > suffix.Length ? directory.Substring(0, directory.Length - suffix.Length) : null;
        }
    }

    // Docker's COPY wildcards, as Go's filepath.Match reads them: * and ? within a name, [...] classes.
    /// <summary>Whether a name matches a COPY wildcard as Go's filepath.Match reads it.</summary>
    public static bool GlobMatches(string pattern, string name)
    {
        var regex = "^" + System.Text.RegularExpressions.Regex.Escape(pattern).Replace("\\*", "[^/]*").Replace("\\?", "[^/]").Replace("\\[", "[") + "$";
        try
        {
            return System.Text.RegularExpressions.Regex.IsMatch(name, regex, System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>Every source of a COPY or ADD that reads the build context (no --from, not a heredoc or a URL), with its token.</summary>
    public static IEnumerable<(CopyInstructionSyntax Instruction, SyntaxToken Source)> Copied(DockerfileModel model)
    {
        foreach (var instruction in model.Syntax.Instructions)
        {
            if (instruction is not CopyInstructionSyntax copy || copy.From is not null)
            {
                continue;
            }

            for (var i = 0; i < copy.SourceCount; i++)
            {
                var source = copy.Arguments[i];
                var value = source.Value;
                if (value.Length == 0 || value.StartsWith("<<", StringComparison.Ordinal) || value.IndexOf("://", StringComparison.Ordinal) >= 0
                    || value.StartsWith("git@", StringComparison.Ordinal))
                {
                    continue;
                }

                yield return (copy, source);
            }
        }
    }
}
