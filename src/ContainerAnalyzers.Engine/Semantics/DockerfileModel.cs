using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using ContainerAnalyzers.Images;
using ContainerAnalyzers.Syntax;

namespace ContainerAnalyzers.Semantics;

/// <summary>
/// An edge of the stage graph: an instruction that reads from another stage or an image
/// (<c>COPY --from=…</c>, <c>RUN --mount=from=…</c>).
/// </summary>
public sealed class StageDependency
{
    internal StageDependency(InstructionSyntax instruction, string reference, Stage? stage, ImageReference? image)
    {
        Instruction = instruction;
        Reference = reference;
        Stage = stage;
        Image = image;
    }

    public InstructionSyntax Instruction { get; }

    /// <summary>The reference as written.</summary>
    public string Reference { get; }

    /// <summary>The earlier stage it names, or null.</summary>
    public Stage? Stage { get; }

    /// <summary>The image it names when it is no stage, or null.</summary>
    public ImageReference? Image { get; }

    /// <summary>Neither a stage nor an image could be determined (an unresolved variable).</summary>
    public bool IsUnknown => Stage is null && Image is null;
}

/// <summary>One build stage: a FROM and the instructions up to the next FROM.</summary>
public sealed class Stage
{
    private readonly List<InstructionSyntax> _instructions = new();
    private readonly List<StageDependency> _dependencies = new();
    private Stage? _root;

    internal Stage(int index, FromInstructionSyntax from, string? name)
    {
        Index = index;
        From = from;
        Name = name;
    }

    public int Index { get; }

    public FromInstructionSyntax From { get; }

    /// <summary>The name after AS, or null.</summary>
    public string? Name { get; }

    /// <summary>The instructions after the FROM, in order.</summary>
    public IReadOnlyList<InstructionSyntax> Instructions => _instructions;

    /// <summary>The FROM argument after ARG substitution, or null when it cannot be known.</summary>
    public string? BaseName { get; internal set; }

    /// <summary>The earlier stage this one builds on (<c>FROM build AS final</c>), or null.</summary>
    public Stage? BaseStage { get; internal set; }

    /// <summary>The image this stage starts from, when it starts from an image.</summary>
    public ImageReference? BaseImage { get; internal set; }

    /// <summary>True when the base could not be resolved (an ARG without a value, a malformed FROM).</summary>
    public bool IsBaseUnknown => BaseStage is null && BaseImage is null;

    /// <summary>
    /// When the FROM's tag ends in a variable the build does not give a value (<c>aspnet:10.0${SUFFIX}</c>, <c>ARG
    /// SUFFIX</c> without a default), the image with the tag written before it: every image the FROM can be starts
    /// with that tag. Null otherwise, and always when <see cref="BaseImage"/> is known.
    /// </summary>
    public ImageReference? BaseImageTagPrefix { get; internal set; }

    /// <summary>How the stage is named in messages: its name, or stage-N as BuildKit names unnamed stages.</summary>
    public string DisplayName => Name ?? "stage-" + Index.ToString(CultureInfo.InvariantCulture);

    /// <summary>This stage and the stages it builds on, from this one back to the one that starts from an image.</summary>
    public IEnumerable<Stage> Lineage
    {
        get
        {
            // Stages can only name earlier stages, so the chain always ends; the bound is a guard all the same.
            var stage = this;
            for (var guard = 0; stage is not null && guard <= Index; guard++)
            {
                yield return stage;
                stage = stage.BaseStage;
            }
        }
    }

    /// <summary>The stage at the root of the lineage (this one when it starts from an image): the one whose FROM names the image.</summary>
    public Stage Root => _root ?? this;

    /// <summary>The image at the root of the lineage, or null when the chain cannot be followed.</summary>
    public ImageReference? RootImage => Root.BaseImage;

    /// <summary>What this stage copies or mounts from other stages and images, in order.</summary>
    public IReadOnlyList<StageDependency> Dependencies => _dependencies;

    internal void Add(InstructionSyntax instruction) => _instructions.Add(instruction);

