using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using ContainerAnalyzers.Projects;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0052: a RUN puts a NuGet feed's password into a NuGet.Config in its layer: <c>dotnet nuget add source</c> (or
/// <c>update source</c>) with a password, or a command that writes a secret variable (<c>$NUGET_PAT</c>, a TOKEN or
/// PASSWORD) into a nuget.config (<c>sed -i</c>, <c>echo … &gt; nuget.config</c>, <c>envsubst</c>) and does
/// not remove it in the same RUN. Anyone who can pull the image can read the feed's token, and the RUN's command line,
/// with the values of the ARGs it uses, is kept in the image's history. A warning in a stage the final image is built
/// on; informational in a builder stage, whose layers stay in the build cache and in any image built from that stage,
/// but not in the final image.
/// </summary>
public sealed class CTR0052NuGetCredentialsInLayerRule : DockerfileRule
{
    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0052",
        "NuGet feed credentials stored in an image layer",
        "The feed's password is stored in {0}{1}; pass a NuGet.Config as a build secret instead: RUN --mount=type=secret,id=nugetconfig dotnet restore --configfile /run/secrets/nugetconfig",
        RuleCategories.Security,
        RuleSeverity.Warning,
        "A password given to 'dotnet nuget add source', a token a RUN writes into a nuget.config, or a NuGet.Config with stored credentials copied in, is in that layer's file, and a build argument's value in the image's history.");

    public override RuleDescriptor Descriptor => Definition;

    protected internal override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        var model = analysis.Model;
        var shipped = model.FinalStage is { } final ? new HashSet<Stage>(final.Lineage) : new HashSet<Stage>();
        foreach (var stage in model.Stages)
        {
            foreach (var instruction in stage.Instructions)
            {
                if (instruction.Kind != InstructionKind.Run)
                {
                    continue;
                }

                var ships = shipped.Contains(stage);
                var where = ships ? ", which the final image carries" : $" of the stage '{stage.DisplayName}', which stays in the build cache and in any image built from that stage";
                foreach (var command in model.DotnetCommandsOf(instruction))
                {
                    if (command.Verb != "nuget" || command.Arguments.Count < 2 || command.Arguments[0] is not ("add" or "update")
                        || command.Arguments[1] != "source" || command.GetOption("--password", "-p") is null)
                    {
                        continue;
                    }

                    findings.Add(Report(instruction.Keyword.Span, $"the user's NuGet.Config by this RUN ('dotnet nuget {command.Arguments[0]} source' with a password), and with the command in the image's history", where).With(severity: ships ? null : RuleSeverity.Info));
                }

                if (TokenWrittenIntoNuGetConfig(stage, instruction) is { } written)
                {
                    findings.Add(Report(instruction.Keyword.Span, written, where).With(severity: ships ? null : RuleSeverity.Info));
                }
            }
        }

        foreach (var (copy, source, config, sources) in CopiedConfigsWithStoredPasswords(analysis))
        {
            var stage = model.StageOf(copy);
            var ships = stage is not null && shipped.Contains(stage);
            var where = ships ? ", which the final image carries" : $" of the stage '{stage?.DisplayName}', which stays in the build cache and in any image built from that stage";
            findings.Add(Report(source.Span, $"this layer by this COPY of {PathText.GetFileName(config)} (its packageSourceCredentials hold the password of {MessageText.QuotedList(sources)})", where)
                .With(severity: ships ? null : RuleSeverity.Info));
        }
    }

    /// <summary>
    /// The COPY sources that bring the NuGet.Config restore reads into an image when it stores a feed's password: by its
    /// path, or inside a folder copied whole (<c>COPY . .</c>) that the .dockerignore does not thin. Only where the build
    /// context is certain; a folder copy only where the .dockerignore is known (none, or the one that applies).
    /// </summary>
    private static IEnumerable<(CopyInstructionSyntax Copy, SyntaxToken Source, string Config, IReadOnlyList<string> Sources)> CopiedConfigsWithStoredPasswords(DockerfileAnalysis analysis)
    {
        if (analysis.NuGetConfigFiles.Count == 0 || analysis.ContextFolder is not { } context)
        {
            yield break;
        }

        foreach (var (path, text) in analysis.NuGetConfigFiles)
        {
            if (PathText.RelativeTo(context, path) is not { } relative || relative == "." || NuGetConfigCredentials.SourcesWithStoredPassword(text) is not { Count: > 0 } sources)
            {
                continue;
            }

            var ignore = analysis.ApplyingIgnore;
            var ignoreKnown = ignore is { Ignore.IsValid: true } || (ignore is null && analysis.HasDockerIgnore == false);
            var excluded = ignore is { } applying && applying.Ignore.ExcludedBy(relative) is not null;
            foreach (var (copy, source) in ContextSources.Copied(analysis.Model))
            {
                var written = PathText.Clean(source.Value.Replace('\\', '/').TrimStart('/'));
                if (written.IndexOfAny(WildcardOrVariable) >= 0)
                {
                    continue;
                }

                var byPath = string.Equals(written, relative, StringComparison.Ordinal);
                var inFolder = (written == "." || relative.StartsWith(written.TrimEnd('/') + "/", StringComparison.Ordinal)) && ignoreKnown && !excluded;
                if (byPath || inFolder)
                {
                    yield return (copy, source, path, sources);
                }
            }
        }
    }

    private static readonly char[] WildcardOrVariable = { '*', '?', '[', '$' };

    /// <summary>
    /// How a RUN writes a secret variable into a nuget.config that it does not remove again (a restore between the two
    /// leaves nothing in the layer), for the message; null when it does not.
    /// </summary>
    private static string? TokenWrittenIntoNuGetConfig(Stage stage, InstructionSyntax run)
    {
        // Most RUNs never name the file: a look at their words before any shell reading.
        if (!run.Arguments.Any(a => MentionsNuGetConfig(a.Value)) && !run.Heredocs.Any(h => MentionsNuGetConfig(h.Content)))
        {
            return null;
        }

        string? written = null;
        foreach (var words in DotnetCommandLine.ShellCommandsOf(run))
        {
            if (words.Count == 0 || !words.Any(MentionsNuGetConfig))
            {
                continue;
            }

            var program = PathText.GetFileName(words[0]);
            if (program is "rm" or "shred" && words.Skip(1).Any(IsNuGetConfig))
            {
                // Removed in the same RUN (after the restore that needed it): the layer keeps no such file.
                written = null;
                continue;
            }

            var target = program switch
            {
                "sed" when words.Any(w => w.StartsWith("-i", StringComparison.Ordinal) || w.StartsWith("--in-place", StringComparison.Ordinal)) => words.Skip(1).LastOrDefault(IsNuGetConfig),
                _ => RedirectTarget(words) is { } redirected && IsNuGetConfig(redirected) ? redirected : null,
            };
            if (target is null)
            {
                continue;
            }

            // envsubst writes every exported variable it finds in the template: the stage's secret build arguments.
            var secret = words.Where(w => !ReferenceEquals(w, target)).SelectMany(w => Patterns.Variable.Matches(w).Cast<Match>()).Select(m => m.Groups[1].Value).FirstOrDefault(IsCredential)
                ?? (program == "envsubst" ? SecretArguments(stage).FirstOrDefault() : null);
            if (secret is not null)
            {
                written ??= $"{target} by this RUN ('{program}' writes ${secret} into it)";
            }
        }

        return written;
    }

    private static bool MentionsNuGetConfig(string text) => text.IndexOf("nuget.config", StringComparison.OrdinalIgnoreCase) >= 0;

    private static bool IsNuGetConfig(string word)
        => string.Equals(PathText.GetFileName(word.TrimStart('>')), "nuget.config", StringComparison.OrdinalIgnoreCase);

    private static bool IsCredential(string name) => CTR0050SecretInArgOrEnvRule.IsSecret(name) || Patterns.PersonalAccessToken.IsMatch(name);

    // The file a command's output goes to: "> file", ">> file", ">file".
    private static string? RedirectTarget(IReadOnlyList<string> words)
    {
        for (var i = 1; i < words.Count; i++)
        {
            if (words[i] is ">" or ">>")
            {
                return i + 1 < words.Count ? words[i + 1] : null;
            }

            if (words[i].StartsWith(">", StringComparison.Ordinal))
            {
                return words[i].TrimStart('>');
            }
        }

        return null;
    }

    private static IEnumerable<string> SecretArguments(Stage stage)
        => stage.Lineage.SelectMany(s => s.Instructions).OfType<ArgInstructionSyntax>().SelectMany(a => a.Declarations).Select(d => d.Name).Where(IsCredential);

    // Built on first use: most Dockerfiles write no nuget.config, and a regex costs its construction at start.
    private static class Patterns
    {
        public static readonly Regex Variable = new(@"(?<!\\)\$\{?([A-Za-z_][A-Za-z0-9_]*)", RegexOptions.CultureInvariant);
        public static readonly Regex PersonalAccessToken = new(@"(^|_)PAT$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    }

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(SourceSpan span, string how, string where)
        => new(Definition, span, new[] { how, where });
}
