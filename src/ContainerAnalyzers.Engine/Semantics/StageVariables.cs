using System;
using System.Collections.Generic;
using ContainerAnalyzers.Syntax;

namespace ContainerAnalyzers.Semantics;

/// <summary>
/// The build arguments and environment variables a command sees, instruction by instruction, as BuildKit scopes them:
/// <list type="bullet">
/// <item>a global ARG (before the first FROM) is visible in a stage only when the stage declares it again, and then
/// takes the global default unless the stage gives its own;</item>
/// <item>a stage ARG is visible from its declaration to the end of the stage, and is not inherited by a stage built
/// on it (<c>FROM build AS final</c>); ENV is, and ENV wins over an ARG of the same name;</item>
/// <item>a default is the value (the build without <c>--build-arg</c>); an ARG without one, a platform argument
/// (TARGETARCH…) and a variable the Dockerfile never declares (the base image's ENV) are unknown.</item>
/// </list>
/// Walk the file once with <see cref="Next"/>; <see cref="Lookup"/> answers for the instruction just passed to it.
/// </summary>
internal sealed class StageVariables
{
    private readonly DockerfileModel _model;
    private readonly char _escape;
    private readonly Dictionary<int, Dictionary<string, VariableValue>> _environmentByStage = new();
    private Dictionary<string, VariableValue> _arguments = new(StringComparer.Ordinal);
    private Dictionary<string, VariableValue> _environment = new(StringComparer.Ordinal);
    private int _stage = -1;

    public StageVariables(DockerfileModel model)
    {
        _model = model;
        _escape = model.Syntax.EscapeCharacter;
        Lookup = Resolve;
    }

    /// <summary>The value of a variable for the command of the instruction last passed to <see cref="Next"/>.</summary>
    public Func<string, VariableValue> Lookup { get; }

    /// <summary>The value each ENV pair passed so far sets, its variables expanded (unknown when they cannot be).</summary>
    public Dictionary<KeyValuePairSyntax, VariableValue> EnvironmentValues { get; } = new();

    /// <summary>Moves past an instruction: a FROM opens a stage's scope, an ARG or ENV declares into it.</summary>
    public void Next(InstructionSyntax instruction)
    {
        switch (instruction)
        {
            case FromInstructionSyntax:
                EnterStage(_stage + 1);
                break;
            case ArgInstructionSyntax arg when _stage >= 0:
                foreach (var declaration in arg.Declarations)
                {
                    _arguments[declaration.Name] = declaration.DefaultValue is { } value
                        ? Expand(value)
                        : _model.GlobalArguments.TryGetValue(declaration.Name, out var global) && global is not null
                            ? Expand(global, globalScope: true)
                            : VariableValue.Unknown;
                }

                break;
            case KeyValueInstructionSyntax { Kind: InstructionKind.Env } env when _stage >= 0:
                foreach (var pair in env.Pairs)
                {
                    _environment[pair.Key.Value] = EnvironmentValues[pair] = Expand(pair.Value.Value);
                }

                break;
        }
    }

    private void EnterStage(int index)
    {
        if (_stage >= 0)
        {
            _environmentByStage[_stage] = _environment;
        }

        _stage = index;
        _arguments = new Dictionary<string, VariableValue>(StringComparer.Ordinal);
        var stage = index < _model.Stages.Count ? _model.Stages[index] : null;
        _environment = stage?.BaseStage is { } parent && _environmentByStage.TryGetValue(parent.Index, out var inherited)
            ? new Dictionary<string, VariableValue>(inherited, StringComparer.Ordinal)
            : new Dictionary<string, VariableValue>(StringComparer.Ordinal);
    }

    private VariableValue Resolve(string name)
        => _environment.TryGetValue(name, out var value) || _arguments.TryGetValue(name, out value) ? value : VariableValue.Unknown;

    private VariableValue Expand(string word, bool globalScope = false)
    {
        var expanded = globalScope ? _model.ExpandWithGlobalArguments(word) : WordExpander.Expand(word, _escape, Resolve);
        return expanded is null ? VariableValue.Unknown : VariableValue.Of(expanded);
    }
}
