using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ContainerAnalyzers.Rules.Shared;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0023: the final stage starts <c>dotnet &lt;file&gt;.dll</c> (ENTRYPOINT, or ENTRYPOINT ["dotnet"] with CMD)
/// where the file is not the project's AssemblyName, or is not in the folder the publish output went to when that
/// folder is certain (publish <c>-o</c> copied with <c>COPY --from</c>). Reported on the word naming the file.
/// </summary>
public sealed class CTR0023EntrypointNotThisAssemblyRule : DockerfileRule
{
    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0023",
        "ENTRYPOINT/CMD does not start this project's assembly",
        "The container starts '{0}', but the project builds '{1}'{2}",
        RuleCategories.Runtime,
        RuleSeverity.Warning,
        "The file the container starts must be the one the publish output contains: the project's AssemblyName (by default the project file name), in the folder the output was copied to.")
    {
        FixKind = RuleFixKind.Edit,
    };

    public override RuleDescriptor Descriptor => Definition;

    protected internal override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        if (analysis.Model.FinalStage is not { } final
            || analysis.FinalStageIsSdkJob
            || !analysis.BuildsThisApp
            || analysis.Project.AssemblyName is not { Length: > 0 } assemblyName)
        {
            return;
        }

        var tree = analysis.Model.Syntax;
        var entry = analysis.PublishedEntry;
        if (FindStartedDll(final) is not { } started)
        {
            if (entry == PublishedEntry.DllOnly && FindStartedExecutable(final, assemblyName) is { } executable)
            {
                // UseAppHost=false: the publish writes App.dll and no App to execute.
                var (owner, words) = executable;
                var dll = words[0].Substring(0, words[0].Length - assemblyName.Length).Replace("./", string.Empty) + assemblyName + ".dll";
                var fix = Replace(tree, owner.ArgumentsSpan, new[] { "dotnet", dll }.Concat(words.Skip(1)), $"Start {dll} with dotnet");
                findings.Add(Report(owner.Arguments[0].Span, words[0], assemblyName + ".dll", ": with UseAppHost=false the publish writes no executable, so start it with dotnet").With(fixes: fix));
            }

            return;
        }

        var (instruction, token, path) = started;
        var slash = path.LastIndexOf('/');
        var directory = slash < 0 ? null : path.Substring(0, slash);
        var fileName = path.Substring(slash + 1);
        var expected = assemblyName + ".dll";
        if (entry is PublishedEntry.NativeAot or PublishedEntry.SingleFile && string.Equals(fileName, expected, StringComparison.Ordinal))
        {
            // The dll the container starts is bundled into (single-file) or compiled into (AOT) the executable.
            var native = (directory is null ? "./" : directory + "/") + assemblyName;
            var kind = entry == PublishedEntry.NativeAot ? "a native AOT publish" : "a single-file publish";
            var fix = instruction.IsJsonForm && StageFacts.Words(instruction) is { } words && words.Count == (words.Contains("exec") ? 3 : 2)
                ? Replace(tree, instruction.ArgumentsSpan, new[] { native }, $"Start {native}")
                : Array.Empty<RuleFix>();
            findings.Add(Report(token.Span, path, native, $" as one executable: {kind} writes no {expected}").With(fixes: fix));
            return;
        }

        if (!string.Equals(fileName, expected, StringComparison.Ordinal))
        {
            var newPath = (directory is null ? string.Empty : directory + "/") + expected;
            findings.Add(Report(token.Span, path, expected, string.Empty).With(fixes: Fix(tree, token, path, newPath, $"Start {expected}")));
            return;
        }

        // The name is right: check the folder when the publish output's place in the final image is certain.
        if (StageFacts.WorkdirBefore(final, instruction) is not { } workdir || StageFacts.PublishOutputIn(analysis.Model, final) is not { } outputFolder)
        {
            return;
        }

        var resolved = StageFacts.CombinePath(workdir, path);
        var resolvedFolder = resolved.Substring(0, resolved.LastIndexOf('/'));
        if (resolvedFolder.Length == 0)
        {
            resolvedFolder = "/";
        }

        if (!string.Equals(resolvedFolder, outputFolder, StringComparison.Ordinal))
        {
            var newPath = outputFolder == workdir ? expected : outputFolder.TrimEnd('/') + "/" + expected;
            findings.Add(Report(token.Span, resolved, expected, $" in {outputFolder}, where the publish output is copied").With(fixes: Fix(tree, token, path, newPath, $"Start {newPath}")));
        }
    }

    /// <summary>The instruction, the word and the path of the dll the final stage starts with <c>dotnet</c>.</summary>
    private static (InstructionSyntax Instruction, SyntaxToken Token, string Path)? FindStartedDll(Stage final)
    {
        var entrypoint = StageFacts.Last(final, InstructionKind.Entrypoint);
        var cmd = StageFacts.Last(final, InstructionKind.Cmd);
        var owner = entrypoint ?? cmd;
        if (owner is null || StageFacts.Words(owner) is not { Count: > 0 } words || !DotnetCommandLine.IsDotnetExecutable(words[0]))
        {
            return null;
        }

        var source = owner;
        var arguments = words.Skip(1).ToList();
        if (arguments.Count == 0 && entrypoint is not null && cmd is not null && StageFacts.Words(cmd) is { } cmdWords)
        {
            source = cmd;
            arguments = cmdWords.ToList();
        }

        if (arguments.Count > 0 && arguments[0] == "exec")
        {
            arguments.RemoveAt(0);
        }

        var dll = arguments.FirstOrDefault();
        if (dll is null || !dll.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || dll.IndexOf('$') >= 0 || dll.IndexOf('\\') >= 0)
        {
            return null;
        }

        // Exec form: one token per word, so the word's token is certain. Shell form: the command is one token.
        var token = source.IsJsonForm ? source.Arguments.FirstOrDefault(a => a.Value == dll) : source.Arguments.FirstOrDefault();
        return token is null ? null : (source, token, dll);
    }

    /// <summary>The exec-form ENTRYPOINT (or CMD without one) that starts the app's own executable, App or ./App or /app/App.</summary>
    private static (InstructionSyntax Owner, IReadOnlyList<string> Words)? FindStartedExecutable(Stage final, string assemblyName)
    {
        var owner = StageFacts.Last(final, InstructionKind.Entrypoint) ?? StageFacts.Last(final, InstructionKind.Cmd);
        if (owner is not { IsJsonForm: true } || StageFacts.Words(owner) is not { Count: > 0 } words || words[0].IndexOf('$') >= 0)
        {
            return null;
        }

        var name = words[0].Substring(words[0].LastIndexOf('/') + 1);
        return string.Equals(name, assemblyName, StringComparison.Ordinal) ? (owner, words) : null;
    }

    private static IReadOnlyList<RuleFix> Replace(DockerfileSyntaxTree tree, SourceSpan arguments, IEnumerable<string> words, string title)
        => new[] { new RuleFix(title, RuleFixTarget.Dockerfile, arguments, tree.GetText(arguments), ExecForm.Format(words)) };

    private static IReadOnlyList<RuleFix> Fix(DockerfileSyntaxTree tree, SyntaxToken token, string oldPath, string newPath, string title)
    {
        var original = tree.GetText(token.Span);
        var index = original.IndexOf(oldPath, StringComparison.Ordinal);
        if (index < 0 || original.IndexOf(oldPath, index + 1, StringComparison.Ordinal) >= 0)
        {
            return Array.Empty<RuleFix>();
        }

        var span = new Text.SourceSpan(token.Span.Start + index, oldPath.Length);
        return new[] { new RuleFix(title, RuleFixTarget.Dockerfile, span, oldPath, newPath) };
    }

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(SourceSpan span, string started, string expected, string where)
        => new(Definition, span, new[] { started, expected, where });
}
