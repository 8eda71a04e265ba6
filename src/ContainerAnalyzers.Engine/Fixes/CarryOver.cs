using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using ContainerAnalyzers.Images;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Fixes;

/// <summary>
/// What the old final stage holds, sorted by where it belongs in a multi-stage build. Nothing is dropped
/// silently: what the fix replaces (the app's start command, <c>USER root</c>) is kept as a comment.
/// Texts keep the user's spelling, with the comment lines written just above an instruction.
/// </summary>
internal sealed class CarryOver
{
    private static readonly Regex PackageInstall = new(@"\b(apt-get|apt|apk|yum|dnf|microdnf|tdnf|zypper)\b[^\n;&|]*\b(install|add)\b", RegexOptions.CultureInvariant);

    private readonly DockerfileSyntaxTree _tree;

    private CarryOver(DockerfileSyntaxTree tree) => _tree = tree;

    /// <summary>ARG instructions of the old final stage (carried when a carried instruction uses them).</summary>
    public IReadOnlyList<InstructionSyntax> Arguments => _arguments;

    private readonly List<InstructionSyntax> _arguments = new();

    /// <summary>ENV and LABEL: carried to the final stage; in a minimal edit they also stay in the builder.</summary>
    public IReadOnlyList<InstructionSyntax> Metadata => _metadata;

    private readonly List<InstructionSyntax> _metadata = new();

    /// <summary>RUN commands that install OS packages: the app may need those libraries at run time.</summary>
    public IReadOnlyList<InstructionSyntax> PackageInstalls => _packageInstalls;

    private readonly List<InstructionSyntax> _packageInstalls = new();

    /// <summary>Package installs of a building stage that come before its build: the build may need them.</summary>
    public IReadOnlyList<InstructionSyntax> BuilderPackageInstalls => _builderPackageInstalls;

    private readonly List<InstructionSyntax> _builderPackageInstalls = new();

    /// <summary>
    /// RUN commands that install only what the chiseled images provide (ICU, time zones, CA certificates): replaced by
    /// the image variant, with a comment that says so.
    /// </summary>
    public IReadOnlyList<(InstructionSyntax Instruction, DistroPackages Packages)> MappedPackageInstalls => _mappedPackageInstalls;

    private readonly List<(InstructionSyntax Instruction, DistroPackages Packages)> _mappedPackageInstalls = new();

    /// <summary>The package manager of the kept package installs: the final image must have it.</summary>
    public PackageManager PackageManager { get; private set; }

    /// <summary>A mapped package install asked for ICU or time zones: the final image is the <c>-extra</c> variant.</summary>
    public bool NeedsExtraImage => _mappedPackageInstalls.Any(m => m.Packages.NeedsIcu || m.Packages.NeedsTimeZones);

    /// <summary>
    /// A kept build command runs dotnet (pack, add package, test…), which restores or changes the project after a
    /// separate restore layer would have run: the publish then restores itself.
    /// </summary>
    public bool BuildRestoresItself { get; private set; }

    /// <summary>
    /// The old file only copied output published on the host into an SDK image: nothing in it builds the app.
    /// </summary>
    public bool IsHostPublished { get; private set; }

    /// <summary>Why each instruction of the old file that the rewrite does not keep was left out.</summary>
    public IReadOnlyDictionary<InstructionSyntax, string> DropReasons => _dropReasons;

    private readonly Dictionary<InstructionSyntax, string> _dropReasons = new();

    /// <summary>Carried instructions the rewrite changed, with how (a HEALTHCHECK's path to the app).</summary>
    public IReadOnlyDictionary<InstructionSyntax, string> Edits => _edits;

    private readonly Dictionary<InstructionSyntax, string> _edits = new();

    // How the old file named the app it started (out/App.dll, /app/out/App.dll), which now sits in /app.
    private readonly List<string> _oldAppPaths = new();
    private string _newAppPath = string.Empty;

    /// <summary>Other RUN commands after the app was built, which set up the runtime image.</summary>
    public IReadOnlyList<InstructionSyntax> RuntimeCommands => _runtimeCommands;

    private readonly List<InstructionSyntax> _runtimeCommands = new();

    /// <summary>RUN commands before the build that are not package installs: build preparation, kept in the builder.</summary>
    public IReadOnlyList<InstructionSyntax> BuildCommands => _buildCommands;