    // A base stage always comes earlier and already knows its root, so a chain of any length costs one step a stage.
    internal void SetRoot() => _root = BaseStage?.Root ?? this;

    internal void AddDependency(StageDependency dependency) => _dependencies.Add(dependency);
}

/// <summary>
/// The semantic model of a Dockerfile: stages, global ARGs resolved into FROM, and the stage graph.
/// Built from a syntax tree; free of Roslyn types.
/// </summary>
public sealed class DockerfileModel
{
    private Suppressions? _suppressions;
    private readonly Dictionary<string, List<Stage>> _stagesByName = new(StringComparer.OrdinalIgnoreCase);
    private DotnetCommandIndex? _commandIndex;

    private static readonly HashSet<string> PlatformArguments = new(StringComparer.Ordinal)
    {
        "TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT",
        "BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT",
    };

    private readonly Dictionary<string, string?> _globalArguments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VariableValue> _globalValues = new(StringComparer.Ordinal);
    private readonly List<Stage> _stages = new();

    private DockerfileModel(DockerfileSyntaxTree syntax)
    {
        Syntax = syntax;
    }

    public DockerfileSyntaxTree Syntax { get; }

    public IReadOnlyList<Stage> Stages => _stages;

    /// <summary>The stage that `docker build` produces without --target: the last one.</summary>
    public Stage? FinalStage => _stages.Count == 0 ? null : _stages[_stages.Count - 1];

    /// <summary>ARGs declared before the first FROM, with their defaults as written (null when none).</summary>
    public IReadOnlyDictionary<string, string?> GlobalArguments => _globalArguments;

    /// <summary>Every <c>dotnet</c> command the RUN instructions run, in file order; read once and shared by the rules.</summary>
    public IReadOnlyList<DotnetCommandLine> DotnetRunCommands => CommandIndex.All;

    /// <summary>
    /// The <c>dotnet</c> commands of one RUN, CMD or ENTRYPOINT of this file, from the one index every rule and the
    /// fix generator read (none for other instructions, and for an ONBUILD trigger).
    /// </summary>
    public IReadOnlyList<DotnetCommandLine> DotnetCommandsOf(InstructionSyntax instruction) => CommandIndex.Of(instruction);

    /// <summary>
    /// The value an ENV pair sets, with the ARG defaults and ENV values in scope expanded (<c>ENV URLS=http://+:${PORT}</c>);
    /// null when it depends on something unknown.
    /// </summary>
    public string? EnvironmentValue(KeyValuePairSyntax pair)
        => CommandIndex.EnvironmentValues.TryGetValue(pair, out var value) && value.IsKnown ? value.Value ?? string.Empty : null;

    /// <summary>
    /// Whether a RUN of the stage or of a stage it builds on runs dotnet. Worked out for every stage in one pass, in
    /// stage order (a stage can only build on an earlier one), so a chain of thousands of stages stays linear.
    /// </summary>
    public bool LineageRunsDotnet(Stage stage)
    {
        var known = Volatile.Read(ref _lineageRunsDotnet);
        if (known is null)
        {
            known = new bool[_stages.Count];
            for (var i = 0; i < _stages.Count; i++)
            {
                var current = _stages[i];
                known[i] = RunsDotnet(current, buildVerbsOnly: false)
                    || (current.BaseStage is { } parent && parent.Index < current.Index && parent.Index < known.Length && known[parent.Index]);
            }

            // A racing thread computes the same answer; whichever array is published is complete.
            Volatile.Write(ref _lineageRunsDotnet, known);
        }

        return stage.Index < known.Length && ReferenceEquals(_stages[stage.Index], stage) ? known[stage.Index] : stage.Lineage.Any(s => RunsDotnet(s, buildVerbsOnly: false));
    }

    private bool[]? _lineageRunsDotnet;

    /// <summary>The stage's ENTRYPOINT or CMD runs the sources with <c>dotnet run</c> or <c>dotnet watch</c>: it builds.</summary>
    public bool StartsWithDotnetRun(Stage stage)
        => stage.Instructions.Any(i => i.Kind is InstructionKind.Entrypoint or InstructionKind.Cmd && DotnetCommandsOf(i).Any(c => c.Verb is "run" or "watch"));

