namespace ContainerAnalyzers.Syntax;

public enum InstructionKind
{
    Unknown,
    Add,
    Arg,
    Cmd,
    Copy,
    Entrypoint,
    Env,
    Expose,
    From,
    Healthcheck,
    Label,
    Maintainer,
    Onbuild,
    Run,
    Shell,
    StopSignal,
    User,
    Volume,
    Workdir,
}

internal static class InstructionKinds
{
    // The keywords in lower case. A scan, not a dictionary of the enum: the framework's dictionary code over a value
    // type is JIT-compiled in every fresh compiler process, and the length test leaves one or two comparisons.
    private static readonly string[] Keywords =
    {
        "add", "arg", "cmd", "copy", "entrypoint", "env", "expose", "from", "healthcheck", "label", "maintainer", "onbuild", "run",
        "shell", "stopsignal", "user", "volume", "workdir",
    };

    /// <summary>The kind of a keyword as written, in any case (Dockerfile keywords are case-insensitive), without lower-casing a copy.</summary>
    public static InstructionKind FromKeywordIgnoreCase(string keyword)
    {
        foreach (var candidate in Keywords)
        {
            if (candidate.Length == keyword.Length && string.Equals(candidate, keyword, System.StringComparison.OrdinalIgnoreCase))
            {
                return FromKeyword(candidate);
            }
        }

        return InstructionKind.Unknown;
    }

    public static InstructionKind FromKeyword(string lowerCaseKeyword) => lowerCaseKeyword switch
    {
        "add" => InstructionKind.Add,
        "arg" => InstructionKind.Arg,
        "cmd" => InstructionKind.Cmd,
        "copy" => InstructionKind.Copy,
        "entrypoint" => InstructionKind.Entrypoint,
        "env" => InstructionKind.Env,
        "expose" => InstructionKind.Expose,
        "from" => InstructionKind.From,
        "healthcheck" => InstructionKind.Healthcheck,
        "label" => InstructionKind.Label,
        "maintainer" => InstructionKind.Maintainer,
        "onbuild" => InstructionKind.Onbuild,
        "run" => InstructionKind.Run,
        "shell" => InstructionKind.Shell,
        "stopsignal" => InstructionKind.StopSignal,
        "user" => InstructionKind.User,
        "volume" => InstructionKind.Volume,
        "workdir" => InstructionKind.Workdir,
        _ => InstructionKind.Unknown,
    };
}