    private readonly List<InstructionSyntax> _buildCommands = new();

    /// <summary>The MSBuild properties (<c>/p:Name=Value</c>, as written) of the publish the rewrite replaces, passed on to its own.</summary>
    public IReadOnlyList<string> PublishProperties => _publishProperties;

    private readonly List<string> _publishProperties = new();

    /// <summary>VOLUME, STOPSIGNAL, HEALTHCHECK, ONBUILD, SHELL, and COPY --from other stages.</summary>
    public IReadOnlyList<InstructionSyntax> Runtime => _runtime;

    private readonly List<InstructionSyntax> _runtime = new();

    /// <summary>EXPOSE instructions kept as they are.</summary>
    public IReadOnlyList<InstructionSyntax> Exposes => _exposes;

    private readonly List<InstructionSyntax> _exposes = new();

    /// <summary>Ports to EXPOSE in addition (the app's listening port when the old EXPOSE named a port it no longer listens on).</summary>
    public IReadOnlyList<int> ExtraPorts => _extraPorts;

    private readonly List<int> _extraPorts = new();

    public InstructionSyntax? NonRootUser { get; private set; }

    /// <summary>CMD arguments passed to the app's entry point, carried after the new ENTRYPOINT.</summary>
    public InstructionSyntax? CommandArguments { get; private set; }

    /// <summary>Comments the fix writes in place of what it replaced.</summary>
    public IReadOnlyList<string> Notes => _notes;

    private readonly List<string> _notes = new();

    /// <summary>Instructions a minimal edit moves out of the builder because they only matter at run time.</summary>
    public IReadOnlyCollection<InstructionSyntax> MovedToFinal => _movedToFinal;

    private readonly HashSet<InstructionSyntax> _movedToFinal = new();

    /// <summary>The final stage must have a shell: a carried RUN or a shell-form command needs /bin/sh.</summary>
    public bool NeedsShell { get; private set; }

    /// <summary>The carried ENV sets where the app listens (ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS…).</summary>
    public bool EnvironmentSetsPorts => _portsSetByEnvironment is not null;

    private IReadOnlyList<int>? _portsSetByEnvironment;

