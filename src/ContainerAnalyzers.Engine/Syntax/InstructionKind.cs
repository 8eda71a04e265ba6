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
    private static readonly System.Collections.Generic.Dictionary<string, InstructionKind> ByKeyword = CreateKeywordTable();

    /// <summary>The kind of a keyword as written, in any case (Dockerfile keywords are case-insensitive), without lower-casing a copy.</summary>
    public static InstructionKind FromKeywordIgnoreCase(string keyword) => ByKeyword.TryGetValue(keyword, out var kind) ? kind : InstructionKind.Unknown;

    private static System.Collections.Generic.Dictionary<string, InstructionKind> CreateKeywordTable()
    {
        var table = new System.Collections.Generic.Dictionary<string, InstructionKind>(System.StringComparer.OrdinalIgnoreCase);
        foreach (var keyword in new[] { "add", "arg", "cmd", "copy", "entrypoint", "env", "expose", "from", "healthcheck", "label", "maintainer", "onbuild", "run", "shell", "stopsignal", "user", "volume", "workdir" })
        {
            table[keyword] = FromKeyword(keyword);
        }

        return table;
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