    /// <summary>
    /// The app was published on the host and copied in: nothing in the stage's lineage runs dotnet or copies from a
    /// stage that does, and the stage copies files from the context.
    /// </summary>
    public bool IsHostPublished(Stage stage)
    {
        if (LineageRunsDotnet(stage) || stage.Lineage.Any(StartsWithDotnetRun))
        {
            return false;
        }

        foreach (var ancestor in stage.Lineage)
        {
            foreach (var copy in ancestor.Instructions.OfType<CopyInstructionSyntax>())
            {
                if (copy.From is { Value: { } from } && FindStage(from, ancestor.Index) is { } source && LineageRunsDotnet(source))
                {
                    return false;
                }
            }
        }

        return stage.Instructions.Any(i => i.Kind is InstructionKind.Copy or InstructionKind.Add && i.GetFlag("from") is null);
    }

    /// <summary>Whether a RUN of the stage itself runs a <c>dotnet</c> command (any verb, or only a build verb).</summary>
    public bool RunsDotnet(Stage stage, bool buildVerbsOnly)
    {
        foreach (var instruction in stage.Instructions)
        {
            if (instruction.Kind != InstructionKind.Run)
            {
                continue;
            }

            foreach (var command in DotnetCommandsOf(instruction))
            {
                if (!buildVerbsOnly || DotnetCommandLine.IsBuildVerb(command.Verb))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The <c>dotnet</c> commands of the given verbs that a stage's own RUN instructions run, in order.</summary>
    public IReadOnlyList<DotnetCommandLine> DotnetCommandsIn(Stage stage, params string[] verbs)
    {
        // Rules ask this for every stage; a loop over the index, with nothing allocated for a stage that runs none.
        List<DotnetCommandLine>? found = null;
        foreach (var instruction in stage.Instructions)
        {
            if (instruction.Kind != InstructionKind.Run)
            {
                continue;
            }

            foreach (var command in DotnetCommandsOf(instruction))
            {
                if (verbs.Length == 0 || Array.IndexOf(verbs, command.Verb) >= 0)
                {
                    (found ??= new List<DotnetCommandLine>()).Add(command);
                }
            }
        }

        return found ?? (IReadOnlyList<DotnetCommandLine>)Array.Empty<DotnetCommandLine>();
    }

    /// <summary>The <c>dotnet</c> commands of the given verbs that a stage and the stages it builds on run, in order.</summary>
    public IEnumerable<DotnetCommandLine> DotnetCommandsInLineage(Stage stage, params string[] verbs)
    {
        foreach (var ancestor in stage.Lineage.Reverse())
        {
            foreach (var command in DotnetCommandsIn(ancestor, verbs))
            {
                yield return command;
            }
        }
    }

    private DotnetCommandIndex CommandIndex => _commandIndex ??= new DotnetCommandIndex(this);

    /// <summary>The file's suppression comments and directives, read on first use.</summary>
    public Suppressions Suppressions => _suppressions ??= Suppressions.Create(this);

    public static DockerfileModel Create(DockerfileSyntaxTree syntax)
    {
        var model = new DockerfileModel(syntax);
        model.Build();
        return model;
    }

    /// <summary>Expands a word with the global ARGs, as BuildKit does for FROM; null when not certain.</summary>
    public string? ExpandWithGlobalArguments(string word) => WordExpander.Expand(word, Syntax.EscapeCharacter, LookupGlobalArgument);

    /// <summary>
    /// The stage an instruction belongs to: the last one whose FROM starts before it (stages follow each other in the
    /// file, so a binary search over their FROMs); null for an instruction before the first FROM.
    /// </summary>
    public Stage? StageOf(InstructionSyntax instruction)
    {
        int low = 0, high = _stages.Count - 1;
        Stage? found = null;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (_stages[middle].From.Span.Start <= instruction.Span.Start)
            {
                found = _stages[middle];
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return found;
    }

    /// <summary>The stage a name or index refers to (as in <c>COPY --from</c>) as seen from <paramref name="before"/>.</summary>
    public Stage? FindStage(string reference, int before)
    {
        if (int.TryParse(reference, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return index >= 0 && index < before && index < _stages.Count ? _stages[index] : null;
        }

        return FindStageByName(reference, before);
    }

    /// <summary>The latest stage before <paramref name="before"/> with this name (case-insensitive, as Docker compares).</summary>
    private Stage? FindStageByName(string name, int before)
    {
        // Indexed by name: every FROM and COPY --from asks, and a scan per question made many-stage files quadratic.
        if (!_stagesByName.TryGetValue(name, out var named))
        {
            return null;
        }

        for (var i = named.Count - 1; i >= 0; i--)
        {
            if (named[i].Index < before)
            {
                return named[i];
            }
        }

        return null;
    }

    private VariableValue LookupGlobalArgument(string name)
        => _globalValues.TryGetValue(name, out var value) ? value
            : PlatformArguments.Contains(name) ? VariableValue.Unknown
            : VariableValue.Unset;

    // Global ARGs are evaluated in order, so a default can use the ARGs declared before it. An ARG without a
    // default is unknown: its value can only come from --build-arg.
    private void DeclareGlobalArgument(ArgDeclarationSyntax declaration)
    {
        _globalArguments[declaration.Name] = declaration.DefaultValue;
        if (declaration.DefaultValue is null)
        {
            _globalValues[declaration.Name] = VariableValue.Unknown;
            return;
        }

        var expanded = WordExpander.Expand(declaration.DefaultValue, Syntax.EscapeCharacter, LookupGlobalArgument);
        _globalValues[declaration.Name] = expanded is null ? VariableValue.Unknown : VariableValue.Of(expanded);
    }

    private void Build()
    {
        Stage? current = null;
        foreach (var instruction in Syntax.Instructions)
        {
            if (instruction is FromInstructionSyntax from)
            {
                current = new Stage(_stages.Count, from, from.StageName?.Value);
                Resolve(current);
                _stages.Add(current);
                if (current.Name is { } name)
                {
                    if (!_stagesByName.TryGetValue(name, out var named))
                    {
                        _stagesByName[name] = named = new List<Stage>();
                    }

                    named.Add(current);
                }

                continue;
            }

            if (current is null)
            {
                if (instruction is ArgInstructionSyntax arg)
                {
                    foreach (var declaration in arg.Declarations)
                    {
                        DeclareGlobalArgument(declaration);
                    }
                }

                continue;
            }

            current.Add(instruction);
            AddDependencies(current, instruction);
        }
    }

    private void AddDependencies(Stage stage, InstructionSyntax instruction)
    {
        if (instruction is CopyInstructionSyntax { From: { Value: { Length: > 0 } from } })
        {
            stage.AddDependency(ResolveDependency(stage, instruction, from));
        }

        if (instruction.Kind != InstructionKind.Run)
        {
            return;
        }

        foreach (var flag in instruction.Flags)
        {
            if (!string.Equals(flag.Name, "mount", StringComparison.OrdinalIgnoreCase) || flag.Value is null)
            {
                continue;
            }

            foreach (var option in flag.Value.Split(','))
            {
                var equals = option.IndexOf('=');
                if (equals > 0 && string.Equals(option.Substring(0, equals).Trim(), "from", StringComparison.OrdinalIgnoreCase))
                {
                    stage.AddDependency(ResolveDependency(stage, instruction, option.Substring(equals + 1).Trim()));
                }
            }
        }
    }

    // BuildKit resolves --from against stage names and indexes first; anything else is an image. The flag lexer
    // has already removed quotes and escapes, so only a value with variables needs expanding.
    private StageDependency ResolveDependency(Stage stage, InstructionSyntax instruction, string reference)
    {
        var expanded = WordExpander.HasVariables(reference) ? ExpandWithGlobalArguments(reference) : reference;
        var (target, image) = ResolveStageOrImage(expanded, FindStage(expanded ?? string.Empty, stage.Index));
        return new StageDependency(instruction, reference, target, image);
    }

    /// <summary>An earlier stage when one was found, otherwise the name read as an image; neither when the name is unknown.</summary>
    private static (Stage? Stage, ImageReference? Image) ResolveStageOrImage(string? name, Stage? stage)
        => string.IsNullOrEmpty(name) ? (null, null)
            : stage is not null ? (stage, null)
            : (null, ImageReference.TryParse(name!));

    // repository:tag-start${VAR}…: the text before the first variable, when the variable is in the tag (after the ':'
    // that follows the last '/') and that text needs no expansion. Anything after the variable only narrows what the
    // image can be, so reasoning on the start alone stays sound.
    private static ImageReference? TagPrefix(string word)
    {
        var variable = word.IndexOf('$');
        var slash = word.LastIndexOf('/', variable < 0 ? 0 : variable);
        var colon = variable < 0 ? -1 : word.IndexOf(':', slash + 1);
        if (variable <= 0 || colon < 0 || colon > variable || word.IndexOfAny(new[] { '"', '\'', '\\', '@' }, 0, variable) >= 0)
        {
            return null;
        }

        return ImageReference.TryParse(word.Substring(0, variable) is var start && start.EndsWith(":", StringComparison.Ordinal) ? start.TrimEnd(':') : start);
    }

    // FROM names earlier stages by name only (an index is an image name there), after global ARG expansion.
    private void Resolve(Stage stage)
    {
        if (stage.From.Image is not { } image)
        {
            return;
        }

        var name = ExpandWithGlobalArguments(image.Value);
        stage.BaseName = name;
        (stage.BaseStage, stage.BaseImage) = ResolveStageOrImage(name, FindStageByName(name ?? string.Empty, stage.Index));
        if (name is null)
        {
            stage.BaseImageTagPrefix = TagPrefix(image.Value);
        }

        stage.SetRoot();
    }
}

/// <summary>The dotnet commands of a file's RUN instructions, listed once and indexed by instruction.</summary>
internal sealed class DotnetCommandIndex
{
    private static readonly DotnetCommandLine[] None = Array.Empty<DotnetCommandLine>();

    private readonly DockerfileSyntaxTree _syntax;

    // By the instruction's index in the file, not in a dictionary keyed by the instruction: hashing an object
    // without a hash of its own costs a header write on every instruction, and a file has hundreds of thousands.
    private readonly IReadOnlyList<DotnetCommandLine>?[] _byInstruction;

    public DotnetCommandIndex(DockerfileModel model)
    {
        var syntax = model.Syntax;
        _syntax = syntax;
        _byInstruction = new IReadOnlyList<DotnetCommandLine>?[syntax.Instructions.Count];
        var all = new List<DotnetCommandLine>();

        // One walk in file order: each command's variables ($CONFIGURATION, ${RID:-linux-x64}) are expanded with the
        // ARG defaults and ENV values in scope at its instruction.
        var variables = new StageVariables(model);
        foreach (var instruction in syntax.Instructions)
        {
            if (instruction.Kind is InstructionKind.Run or InstructionKind.Cmd or InstructionKind.Entrypoint)
            {
                var commands = DotnetCommandLine.Find(instruction, variables.Lookup);
                if (commands.Count > 0)
                {
                    _byInstruction[instruction.Index] = commands;
                    if (instruction.Kind == InstructionKind.Run)
                    {
                        all.AddRange(commands);
                    }
                }
            }

            variables.Next(instruction);
        }

        All = all;
        EnvironmentValues = variables.EnvironmentValues;
    }

    public Dictionary<KeyValuePairSyntax, VariableValue> EnvironmentValues { get; }

    public IReadOnlyList<DotnetCommandLine> All { get; }

    /// <summary>The commands of an instruction of this file (none for any other instruction, such as an ONBUILD trigger).</summary>
    public IReadOnlyList<DotnetCommandLine> Of(InstructionSyntax instruction)
    {
        var index = instruction.Index;
        return index >= 0 && index < _byInstruction.Length && ReferenceEquals(_syntax.Instructions[index], instruction)
            ? _byInstruction[index] ?? None
            : None;
    }
}