    public static CarryOver Collect(DockerfileModel model, Stage final, ContainerPlan plan, bool stageIsBuilder, IEnumerable<Stage>? replacedBuilders = null)
    {
        var carry = new CarryOver(model.Syntax);
        foreach (var builder in replacedBuilders ?? Enumerable.Empty<Stage>())
        {
            carry.ReadReplacedBuilder(model, builder);
        }

        var sawBuild = false;
        var lastBuild = final.Instructions.LastOrDefault(i => i.Kind == InstructionKind.Run && model.DotnetCommandsOf(i).Any(d => DotnetCommandLine.IsBuildVerb(d.Verb)));
        InstructionSyntax? entrypoint = null;
        carry.IsHostPublished = !stageIsBuilder && model.IsHostPublished(final);
        foreach (var instruction in InheritedInstructions(model, final).Concat(final.Instructions))
        {
            var isBuild = instruction.Kind == InstructionKind.Run && model.DotnetCommandsOf(instruction).Count > 0;
            switch (instruction.Kind)
            {
                case InstructionKind.Arg:
                    carry._arguments.Add(instruction);
                    break;
                case InstructionKind.Env:
                    carry._metadata.Add(instruction);
                    break;
                case InstructionKind.Label:
                case InstructionKind.Maintainer:
                    carry._metadata.Add(instruction);
                    break;
                case InstructionKind.Run when isBuild && carry.IsReplacedByThePublish(model, instruction):
                    sawBuild |= instruction == lastBuild || lastBuild is null;
                    break;
                case InstructionKind.Run when isBuild:
                    // The user's own build steps (dotnet tool restore, pack, add package, test): kept in the builder, in order.
                    carry.KeepBuildCommand(model, instruction);
                    break;
                case InstructionKind.Run when PackageInstall.IsMatch(instruction.LogicalLine):
                    if (sawBuild || lastBuild is null)
                    {
                        carry._movedToFinal.Add(instruction);
                    }

                    var packages = DistroPackages.Read(instruction.LogicalLine);
                    if (packages is { OnlyKnownPackages: true } mapped)
                    {
                        carry._mappedPackageInstalls.Add((instruction, mapped));
                        carry._dropReasons[instruction] = "what it installs (" + string.Join(" ", mapped.Packages) + ") comes with the chiseled image" + (mapped.NeedsIcu || mapped.NeedsTimeZones ? "'s -extra variant" : string.Empty);
                        break;
                    }

                    carry._packageInstalls.Add(instruction);
                    if (stageIsBuilder && !sawBuild && lastBuild is not null)
                    {
                        carry._builderPackageInstalls.Add(instruction);
                    }

                    carry.NeedsShell = true;
                    carry.PackageManager = packages?.Manager ?? carry.PackageManager;
                    break;
                case InstructionKind.Run when sawBuild || lastBuild is null:
                    carry._runtimeCommands.Add(instruction);
                    carry._movedToFinal.Add(instruction);
                    carry.NeedsShell = true;
                    break;
                case InstructionKind.Run:
                    carry._buildCommands.Add(instruction);
                    break;
                case InstructionKind.Expose:
                    carry._exposes.Add(instruction);
                    carry._movedToFinal.Add(instruction);
                    break;
                case InstructionKind.Volume:
                case InstructionKind.StopSignal:
                case InstructionKind.Onbuild:
                    carry._runtime.Add(instruction);
                    carry._movedToFinal.Add(instruction);
                    break;
                case InstructionKind.Healthcheck:
                    carry._runtime.Add(instruction);
                    carry._movedToFinal.Add(instruction);
                    carry.NeedsShell |= instruction is HealthcheckInstructionSyntax { IsNone: false, IsExecForm: false };
                    break;
                case InstructionKind.User:
                    carry.ReadUser(instruction);
                    break;
                case InstructionKind.Entrypoint:
                    entrypoint = instruction;
                    carry._movedToFinal.Add(instruction);
                    break;
                case InstructionKind.Cmd:
                    carry._movedToFinal.Add(instruction);
                    carry.ReadCommand(instruction, entrypoint, plan);
                    break;
                case InstructionKind.Copy when instruction is CopyInstructionSyntax { From.Value: { } fromStage } && !stageIsBuilder
                        && model.FindStage(fromStage, final.Index) is { } source && !model.LineageRunsDotnet(source):
                    // Files from a non-.NET stage (a front-end build, a tool image) belong to the running app.
                    carry._runtime.Add(instruction);
                    break;
                case InstructionKind.Copy or InstructionKind.Add when !stageIsBuilder && instruction.GetFlag("from") is null:
                    // A final stage that does not build copied these files from the context into the running image;
                    // the project's sources and output published on the host are not among them: the final stage
                    // receives the publish output of the builder, and only that.
                    if (IsSources(instruction, plan))
                    {
                        carry._dropReasons[instruction] = "it copies the project's sources, which the builder compiles; the final stage receives only the publish output";
                    }
                    else if (carry.IsHostPublished && IsHostOutput(instruction, final, entrypoint ?? final.Instructions.LastOrDefault(i => i.Kind is InstructionKind.Entrypoint or InstructionKind.Cmd)))
                    {
                        carry._dropReasons[instruction] = "it copies output published on the host, which would override the builder's fresh publish";
                    }
                    else
                    {
                        carry._runtime.Add(instruction);
                    }

                    break;
            }
        }

        if (entrypoint is not null && !carry.StartsTheApp(entrypoint, plan))
        {
            carry._notes.Add("The old file started the container with: " + entrypoint.LogicalLine.Trim());
            carry._notes.Add("Restore it here (and COPY what it runs) if it did more than start the app.");
            carry.CommandArguments = null;
        }

        carry._portsSetByEnvironment = Semantics.ListeningPorts.SetByEnvironment(carry._metadata.OfType<KeyValueInstructionSyntax>()
            .Where(i => i.Kind == InstructionKind.Env).SelectMany(i => i.Pairs).Select(p => new KeyValuePair<string, string?>(p.Key.Value, model.EnvironmentValue(p))).ToList());
        var listening = carry.ListeningInNewFinalStage(model, final, plan);
        carry.ReviewPorts(plan, listening);
        carry.DropExposesNothingListensOn(listening);
        carry.ReadOldAppPath(final, entrypoint ?? final.Instructions.LastOrDefault(i => i.Kind == InstructionKind.Cmd), plan);
        return carry;
    }

