using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ContainerAnalyzers.Compose;
using ContainerAnalyzers.Images;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0039: the app writes a SQLite database (its code opens it through Microsoft.Data.Sqlite or EF Core and saves,
/// migrates or executes) or a file by a literal path (<c>File.WriteAllText("notes.txt", …)</c>), the folder in the
/// final image is owned by root (WORKDIR made it before USER, or COPY made it), and the container runs as a non-root
/// user. SQLite then fails with "unable to open database file" (SQLite Error 14), or "attempt to write a readonly
/// database" when the file was copied in; a file write throws UnauthorizedAccessException. Reported at the
/// instruction that made the folder.
/// Only when each piece is certain: the connection string (a literal in the code, or the named one in appsettings with
/// no environment, compose or command-line setting that could replace it), the working directory, the user (the
/// Dockerfile's, or the compose services' that run the image), and the folder's owner (<see cref="FolderOwnership"/>);
/// a volume or tmpfs at or above the folder, in the Dockerfile or a compose service, is a way out and silences it.
/// </summary>
public sealed class CTR0039FolderNotWritableRule : DockerfileRule
{
    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0039",
        "The app writes where its user cannot",
        "The app writes '{0}' ({1}), but {2}, and the container runs as '{3}', so {4}; {5}",
        RuleCategories.Runtime,
        RuleSeverity.Warning,
        "A folder WORKDIR makes while the stage is still root, or one COPY makes, belongs to root. A non-root user (the chiseled images' app, USER $APP_UID) can read it but not create files in it: the app's SQLite database (and its journal) or the files it writes there fail at run time.")
    {
        Inputs = RuleInputs.Dockerfile | RuleInputs.Code,
        FixKind = RuleFixKind.Edit,
    };

    public override RuleDescriptor Descriptor => Definition;

    protected internal override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        if (analysis.Model.FinalStage is not { } final || analysis.FinalStageIsSdkJob || !analysis.BuildsThisApp
            || analysis.FinalImage is not { IsWindows: false, Kind: not DotnetImageKind.Sdk } image || final.IsBaseUnknown
            || analysis.ComposeServices is not { } services
            || services.Any(s => s.HasVolumesFromElsewhere || s.HasEnvironmentFromElsewhere || s.WorkingDir is not null || SetsConfiguration(s.Command) || SetsConfiguration(s.Entrypoint))
            || RunningAccount(final, image, services) is not { } account || StageFacts.IsRoot(account)
            || StageFacts.WorkdirBefore(final, null) is not { } workdir
            || StartsWithConfiguration(final))
        {
            return;
        }

        // The code searches are passes over the C# files: they come after everything the Dockerfile can settle.
        // One finding per root-owned folder (at the instruction that made it), and one per shipped file.
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var write in Writes(analysis, final, services))
        {
            var path = StageFacts.CombinePath(workdir, write.Path);
            var folder = PathText.GetDirectory(path) is { Length: > 0 } parent ? parent : "/";
            if (reported.Contains(folder) || reported.Contains(path) || services.Any(s => s.MountsOver(folder)))
            {
                continue;
            }

            var owner = FolderOwnership.Of(final, image, folder);
            if (owner.Kind == FolderOwnerKind.Root)
            {
                reported.Add(folder);
                var fix = services.Any(s => s.User is not null) ? null : MoveUserBefore(analysis.Model.Syntax, final, owner.MadeBy);
                findings.Add(Report(owner.MadeBy?.Span ?? final.From.Span, path, write.What, $"{folder} is owned by root ({MadeBy(owner.MadeBy)})", account, write.Failure,
                        fix is not null ? "switch to the user before WORKDIR makes the folder, so the folder is the user's"
                        : "make the folder the user's (USER before the WORKDIR that makes it, or COPY --chown), or mount a volume there")
                    .With(fixes: fix is null ? Array.Empty<RuleFix>() : new[] { fix }));
            }
            else if (owner.Kind is FolderOwnerKind.Account or FolderOwnerKind.Everyone && ShippedAsRoot(analysis, final, path) is { } shipped)
            {
                // The folder is the user's, but the file itself arrives with the app, and COPY makes it root's (0644).
                reported.Add(path);
                findings.Add(Report(shipped.Copy.Span, path, write.What, $"the file ships with the app (the project copies {shipped.Item} to its output) and {shipped.Copy.Keyword.Value.ToUpperInvariant()} makes it root's", account, write.ReadOnlyFailure,
                        $"copy the app as its user (COPY --chown={account}), or keep the file out of the publish output and let the app create it")
                    .With(fixes: new[] { ChownFix(shipped.Copy, account) }));
            }
        }
    }

    // The publish output copied into the final stage without --chown holds the file the app writes: root's, read-only to the user.
    private static (CopyInstructionSyntax Copy, string Item)? ShippedAsRoot(DockerfileAnalysis analysis, Stage final, string path)
    {
        if (StageFacts.PublishOutputCopy(analysis.Model, final) is not { } output || output.Copy.GetFlag("chown") is not null || output.Copy.GetFlag("chmod") is not null
            || analysis.Project.FilesCopiedToOutput.FirstOrDefault(f => StageFacts.CombinePath(output.Folder, f) == path) is not { } item)
        {
            return null;
        }

        // A later RUN may re-own it; a VOLUME over it is the user's way out.
        var after = final.Instructions.SkipWhile(i => i != output.Copy).Skip(1).ToList();
        return after.Any(i => i.Kind == InstructionKind.Run && FolderOwnership.MayChange(i.LogicalLine, path))
            || after.Any(i => FolderOwnership.VolumeCovers(i, path))
            ? null
            : (output.Copy, item);
    }

    // COPY --chown=<the running user> on the publish output, after its other flags: the app's files become the user's,
    // the shipped file with them.
    private static RuleFix ChownFix(CopyInstructionSyntax copy, string account)
    {
        var at = copy.Flags.Count > 0 ? copy.Flags.Max(f => f.Span.End) : copy.Keyword.Span.End;
        return new RuleFix($"Copy the app as '{account}'", RuleFixTarget.Dockerfile, new SourceSpan(at, 0), string.Empty, " --chown=" + account);
    }

    /// <summary>
    /// What the app certainly writes, as written (relative paths are the working directory's), what it is, and how the
    /// write fails: the SQLite databases it opens and writes to, then the files it writes by a literal path.
    /// </summary>
    private static IEnumerable<(string Path, string What, string Failure, string ReadOnlyFailure)> Writes(DockerfileAnalysis analysis, Stage final, IReadOnlyList<ComposeService> services)
    {
        if (analysis.Source.Sqlite is { Write: { } write } sqlite)
        {
            var environment = ListeningPorts.ContainerEnvironment(analysis.Model, final, services);
            foreach (var opening in sqlite.Openings)
            {
                if (ConnectionString(opening, analysis.AppSettings, environment) is { } connection && SqliteConnectionString.DatabaseFile(connection.Value) is { } file)
                {
                    yield return (file, $"its SQLite database: {connection.Source}, opened by {opening.Call} at {opening.Where} and written by {write}",
                        "SQLite fails with 'unable to open database file'", "SQLite fails with 'attempt to write a readonly database'");
                }
            }
        }

        foreach (var (path, where) in analysis.Source.FileWrites ?? Array.Empty<(string, string)>())
        {
            // A path the container's Linux reads as one: not a Windows path, not the home folder's shorthand.
            if (path.Length > 0 && path.IndexOfAny(new[] { '\\', ':', '~', '$', '%' }) < 0 && !path.EndsWith("/", StringComparison.Ordinal))
            {
                const string Denied = "the write throws UnauthorizedAccessException (access to the path is denied)";
                yield return (path, $"a file its code writes at {where}", Denied, Denied);
            }
        }
    }

    // The user the container runs as: the compose services' user: when they set one (every service, the same value),
    // else the last USER, else the image's own. Null when it is not certain.
    private static string? RunningAccount(Stage final, DotnetImage image, IReadOnlyList<ComposeService> services)
        => !services.Any(s => s.User is not null) ? StageFacts.RunningAccount(final, image, null)
            : services.All(s => s.User is not null) && services.Select(s => s.User!.Resolved).Distinct().Count() == 1 ? StageFacts.RunningAccount(final, image, services[0].User)
            : null;

    private static bool SetsConfiguration(ComposeCommand? command)
        => command is not null && command.Words.Any(w => w.Value.IndexOf("ConnectionStrings", StringComparison.OrdinalIgnoreCase) >= 0);

    // Arguments that set configuration on the command line (--ConnectionStrings:Default=…) replace the files'.
    private static bool StartsWithConfiguration(Stage final)
        => new[] { InstructionKind.Entrypoint, InstructionKind.Cmd }.Any(k => StageFacts.Last(final, k) is { } start && start.LogicalLine.IndexOf("ConnectionStrings", StringComparison.OrdinalIgnoreCase) >= 0);

    /// <summary>
    /// The connection string the opening uses in the container, and where it comes from: a literal of the code, or the
    /// named connection string of configuration as the container's environment and appsettings give it (environment
    /// variables replace appsettings.{Environment}.json, which replaces appsettings.json). Null when not certain.
    /// </summary>
    private static (string Value, string Source)? ConnectionString(SqliteOpening opening, IReadOnlyList<AppSettingsFile> settings, List<KeyValuePair<string, string?>> environment)
    {
        if (opening.ConnectionString is { } literal)
        {
            return (literal, "a connection string in the code");
        }

        if (opening.ConnectionStringName is not { } name)
        {
            return null;
        }

        // ConnectionStrings__Name, a prefixed variant, or Azure's SQLCONNSTR_/CUSTOMCONNSTR_… may replace it.
        var key = "ConnectionStrings__" + name;
        var replacing = environment.Where(v => v.Key.EndsWith(key, StringComparison.OrdinalIgnoreCase) || v.Key.IndexOf("CONNSTR_", StringComparison.OrdinalIgnoreCase) >= 0).ToList();
        if (replacing.Count > 0)
        {
            var last = replacing[replacing.Count - 1];
            return replacing.All(v => v.Key.Equals(key, StringComparison.OrdinalIgnoreCase)) && last.Value is { } value && value.IndexOf('$') < 0
                ? (value, $"connection string '{name}' from the environment variable {key}")
                : null;
        }

        // ASP.NET Core reads appsettings.Production.json unless the environment names another; two names that
        // disagree depend on which one the host reads.
        var names = environment.Where(v => v.Key is "ASPNETCORE_ENVIRONMENT" or "DOTNET_ENVIRONMENT").Select(v => v.Value).Distinct().ToList();
        if (names.Count > 1 || (names.Count == 1 && (names[0] is not { } named || named.IndexOf('$') >= 0)))
        {
            return null;
        }

        var environmentName = names.Count == 1 ? names[0]! : "Production";

        foreach (var file in new[] { environmentName, string.Empty }.Select(e => settings.FirstOrDefault(s => s.Environment.Equals(e, StringComparison.OrdinalIgnoreCase))))
        {
            if (file is null)
            {
                continue;
            }

            if (file.ConnectionStringsUnknown)
            {
                return null;
            }

            if (file.ConnectionStrings.TryGetValue(name, out var value))
            {
                return value is null ? null : (value, $"connection string '{name}' in appsettings{(file.Environment.Length == 0 ? string.Empty : "." + file.Environment)}.json");
            }
        }

        return null;
    }

    private static string MadeBy(InstructionSyntax? instruction) => instruction switch
    {
        null => "a folder of the image",
        { Kind: InstructionKind.Workdir } => "WORKDIR made it while the stage still ran as root",
        _ => $"{instruction.Keyword.Value.ToUpperInvariant()} made it",
    };

    /// <summary>
    /// Moves the USER that sets the running user to just before the WORKDIR that made the folder, when both are in the
    /// same stage and no RUN lies between them (RUNs after the move would run as the user). COPY makes files as root
    /// whoever the user is, so only the folders WORKDIR makes change owner.
    /// </summary>
    private static RuleFix? MoveUserBefore(DockerfileSyntaxTree tree, Stage final, InstructionSyntax? madeBy)
    {
        if (madeBy is not { Kind: InstructionKind.Workdir } workdir || StageFacts.Last(final, InstructionKind.User) is not { } user)
        {
            return null;
        }

        var stage = final.Lineage.FirstOrDefault(s => s.Instructions.Contains(workdir));
        if (stage is null || !stage.Instructions.Contains(user))
        {
            return null;
        }

        var instructions = stage.Instructions.ToList();
        var from = instructions.IndexOf(workdir);
        var to = instructions.IndexOf(user);
        if (to < from || instructions.Skip(from).Take(to - from).Any(i => i.Kind == InstructionKind.Run))
        {
            return null;
        }

        var text = tree.Text;
        var start = workdir.FullSpan.Start;
        var end = user.FullSpan.End;
        var userText = text.Substring(user.FullSpan.Start, user.FullSpan.Length);
        if (!userText.EndsWith("\n", StringComparison.Ordinal))
        {
            userText += NewLines.Of(text);
        }

        var between = text.Substring(start, user.FullSpan.Start - start);
        var newText = userText + between;
        if (end == text.Length && !text.EndsWith("\n", StringComparison.Ordinal))
        {
            newText = newText.TrimEnd('\r', '\n');
        }

        return new RuleFix("Switch to the user before WORKDIR", RuleFixTarget.Dockerfile, new SourceSpan(start, end - start), text.Substring(start, end - start), newText);
    }

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(SourceSpan span, string path, string what, string why, string account, string failure, string advice)
        => new(Definition, span, new[] { path, what, why, account, failure, advice });
}
