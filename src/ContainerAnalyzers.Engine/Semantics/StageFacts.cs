using System;
using System.Collections.Generic;
using System.Linq;
using ContainerAnalyzers.Compose;
using ContainerAnalyzers.Images;
using ContainerAnalyzers.Syntax;

namespace ContainerAnalyzers.Semantics;

/// <summary>What a stage's instructions establish for the container that runs it: environment, start command, working directory.</summary>
public static class StageFacts
{
    /// <summary>The ENV pairs of a stage and the stages it builds on, in the order they apply (later ones win).</summary>
    public static IEnumerable<KeyValuePairSyntax> Environment(Stage stage)
        => stage.Lineage.Reverse().SelectMany(s => s.Instructions).OfType<KeyValueInstructionSyntax>()
            .Where(i => i.Kind == InstructionKind.Env).SelectMany(i => i.Pairs);

    /// <summary>The value an ENV variable ends with in the stage, or null when it is not set there.</summary>
    public static string? GetEnvironment(Stage stage, string name)
        => Environment(stage).LastOrDefault(p => string.Equals(p.Key.Value, name, StringComparison.Ordinal))?.Value.Value;

    /// <summary>The account of a USER value: <c>app</c> of <c>app:app</c>.</summary>
    public static string Account(string user) => user.Split(':')[0].Trim();

    /// <summary>Whether an account is the .NET images' own non-root user: <c>app</c>, its uid 1654, or <c>$APP_UID</c>.</summary>
    public static bool IsImageAppUser(string account) => account is "app" or "1654" or "$APP_UID" or "${APP_UID}";

    /// <summary>
    /// The account of a USER value when it is certain: <c>app</c> for the .NET images' own user however it is written
    /// (<c>app</c>, <c>1654</c>, <c>$APP_UID</c>), the account as written otherwise; null for any other variable or none.
    /// </summary>
    public static string? LiteralAccount(string user)
    {
        var account = Account(user);
        return IsImageAppUser(account) ? "app" : account.Length == 0 || account.IndexOf('$') >= 0 ? null : account;
    }

    /// <summary>
    /// The account a container of the stage runs as (<see cref="LiteralAccount"/>): a compose service's <c>user:</c>
    /// when it sets one, else the last USER, else the image's own user (app on the chiseled and distroless images, root
    /// otherwise). Null when it is not certain: an interpolated <c>user:</c>, a variable, or an image that is not .NET.
    /// </summary>
    public static string? RunningAccount(Stage stage, DotnetImage? image, ComposeValue? composeUser)
    {
        var user = composeUser is not null ? composeUser.Resolved
            : Last(stage, InstructionKind.User) is { } instruction ? (instruction.Arguments.Count > 0 ? instruction.Arguments[0].Value : string.Empty)
            : image is null ? null
            : image.RunsAsNonRootByDefault ? "app" : "root";
        return user is null ? null : LiteralAccount(user);
    }

    /// <summary>Whether a USER value names root, by name or uid.</summary>
    public static bool IsRoot(string user) => Account(user) is "root" or "0";