    /// <summary>
    /// The text to write for a carried instruction. A HEALTHCHECK that runs the app by its old path (<c>dotnet
    /// out/App.dll --health</c>) would run a file that no longer exists once the app sits in /app: the path is
    /// rewritten, and the log says so.
    /// </summary>
    public string CarriedTextOf(InstructionSyntax instruction)
    {
        var text = TextOf(instruction);
        if (instruction.Kind != InstructionKind.Healthcheck || _oldAppPaths.Count == 0)
        {
            return text;
        }

        var rewritten = text;
        foreach (var old in _oldAppPaths)
        {
            rewritten = Regex.Replace(rewritten, "(?<=[\\s\"'\\[,])" + Regex.Escape(old) + "(?=[\\s\"',\\]]|$)", _newAppPath, RegexOptions.CultureInvariant);
        }

        if (!string.Equals(rewritten, text, StringComparison.Ordinal))
        {
            _edits[instruction] = "the app it runs is now " + _newAppPath;
        }

        return rewritten;
    }

    // The words by which the old start command named the app's .dll or executable, relative and absolute.
    private void ReadOldAppPath(Stage final, InstructionSyntax? start, ContainerPlan plan)
    {
        var app = plan.IsSelfContained ? plan.AssemblyName : plan.AssemblyName + ".dll";
        var word = start is null ? null : WordsOf(start)?.FirstOrDefault(w => string.Equals(PathText.GetFileName(w), app, StringComparison.Ordinal));
        if (word is null || word.IndexOf('$') >= 0)
        {
            return;
        }

        _newAppPath = app;
        var absolute = word.StartsWith("/", StringComparison.Ordinal) ? PathText.Normalize(word) : PathText.Combine(StageFacts.WorkdirBefore(final, start!) ?? "/", word);
        foreach (var path in new[] { word, absolute, "./" + word })
        {
            if (path != app && path != "/app/" + app && !_oldAppPaths.Contains(path))
            {
                _oldAppPaths.Add(path);
            }
        }
    }

    /// <summary>
    /// The instructions of the stages the final stage builds on (<c>FROM base AS final</c>), root first, when none of
    /// them runs dotnet: they configured the running image (packages, ENV, EXPOSE, USER) as much as the final stage's
    /// own lines did. A lineage that builds (<c>FROM build AS final</c>) is the builder, handled as such.
    /// </summary>
    private static IEnumerable<InstructionSyntax> InheritedInstructions(DockerfileModel model, Stage final)
    {
        var ancestors = final.Lineage.Skip(1).ToArray();
        return ancestors.Length == 0 || ancestors.Any(s => model.RunsDotnet(s, buildVerbsOnly: false))
            ? Enumerable.Empty<InstructionSyntax>()
            : ancestors.Reverse().SelectMany(s => s.Instructions);
    }

    /// <summary>The final image for what the old final stage needs: a shell, a package manager, ICU or time zones.</summary>
    public RuntimeImageChoice ChooseRuntimeImage(ContainerPlan plan) => plan.GetRuntimeImage(NeedsShell, PackageManager, NeedsExtraImage);

    /// <summary>
    /// A RUN the builder's own restore and publish replace: it runs only <c>dotnet restore/build/publish</c> (with
    /// <c>cd</c> and the like around them). Its other commands, if any, are named in the log.
    /// </summary>
    private bool IsReplacedByThePublish(DockerfileModel model, InstructionSyntax run)
    {
        var commands = model.DotnetCommandsOf(run);
        if (commands.Count == 0 || !commands.All(c => DotnetCommandLine.IsBuildVerb(c.Verb)))
        {
            return false;
        }

        // The user's MSBuild properties on the publish (/p:PublishTrimmed=true, -p:UseAppHost=false) are part of how
        // the app is built: the new publish passes them on. One that names a build variable ($VERSION) is left out,
        // since the new file does not declare it, and the log says so.
        var carried = new List<string>();
        var left = new List<string>();
        foreach (var command in commands.Where(c => c.Verb == "publish"))
        {
            foreach (var property in command.WrittenProperties())
            {
                (property.IndexOf('$') >= 0 ? left : carried).Add(property);
            }
        }

        foreach (var property in carried.Where(p => !_publishProperties.Contains(p, StringComparer.Ordinal)))
        {
            _publishProperties.Add(property);
        }

        _dropReasons[run] = "the builder's own dotnet restore and dotnet publish replace it"
            + (carried.Count > 0 ? "; the new publish keeps " + string.Join(" ", carried) : string.Empty)
            + (left.Count > 0 ? "; not kept, as they name build variables the new file does not declare: " + string.Join(" ", left) : string.Empty);
        return true;
    }

