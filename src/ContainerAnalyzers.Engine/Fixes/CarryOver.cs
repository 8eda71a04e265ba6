using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;

namespace ContainerAnalyzers.Fixes;

/// <summary>
/// What the old final stage holds, sorted by where it belongs in a multi-stage build. Nothing is dropped
/// silently: what the fix replaces (the app's start command, <c>USER root</c>) is kept as a comment.
/// Texts keep the user's spelling, with the comment lines written just above an instruction.
/// </summary>
internal sealed class CarryOver
{
    private static readonly Regex PackageInstall = new(@"\b(apt-get|apt|apk|yum|dnf|microdnf|tdnf|zypper)\b[^\n;&|]*\b(install|add)\b", RegexOptions.CultureInvariant);
    private static readonly Regex UrlPort = new(@"://[^:/;\s]*:(\d{1,5})", RegexOptions.CultureInvariant);

    private readonly DockerfileSyntaxTree _tree;

    private CarryOver(DockerfileSyntaxTree tree) => _tree = tree;

    /// <summary>ARG instructions of the old final stage (carried when a carried instruction uses them).</summary>
    public List<InstructionSyntax> Arguments { get; } = new();

    /// <summary>ENV and LABEL: carried to the final stage; in a minimal edit they also stay in the builder.</summary>
    public List<InstructionSyntax> Metadata { get; } = new();

    /// <summary>RUN commands that install OS packages: the app may need those libraries at run time.</summary>
    public List<InstructionSyntax> PackageInstalls { get; } = new();

    /// <summary>Other RUN commands after the app was built, which set up the runtime image.</summary>
    public List<InstructionSyntax> RuntimeCommands { get; } = new();

    /// <summary>RUN commands before the build that are not package installs: build preparation, kept in the builder.</summary>
    public List<InstructionSyntax> BuildCommands { get; } = new();

    /// <summary>VOLUME, STOPSIGNAL, HEALTHCHECK, ONBUILD, SHELL, and COPY --from other stages.</summary>
    public List<InstructionSyntax> Runtime { get; } = new();

    /// <summary>EXPOSE instructions kept as they are.</summary>
    public List<InstructionSyntax> Exposes { get; } = new();

    /// <summary>Ports to EXPOSE in addition (the app's listening port when the old EXPOSE named a port it no longer listens on).</summary>
    public List<int> ExtraPorts { get; } = new();

    public InstructionSyntax? NonRootUser { get; private set; }

    /// <summary>CMD arguments passed to the app's entry point, carried after the new ENTRYPOINT.</summary>
    public InstructionSyntax? CommandArguments { get; private set; }

    /// <summary>Comments the fix writes in place of what it replaced.</summary>
    public List<string> Notes { get; } = new();

    /// <summary>Instructions a minimal edit moves out of the builder because they only matter at run time.</summary>
    public HashSet<InstructionSyntax> MovedToFinal { get; } = new();

    /// <summary>The final stage must have a shell: a carried RUN or a shell-form command needs /bin/sh.</summary>
    public bool NeedsShell { get; private set; }

    /// <summary>Ports the app listens on according to the old file's ENV (ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS…), if any.</summary>
    public List<int> ListeningPorts { get; } = new();