    /// <summary>The last instruction of a kind in the stage's lineage (the one that takes effect), e.g. ENTRYPOINT.</summary>
    public static InstructionSyntax? Last(Stage stage, InstructionKind kind)
    {
        foreach (var ancestor in stage.Lineage)
        {
            for (var i = ancestor.Instructions.Count - 1; i >= 0; i--)
            {
                if (ancestor.Instructions[i].Kind == kind)
                {
                    return ancestor.Instructions[i];
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The words of an ENTRYPOINT or CMD: the exec-form strings, or a shell command's words when it is a plain word
    /// list. Null when the shell command uses syntax whose words cannot be known without running a shell.
    /// </summary>
    public static IReadOnlyList<string>? Words(InstructionSyntax instruction)
    {
        if (instruction.IsJsonForm)
        {
            return instruction.Arguments.Select(a => a.Value).ToArray();
        }

        if (instruction.Arguments.Count == 0)
        {
            return null;
        }

        var command = instruction.Arguments[0].Value;
        if (command.IndexOfAny(new[] { '$', '`', '|', '&', ';', '<', '>', '(', ')', '*', '?' }) >= 0)
        {
            return null;
        }

        var commands = DotnetCommandLine.SplitCommands(command).ToArray();
        return commands.Length == 1 ? commands[0] : null;
    }

    /// <summary>
    /// The words of a shell command that is a plain word list: no quotes, variables, operators, globs or brackets,
    /// and no leading <c>NAME=value</c> assignment. Only then does the exec form <c>["w1", "w2"]</c> mean the same.
    /// </summary>
    public static string[]? PlainWords(string command)
    {
        if (command.IndexOfAny(PlainWordBreakers) >= 0)
        {
            return null;
        }

        var words = command.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 || words[0].IndexOf('=') >= 0 ? null : words;
    }

    private static readonly char[] PlainWordBreakers = { '$', '\'', '"', '`', '\\', '|', '&', ';', '<', '>', '(', ')', '*', '?', '~', '{', '}', '#', '[', ']', '\n', '\r' };

    /// <summary>The WORKDIR in effect just before an instruction of the stage, when every WORKDIR on the way is literal.</summary>
    public static string? WorkdirBefore(Stage stage, InstructionSyntax? instruction)
    {
        var directory = "/";
        foreach (var ancestor in stage.Lineage.Reverse())
        {
            foreach (var item in ancestor.Instructions)
            {
                if (item == instruction)
                {
                    return directory;
                }

                if (item.Kind == InstructionKind.Workdir)
                {
                    var value = item.Arguments.Count > 0 ? item.Arguments[0].Value : string.Empty;
                    if (value.Length == 0 || value.IndexOf('$') >= 0)
                    {
                        return null;
                    }

                    directory = CombinePath(directory, value);
                }
            }
        }

        return instruction is null ? directory : null;
    }

    /// <summary>A container path joined and normalised (forward slashes, no <c>.</c> or <c>..</c>).</summary>
    public static string CombinePath(string directory, string path)
    {
        var full = path.StartsWith("/", StringComparison.Ordinal) ? path : directory.TrimEnd('/') + "/" + path;
        var segments = new List<string>();
        foreach (var segment in full.Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }

                continue;
            }

            segments.Add(segment);
        }

        return "/" + string.Join("/", segments);
    }

    /// <summary>
    /// Whether <paramref name="word"/> stands in <paramref name="text"/> as a word of its own: neither neighbour is a
    /// character <paramref name="isNameCharacter"/> counts as part of a name (so "curl" is not in "libcurl4").
    /// </summary>
    public static bool MentionsWord(string text, string word, Func<char, bool> isNameCharacter)
    {
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + word.Length, StringComparison.Ordinal))
        {
            var before = at == 0 ? ' ' : text[at - 1];
            var after = at + word.Length >= text.Length ? ' ' : text[at + word.Length];
            if (!isNameCharacter(before) && !isNameCharacter(after))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The COPY and ADD instructions that read the context in a stage and the stages it builds on, before an instruction of it.</summary>
    public static List<CopyInstructionSyntax> ContextCopiesBefore(Stage stage, InstructionSyntax before)
    {
        var copies = new List<CopyInstructionSyntax>();
        foreach (var ancestor in stage.Lineage.Reverse())
        {
            foreach (var instruction in ancestor.Instructions)
            {
                if (instruction == before)
                {
                    return copies;
                }

                if (instruction is CopyInstructionSyntax { From: null } copy && instruction.Kind is InstructionKind.Copy or InstructionKind.Add)
                {
                    copies.Add(copy);
                }
            }
        }

        return copies;
    }

    /// <summary>
    /// Where the publish output lands in the final image: the folder of the final stage's only COPY --from a stage
    /// that publishes with a literal <c>-o</c>, when it copies exactly that folder. Null whenever it is less certain.
    /// </summary>
    public static string? PublishOutputIn(DockerfileModel model, Stage final) => PublishOutputCopy(model, final)?.Folder;

    /// <summary>The COPY of <see cref="PublishOutputIn"/>, with the folder the publish output lands in.</summary>
    public static (string Folder, CopyInstructionSyntax Copy)? PublishOutputCopy(DockerfileModel model, Stage final)
    {
        var copies = final.Instructions.OfType<CopyInstructionSyntax>().Where(c => c.From is not null).ToArray();
        if (copies.Length != 1 || copies[0].From?.Value is not { } from || model.FindStage(from, final.Index) is not { } builder
            || copies[0].Sources.ToArray() is not { Length: 1 } sources || copies[0].Destination is not { } destination)
        {
            return null;
        }

        var publish = model.DotnetCommandsInLineage(builder, "publish").LastOrDefault();
        if (publish?.GetOption("-o", "--output") is not { } output || output.IndexOf('$') >= 0
            || WorkdirBefore(builder, publish.Instruction) is not { } builderWorkdir
            || WorkdirBefore(final, copies[0]) is not { } finalWorkdir
            || sources[0].Value.IndexOf('$') >= 0 || destination.Value.IndexOf('$') >= 0)
        {
            return null;
        }

        var published = CombinePath(builderWorkdir, output);
        var copied = CombinePath(builderWorkdir, sources[0].Value);
        return string.Equals(published, copied, StringComparison.Ordinal) ? (CombinePath(finalWorkdir, destination.Value), copies[0]) : null;
    }
}