    private void KeepBuildCommand(DockerfileModel model, InstructionSyntax run)
    {
        _buildCommands.Add(run);
        BuildRestoresItself |= model.DotnetCommandsOf(run).Any(c => c.Verb is not ("tool" or "--info" or "--version" or "--list-sdks" or "nuget"));
    }

    // A stage the rewrite replaces by its own builder: its RUNs that are not the restore and publish stay, in order.
    private void ReadReplacedBuilder(DockerfileModel model, Stage stage)
    {
        foreach (var instruction in stage.Instructions)
        {
            if (instruction.Kind != InstructionKind.Run)
            {
                continue;
            }

            if (model.DotnetCommandsOf(instruction).Count > 0)
            {
                if (!IsReplacedByThePublish(model, instruction))
                {
                    KeepBuildCommand(model, instruction);
                }
            }
            else if (DistroPackages.Read(instruction.LogicalLine) is { OnlyKnownPackages: true } mapped)
            {
                _dropReasons[instruction] = "the SDK image already has what it installs (" + string.Join(" ", mapped.Packages) + ")";
            }
            else
            {
                _buildCommands.Add(instruction);
            }
        }
    }

    /// <summary>
    /// A COPY of the project's sources: the whole context (<c>.</c>, <c>*</c>), a folder that holds the project, or
    /// project and source files by name.
    /// </summary>
    internal static bool IsSources(InstructionSyntax copy, ContainerPlan plan)
    {
        var sources = (copy as CopyInstructionSyntax)?.Sources.ToArray() ?? Array.Empty<SyntaxToken>();
        if (sources.Length == 0)
        {
            return false;
        }

        var projectFolder = PathText.Normalize("/" + plan.Layout.ProjectPathInContext.Replace('\\', '/'));
        projectFolder = projectFolder.Substring(0, projectFolder.LastIndexOf('/') + 1);
        foreach (var source in sources)
        {
            var path = source.Value.Replace('\\', '/');
            var extension = PathText.GetFileName(path);
            if (path is "." or "./" or "*" or "./*" or "/" or "**" || extension.EndsWith("proj", StringComparison.OrdinalIgnoreCase)
                || extension.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) || extension.EndsWith(".sln", StringComparison.OrdinalIgnoreCase) || extension.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            var folder = PathText.Normalize("/" + path.TrimEnd('/')) + "/";
            if (path.IndexOf('*') < 0 && path.IndexOf('$') < 0 && projectFolder.StartsWith(folder, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // In a host-published workflow, the COPY that puts the published app where the start command runs it (its
    // destination is the folder of the started .dll), or one whose source names publish or bin output.
    private static bool IsHostOutput(InstructionSyntax copy, Stage stage, InstructionSyntax? start)
    {
        if (copy is not CopyInstructionSyntax typed || typed.Sources.ToArray() is not { Length: > 0 } sources)
        {
            return false;
        }

        if (sources.Any(s => s.Value.IndexOf("publish", StringComparison.OrdinalIgnoreCase) >= 0 || s.Value.Replace('\\', '/').StartsWith("bin/", StringComparison.OrdinalIgnoreCase) || s.Value.IndexOf("/bin/", StringComparison.OrdinalIgnoreCase) >= 0))
        {
            return true;
        }

        if (typed.Destination is not { } destinationWord || start is null)
        {
            return false;
        }

        var workdir = StageFacts.WorkdirBefore(stage, copy) ?? "/";
        var destination = destinationWord.Value.StartsWith("/", StringComparison.Ordinal) ? PathText.Normalize(destinationWord.Value) : PathText.Combine(workdir, destinationWord.Value);
        var startWorkdir = StageFacts.WorkdirBefore(stage, start) ?? "/";
        var words = WordsOf(start) ?? Array.Empty<string>();
        var dll = words.FirstOrDefault(w => w.EndsWith(".dll", StringComparison.OrdinalIgnoreCase));
        if (dll is null)
        {
            return false;
        }

        var dllPath = dll.StartsWith("/", StringComparison.Ordinal) ? PathText.Normalize(dll) : PathText.Combine(startWorkdir, dll);
        var dllFolder = dllPath.Substring(0, dllPath.LastIndexOf('/') + 1);
        return string.Equals(destination.TrimEnd('/') + "/", dllFolder, StringComparison.Ordinal);
    }

    /// <summary>The original text of an instruction with the comment lines written just above it, ending with a line break.</summary>
    public string TextOf(InstructionSyntax instruction)
    {
        var start = _tree.GetLeadingCommentStart(instruction);
        var text = _tree.Text.Substring(start, instruction.FullSpan.End - start);
        return CloseContinuation(text, _tree.EscapeCharacter) + "\n";
    }

    /// <summary>
    /// Text that can be followed by more instructions: an instruction that ran to the end of the file on a
    /// continuation (<c>ENV a=b \</c> as its last line) would otherwise swallow the next line written after it.
    /// </summary>
    public static string CloseContinuation(string text, char escape)
    {
        var trimmed = text.TrimEnd('\r', '\n', ' ', '\t');
        while (trimmed.Length > 0 && trimmed[trimmed.Length - 1] == escape)
        {
            trimmed = trimmed.Substring(0, trimmed.Length - 1).TrimEnd('\r', '\n', ' ', '\t');
        }

        return trimmed;
    }

    /// <summary>The ARGs (of <paramref name="candidates"/>) that one of <paramref name="texts"/> refers to.</summary>
    public static IEnumerable<T> Referenced<T>(IEnumerable<T> candidates, Func<T, IEnumerable<string>> namesOf, IReadOnlyCollection<string> texts)
        => candidates.Where(c => namesOf(c).Any(name => texts.Any(t => t.Contains("$" + name) || t.Contains("${" + name))));

    private static string[]? WordsOf(InstructionSyntax instruction)
        => instruction.IsJsonForm ? instruction.Arguments.Select(a => a.Value).ToArray()
            : instruction.Arguments.Count > 0 ? StageFacts.PlainWords(instruction.Arguments[0].Value) : null;

    private bool StartsTheApp(InstructionSyntax instruction, ContainerPlan plan)
    {
        var words = WordsOf(instruction);
        if (words is null || words.Length == 0)
        {
            // A shell command: it starts the app when it runs `dotnet <something>.dll` or `dotnet run`.
            var line = instruction.LogicalLine;
            return Regex.IsMatch(line, @"\bdotnet\s+(\S+\.dll|run|watch)\b", RegexOptions.CultureInvariant)
                && !Regex.IsMatch(line, @"&&|\|\||;", RegexOptions.CultureInvariant);
        }

        var first = PathText.GetFileName(words[0]);
        if (first.Equals("dotnet", StringComparison.Ordinal) || first.Equals("dotnet.exe", StringComparison.OrdinalIgnoreCase))
        {
            return words.Length == 1 || words[1].EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || words[1] is "run" or "watch";
        }

        return string.Equals(first, plan.AssemblyName, StringComparison.Ordinal) || string.Equals(first, plan.AssemblyName + ".exe", StringComparison.OrdinalIgnoreCase);
    }

    private void ReadCommand(InstructionSyntax cmd, InstructionSyntax? entrypoint, ContainerPlan plan)
    {
        if (entrypoint is null)
        {
            if (!StartsTheApp(cmd, plan))
            {
                _notes.Add("The old file started the container with: " + cmd.LogicalLine.Trim());
                _notes.Add("Restore it here (and COPY what it runs) if it did more than start the app.");
            }

            return;
        }

        // CMD after an ENTRYPOINT holds the app's default arguments.
        if (cmd.IsJsonForm)
        {
            CommandArguments = cmd;
        }
        else
        {
            _notes.Add("The old default arguments were (shell form, which an image without a shell cannot run): " + cmd.LogicalLine.Trim());
        }
    }

    private void ReadUser(InstructionSyntax user)
    {
        var name = user.Arguments.Count > 0 ? user.Arguments[0].Value : string.Empty;
        var account = StageFacts.Account(name);
        if (StageFacts.IsRoot(account))
        {
            _notes.Add("The old file ran as root (" + user.LogicalLine.Trim() + "); the app now runs as a non-root user.");
        }
        else if (account.Length > 0)
        {
            NonRootUser = user;
        }
    }

    // EXPOSE 80/443 comes from the days when .NET images listened on 80. On .NET 8+ images the app listens on 8080
    // unless the file says otherwise, so a carried EXPOSE 80 would document a port nobody listens on.
    // Where the app listens is the rules' own fact (ListeningPorts); where that cannot be known (the code or a settings
    // file cannot be read), the ports the code pins and then those the carried ENV sets decide, else the image's default.
    private void ReviewPorts(ContainerPlan plan, Listening listening)
    {
        // Ports the code pins (ListenAnyIP(80), UseUrls) replace every setting: those are the ones to EXPOSE.
        var pinned = Semantics.CodeEndpointText.PinnedPorts(plan.Code);
        var exposed = new List<int>();
        foreach (var expose in _exposes.ToArray())
        {
            var ports = expose.Arguments.Select(a => a.Value.Split('/')[0]).ToArray();
            if (pinned is null && _portsSetByEnvironment is null && plan.DotnetMajor >= 8 && ports.Length > 0 && ports.All(p => p is "80" or "443"))
            {
                _exposes.Remove(expose);
                _notes.Add($"Was {expose.LogicalLine.Trim()}: .NET 8+ images listen on {plan.DefaultHttpPort} unless ASPNETCORE_HTTP_PORTS says otherwise.");
                continue;
            }

            foreach (var port in ports)
            {
                AddPort(exposed, port);
            }
        }

        if (!plan.IsWeb)
        {
            return;
        }

        var listeningPorts = listening.IsKnown ? listening.Ports : pinned ?? _portsSetByEnvironment ?? new[] { plan.DefaultHttpPort };
        foreach (var port in listeningPorts.Where(p => !exposed.Contains(p)).Distinct())
        {
            _extraPorts.Add(port);
        }
    }

    // An EXPOSE none of whose ports the app will listen on in the new final stage documents nothing (issue 24: Visual
    // Studio's EXPOSE 8081, where no HTTPS is configured). Where it listens is the rules' own fact (ListeningPorts: the
    // image's default, the carried ENV, appsettings, the code); when it is not known, every EXPOSE stays.
    private void DropExposesNothingListensOn(Listening listening)
    {
        if (!listening.IsKnown)
        {
            return;
        }

        foreach (var expose in _exposes.ToArray())
        {
            var ports = new List<int>();
            foreach (var argument in expose.Arguments)
            {
                var parts = argument.Value.Split('/');
                if (parts.Length > 1 && !string.Equals(parts[1], "tcp", StringComparison.OrdinalIgnoreCase))
                {
                    ports.Clear();
                    break;
                }

                AddPort(ports, parts[0]);
            }

            if (ports.Count == expose.Arguments.Count && ports.Count > 0 && ports.All(p => !listening.Ports.Contains(p)))
            {
                _exposes.Remove(expose);
                _dropReasons[expose] = $"nothing listens on {string.Join(", ", ports)} in the final image: the app listens on {listening.PortList} ({listening.Because})";
            }
        }
    }

    // Where the app will listen in the new final stage: on the plan's runtime image, with the old final stage's ENV, the
    // new entry point, the appsettings and the code. Unknown for an app that is not web, or whose carried default
    // arguments (CMD) may set the URLs.
    private Listening ListeningInNewFinalStage(DockerfileModel model, Stage final, ContainerPlan plan)
        => !plan.IsWeb || CommandArguments is not null
            || ImageReference.TryParse(plan.RuntimeRepository + ":" + plan.DotnetVersion) is not { } reference || DotnetImage.TryClassify(reference) is not { } image
            ? Listening.Unknown
            : Semantics.ListeningPorts.For(image, plan.DotnetMajor, Semantics.ListeningPorts.StageEnvironment(model, final), plan.EntrypointWith(PublishProperties), plan.AppSettings, plan.Code, plan.AssemblyName);

    private static void AddPort(List<int> ports, string text)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port > 0 && port < 65536 && !ports.Contains(port))
        {
            ports.Add(port);
        }
    }
}