    public static CarryOver Collect(DockerfileModel model, Stage final, ContainerPlan plan, bool stageIsBuilder)
    {
        var carry = new CarryOver(model.Syntax);
        var sawBuild = false;
        var lastBuild = final.Instructions.LastOrDefault(i => i.Kind == InstructionKind.Run && model.DotnetCommandsOf(i).Any(d => DotnetCommandLine.IsBuildVerb(d.Verb)));
        InstructionSyntax? entrypoint = null;
        foreach (var instruction in final.Instructions)
        {
            var isBuild = instruction.Kind == InstructionKind.Run && model.DotnetCommandsOf(instruction).Count > 0;
            switch (instruction.Kind)
            {
                case InstructionKind.Arg:
                    carry.Arguments.Add(instruction);
                    break;
                case InstructionKind.Env:
                    carry.Metadata.Add(instruction);
                    carry.ReadListeningPorts(instruction);
                    break;
                case InstructionKind.Label:
                case InstructionKind.Maintainer:
                    carry.Metadata.Add(instruction);
                    break;
                case InstructionKind.Run when isBuild:
                    sawBuild |= instruction == lastBuild || lastBuild is null;
                    break;
                case InstructionKind.Run when PackageInstall.IsMatch(instruction.LogicalLine):
                    carry.PackageInstalls.Add(instruction);
                    carry.NeedsShell = true;
                    if (sawBuild || lastBuild is null)
                    {
                        carry.MovedToFinal.Add(instruction);
                    }

                    break;
                case InstructionKind.Run when sawBuild || lastBuild is null:
                    carry.RuntimeCommands.Add(instruction);
                    carry.MovedToFinal.Add(instruction);
                    carry.NeedsShell = true;
                    break;
                case InstructionKind.Run:
                    carry.BuildCommands.Add(instruction);
                    break;
                case InstructionKind.Expose:
                    carry.Exposes.Add(instruction);
                    carry.MovedToFinal.Add(instruction);
                    break;
                case InstructionKind.Volume:
                case InstructionKind.StopSignal:
                case InstructionKind.Onbuild:
                    carry.Runtime.Add(instruction);
                    carry.MovedToFinal.Add(instruction);
                    break;
                case InstructionKind.Healthcheck:
                    carry.Runtime.Add(instruction);
                    carry.MovedToFinal.Add(instruction);
                    carry.NeedsShell |= instruction is HealthcheckInstructionSyntax { IsNone: false, IsExecForm: false };
                    break;
                case InstructionKind.User:
                    carry.ReadUser(instruction);
                    break;
                case InstructionKind.Entrypoint:
                    entrypoint = instruction;
                    carry.MovedToFinal.Add(instruction);
                    break;
                case InstructionKind.Cmd:
                    carry.MovedToFinal.Add(instruction);
                    carry.ReadCommand(instruction, entrypoint, plan);
                    break;
                case InstructionKind.Copy when instruction is CopyInstructionSyntax { From.Value: { } fromStage } && !stageIsBuilder
                        && model.FindStage(fromStage, final.Index) is { } source && !DotnetCommandsRunIn(model, source):
                    // Files from a non-.NET stage (a front-end build, a tool image) belong to the running app.
                    carry.Runtime.Add(instruction);
                    break;
                case InstructionKind.Copy or InstructionKind.Add when !stageIsBuilder && instruction.GetFlag("from") is null:
                    // A final stage that does not build copied these files from the context into the running image.
                    carry.Runtime.Add(instruction);
                    break;
            }
        }

        if (entrypoint is not null && !carry.StartsTheApp(entrypoint, plan))
        {
            carry.Notes.Add("The old file started the container with: " + entrypoint.LogicalLine.Trim());
            carry.Notes.Add("Restore it here (and COPY what it runs) if it did more than start the app.");
            carry.CommandArguments = null;
        }

        carry.ReviewPorts(plan);
        return carry;
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

    internal static bool DotnetCommandsRunIn(DockerfileModel model, Stage stage)
        => stage.Lineage.Any(s => model.RunsDotnet(s, buildVerbsOnly: false));

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
                Notes.Add("The old file started the container with: " + cmd.LogicalLine.Trim());
                Notes.Add("Restore it here (and COPY what it runs) if it did more than start the app.");
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
            Notes.Add("The old default arguments were (shell form, which an image without a shell cannot run): " + cmd.LogicalLine.Trim());
        }
    }

    private void ReadUser(InstructionSyntax user)
    {
        var name = user.Arguments.Count > 0 ? user.Arguments[0].Value : string.Empty;
        var account = name.Split(':')[0];
        if (account is "root" or "0")
        {
            Notes.Add("The old file ran as root (" + user.LogicalLine.Trim() + "); the app now runs as a non-root user.");
        }
        else if (account.Length > 0)
        {
            NonRootUser = user;
        }
    }

    private void ReadListeningPorts(InstructionSyntax env)
    {
        if (env is not KeyValueInstructionSyntax pairs)
        {
            return;
        }

        foreach (var pair in pairs.Pairs)
        {
            var key = pair.Key.Value.ToUpperInvariant();
            var value = pair.Value.Value;
            if (key is "ASPNETCORE_URLS" or "URLS")
            {
                foreach (Match match in UrlPort.Matches(value))
                {
                    AddPort(ListeningPorts, match.Groups[1].Value);
                }
            }
            else if (key is "ASPNETCORE_HTTP_PORTS" or "HTTP_PORTS" or "ASPNETCORE_HTTPS_PORTS" or "HTTPS_PORTS")
            {
                foreach (var port in value.Split(';', ','))
                {
                    AddPort(ListeningPorts, port.Trim());
                }
            }
        }
    }

    // EXPOSE 80/443 comes from the days when .NET images listened on 80. On .NET 8+ images the app listens on 8080
    // unless the file says otherwise, so a carried EXPOSE 80 would document a port nobody listens on.
    private void ReviewPorts(ContainerPlan plan)
    {
        var exposed = new List<int>();
        foreach (var expose in Exposes.ToArray())
        {
            var ports = expose.Arguments.Select(a => a.Value.Split('/')[0]).ToArray();
            if (ListeningPorts.Count == 0 && plan.DotnetMajor >= 8 && ports.Length > 0 && ports.All(p => p is "80" or "443"))
            {
                Exposes.Remove(expose);
                Notes.Add($"Was {expose.LogicalLine.Trim()}: .NET 8+ images listen on {plan.DefaultHttpPort} unless ASPNETCORE_HTTP_PORTS says otherwise.");
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

        var listening = ListeningPorts.Count > 0 ? ListeningPorts : new List<int> { plan.DefaultHttpPort };
        foreach (var port in listening.Where(p => !exposed.Contains(p)).Distinct())
        {
            ExtraPorts.Add(port);
        }
    }

    private static void AddPort(List<int> ports, string text)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port > 0 && port < 65536 && !ports.Contains(port))
        {
            ports.Add(port);
        }
    }
}
