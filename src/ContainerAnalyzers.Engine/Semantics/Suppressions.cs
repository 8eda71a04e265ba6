using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using ContainerAnalyzers.Rules;
using ContainerAnalyzers.Syntax;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Semantics;

/// <summary>
/// The suppression comments of a Dockerfile, one syntax for every rule:
/// <list type="bullet">
/// <item><c># containeranalyzers ignore=CTR0010,CTR0033</c> in the comment lines directly above an instruction: that instruction;</item>
/// <item><c># containeranalyzers ignore-stage=CTR0033</c> directly above a FROM: the whole stage;</item>
/// <item><c># containeranalyzers ignore-file=CTR0010</c> anywhere: the whole file.</item>
/// </list>
/// hadolint's <c># hadolint ignore=DL3006</c> (and <c>global ignore=</c>) and BuildKit's <c># check=skip=…</c> directive
/// are honoured too, for the rules that are the same check (<see cref="RuleEquivalents"/>).
/// </summary>
public sealed class Suppressions
{
    public const string CommentPrefix = "containeranalyzers";

    private static readonly Regex OurComment = new(@"^#\s*containeranalyzers\s+(?<scope>ignore|ignore-stage|ignore-file)\s*=\s*(?<ids>[\w\s,]+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    private static readonly Regex HadolintComment = new(@"^#\s*hadolint\s+(?<global>global\s+)?ignore\s*=\s*(?<ids>[\w\s,]+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private readonly HashSet<string> _file = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(SourceSpan Span, HashSet<string> Ids)> _ranges = new();
    private int _maxRangeLength;
    private readonly IReadOnlyList<InstructionSyntax> _instructions;

    private Suppressions(IReadOnlyList<InstructionSyntax> instructions) => _instructions = instructions;

    public static Suppressions Create(DockerfileModel model)
    {
        var tree = model.Syntax;
        var suppressions = new Suppressions(tree.Instructions);
        foreach (var directive in tree.Directives.Where(d => string.Equals(d.Name, "check", StringComparison.OrdinalIgnoreCase)))
        {
            suppressions.ReadCheckDirective(directive.Value);
        }

        var elements = tree.Elements;
        var pending = new List<string>();
        for (var i = 0; i < elements.Count; i++)
        {
            var element = elements[i];
            switch (element.Kind)
            {
                case SyntaxElementKind.Comment:
                    pending.Add(tree.GetText(element.FullSpan).Trim());
                    break;
                case SyntaxElementKind.Instruction when element.Instruction is { } instruction:
                    suppressions.Attach(pending, instruction, model);
                    pending.Clear();
                    break;
                default:
                    // A blank line detaches the comments above it from the next instruction.
                    foreach (var comment in pending)
                    {
                        suppressions.ReadFileLevel(comment);
                    }

                    pending.Clear();
                    break;
            }
        }

        foreach (var comment in pending)
        {
            suppressions.ReadFileLevel(comment);
        }

        suppressions._ranges.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        suppressions._maxRangeLength = suppressions._ranges.Count == 0 ? 0 : suppressions._ranges.Max(r => r.Span.Length);
        return suppressions;
    }

    public bool IsSuppressed(string ruleId, SourceSpan span)
    {
        if (_file.Contains(ruleId) || _file.Contains("all"))
        {
            return true;
        }

        if (_ranges.Count == 0)
        {
            return false;
        }

        // The ranges are instructions and stages in file order; a stage range may contain instruction ranges. Only
        // the ranges that start at or before the span can contain it: find the last of them by binary search, then
        // look back while ranges still reach that far (stage ranges are few).
        var low = 0;
        var high = _ranges.Count - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (_ranges[middle].Span.Start <= span.Start)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        for (var i = high; i >= 0; i--)
        {
            var (range, ids) = _ranges[i];
            if (span.Start < Math.Max(range.End, range.Start + 1) && ids.Contains(ruleId))
            {
                return true;
            }

            if (range.End <= span.Start && _maxRangeLength < span.Start - range.Start)
            {
                break;
            }
        }

        return false;
    }

    /// <summary>
    /// The edit that suppresses a rule for the instruction at a span: a new <c># containeranalyzers ignore=</c> line
    /// above it, or the id added to such a line already there. Null when the span is in no instruction.
    /// </summary>
    public static RuleFix? CreateSuppressFix(DockerfileSyntaxTree tree, string ruleId, SourceSpan span)
    {
        var elements = tree.Elements;
        for (var i = 0; i < elements.Count; i++)
        {
            if (elements[i].Instruction is not { } instruction || span.Start < instruction.FullSpan.Start || span.Start >= Math.Max(instruction.FullSpan.End, instruction.FullSpan.Start + 1))
            {
                continue;
            }

            var title = $"Suppress {ruleId} for this instruction";
            for (var j = i - 1; j >= 0 && elements[j].Kind == SyntaxElementKind.Comment; j--)
            {
                var text = tree.GetText(elements[j].FullSpan);
                var match = OurComment.Match(text.Trim());
                if (match.Success && string.Equals(match.Groups["scope"].Value, "ignore", StringComparison.OrdinalIgnoreCase))
                {
                    var ids = match.Groups["ids"];
                    var leading = text.Length - text.TrimStart().Length;
                    var end = elements[j].FullSpan.Start + leading + ids.Index + ids.Value.TrimEnd().Length;
                    return new RuleFix(title, RuleFixTarget.Dockerfile, new SourceSpan(end, 0), string.Empty, "," + ruleId);
                }
            }

            var lineStart = instruction.FullSpan.Start;
            var indent = tree.Text.Substring(lineStart, instruction.Keyword.Span.Start - lineStart);
            var newLine = tree.Text.Contains("\r\n") ? "\r\n" : "\n";
            return new RuleFix(title, RuleFixTarget.Dockerfile, new SourceSpan(instruction.Keyword.Span.Start, 0), string.Empty, $"# {CommentPrefix} ignore={ruleId}{newLine}{indent}");
        }

        return null;
    }

    private void Attach(List<string> comments, InstructionSyntax instruction, DockerfileModel model)
    {
        foreach (var comment in comments)
        {
            var ours = OurComment.Match(comment);
            if (ours.Success)
            {
                var ids = Ids(ours.Groups["ids"].Value);
                switch (ours.Groups["scope"].Value.ToLowerInvariant())
                {
                    case "ignore":
                        _ranges.Add((instruction.FullSpan, ids));
                        break;
                    case "ignore-stage" when instruction is FromInstructionSyntax:
                        _ranges.Add((StageSpan(model, instruction), ids));
                        break;
                    case "ignore-file":
                        _file.UnionWith(ids);
                        break;
                }

                continue;
            }

            var hadolint = HadolintComment.Match(comment);
            if (hadolint.Success)
            {
                var ids = new HashSet<string>(Ids(hadolint.Groups["ids"].Value).SelectMany(RuleEquivalents.FromHadolint), StringComparer.OrdinalIgnoreCase);
                if (hadolint.Groups["global"].Success)
                {
                    _file.UnionWith(ids);
                }
                else
                {
                    _ranges.Add((instruction.FullSpan, ids));
                }
            }
        }
    }

    private void ReadFileLevel(string comment)
    {
        var ours = OurComment.Match(comment);
        if (ours.Success && string.Equals(ours.Groups["scope"].Value, "ignore-file", StringComparison.OrdinalIgnoreCase))
        {
            _file.UnionWith(Ids(ours.Groups["ids"].Value));
        }

        var hadolint = HadolintComment.Match(comment);
        if (hadolint.Success && hadolint.Groups["global"].Success)
        {
            _file.UnionWith(Ids(hadolint.Groups["ids"].Value).SelectMany(RuleEquivalents.FromHadolint));
        }
    }

    // # check=skip=JSONArgsRecommended,SecretsUsedInArgOrEnv;error=true
    private void ReadCheckDirective(string value)
    {
        foreach (var part in value.Split(';'))
        {
            var equals = part.IndexOf('=');
            if (equals > 0 && string.Equals(part.Substring(0, equals).Trim(), "skip", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var check in part.Substring(equals + 1).Split(','))
                {
                    _file.UnionWith(RuleEquivalents.FromBuildKit(check.Trim()));
                }
            }
        }
    }

    private static HashSet<string> Ids(string list)
        => new(list.Split(new[] { ',', ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries), StringComparer.OrdinalIgnoreCase);

    private static SourceSpan StageSpan(DockerfileModel model, InstructionSyntax from)
    {
        var stage = model.Stages.FirstOrDefault(s => s.From == from);
        var next = stage is null ? null : model.Stages.FirstOrDefault(s => s.Index == stage.Index + 1);
        var end = next?.From.FullSpan.Start ?? model.Syntax.Text.Length;
        return SourceSpan.FromBounds(from.FullSpan.Start, end);
    }
}

/// <summary>Which of our rules are the same check as a hadolint rule or a BuildKit build check.</summary>
public static class RuleEquivalents
{
    private static readonly Dictionary<string, string[]> Hadolint = new(StringComparer.OrdinalIgnoreCase)
    {
        ["DL3006"] = new[] { RuleIds.BaseImageNotPinned },
        ["DL3007"] = new[] { RuleIds.BaseImageNotPinned },
        ["DL3002"] = new[] { RuleIds.FinalStageRunsAsRoot },
        ["DL3022"] = new[] { RuleIds.UnknownStageReference },
        ["DL3023"] = new[] { RuleIds.UnknownStageReference },
        ["DL3024"] = new[] { RuleIds.DuplicateStageName },
        ["DL3025"] = new[] { RuleIds.ShellFormWithoutShell },
        ["DL3061"] = new[] { RuleIds.SyntaxError },
    };

    private static readonly Dictionary<string, string[]> BuildKit = new(StringComparer.OrdinalIgnoreCase)
    {
        ["DuplicateStageName"] = new[] { RuleIds.DuplicateStageName },
        ["SecretsUsedInArgOrEnv"] = new[] { RuleIds.SecretInArgOrEnv },
        ["JSONArgsRecommended"] = new[] { RuleIds.ShellFormWithoutShell },
        ["UndefinedArgInFrom"] = new[] { RuleIds.UnknownStageReference },
    };

    public static IReadOnlyList<string> FromHadolint(string code) => Hadolint.TryGetValue(code, out var ids) ? ids : Array.Empty<string>();

    public static IReadOnlyList<string> FromBuildKit(string check)
        => string.Equals(check, "all", StringComparison.OrdinalIgnoreCase)
            ? BuildKit.Values.SelectMany(v => v).Distinct().ToArray()
            : BuildKit.TryGetValue(check, out var ids) ? ids : Array.Empty<string>();

    /// <summary>The hadolint codes and BuildKit checks that one of our rules also covers (for the docs).</summary>
    public static IEnumerable<string> For(string ruleId)
        => Hadolint.Where(p => p.Value.Contains(ruleId)).Select(p => "hadolint " + p.Key)
            .Concat(BuildKit.Where(p => p.Value.Contains(ruleId)).Select(p => "BuildKit " + p.Key));
}
