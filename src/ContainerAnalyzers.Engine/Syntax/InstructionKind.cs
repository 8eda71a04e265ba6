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
