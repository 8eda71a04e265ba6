using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
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
/// are recorded too, as <see cref="HadolintKey"/> and <see cref="BuildKitKey"/> keys. The model knows nothing of the
/// rules: the rule host asks with each rule's keys (its id and its equivalents, from the rule table) after all
/// rules have run.
/// </summary>
public sealed class Suppressions
{
    public const string CommentPrefix = "containeranalyzers";

    // The word every hadolint suppression has.
    private const string HadolintWord = "hadolint";

    /// <summary><c># containeranalyzers ignore…=ids</c>; a comment that does not mention us is not matched at all.</summary>
    internal static Match MatchOurComment(string comment)
        => comment.IndexOf(CommentPrefix, StringComparison.OrdinalIgnoreCase) >= 0 ? Patterns.OurComment.Match(comment) : Match.Empty;

    private static Match MatchHadolintComment(string comment)
        => comment.IndexOf(HadolintWord, StringComparison.OrdinalIgnoreCase) >= 0 ? Patterns.HadolintComment.Match(comment) : Match.Empty;

    private static bool MayBeSuppression(string text, SourceSpan span)
    {
        var start = Math.Max(0, Math.Min(span.Start, text.Length));
        var length = Math.Max(0, Math.Min(span.Length, text.Length - start));
        return text.IndexOf(CommentPrefix, start, length, StringComparison.OrdinalIgnoreCase) >= 0
            || text.IndexOf(HadolintWord, start, length, StringComparison.OrdinalIgnoreCase) >= 0;
    }

    private readonly HashSet<string> _file = new(StringComparer.OrdinalIgnoreCase);
    // Records, not tuples: a list of a value type runs framework code a fresh compiler process would JIT-compile.
    private readonly List<SuppressedRange> _ranges = new();
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
                    // Only a comment that mentions us or hadolint can suppress anything: the others are not made into
                    // strings (most Dockerfiles' comments are prose).
                    if (MayBeSuppression(tree.Text, element.FullSpan))
                    {
                        pending.Add(tree.GetText(element.FullSpan).Trim());
                    }

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

    /// <summary>The key a <c># hadolint ignore=</c> comment records for a hadolint code.</summary>
    public static string HadolintKey(string code) => "hadolint:" + code;

    /// <summary>The key a <c># check=skip=</c> directive records for a BuildKit check (<c>all</c> included).</summary>
    public static string BuildKitKey(string check) => "buildkit:" + check;

    /// <summary>Whether a finding at the span is suppressed for a rule known by these keys (its id, then its equivalents' keys).</summary>
    public bool IsSuppressed(IReadOnlyList<string> ruleKeys, SourceSpan span)
    {
        if (_file.Contains("all"))
        {
            return true;
        }

        foreach (var key in ruleKeys)
        {
            if (IsSuppressed(key, span))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsSuppressed(string ruleId, SourceSpan span)
    {
        if (_file.Contains(ruleId))
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

    private void Attach(List<string> comments, InstructionSyntax instruction, DockerfileModel model)
    {
        foreach (var comment in comments)
        {
            var ours = MatchOurComment(comment);
            if (ours.Success)
            {
                var ids = Ids(ours.Groups["ids"].Value);
                switch (ours.Groups["scope"].Value.ToLowerInvariant())
                {
                    case "ignore":
                        _ranges.Add(new SuppressedRange(instruction.FullSpan, ids));
                        break;
                    case "ignore-stage" when instruction is FromInstructionSyntax:
                        _ranges.Add(new SuppressedRange(StageSpan(model, instruction), ids));
                        break;
                    case "ignore-file":
                        _file.UnionWith(ids);
                        break;
                }

                continue;
            }

            var hadolint = MatchHadolintComment(comment);
            if (hadolint.Success)
            {
                var ids = new HashSet<string>(Ids(hadolint.Groups["ids"].Value).Select(HadolintKey), StringComparer.OrdinalIgnoreCase);
                if (hadolint.Groups["global"].Success)
                {
                    _file.UnionWith(ids);
                }
                else
                {
                    _ranges.Add(new SuppressedRange(instruction.FullSpan, ids));
                }
            }
        }
    }

    private void ReadFileLevel(string comment)
    {
        var ours = MatchOurComment(comment);
        if (ours.Success && string.Equals(ours.Groups["scope"].Value, "ignore-file", StringComparison.OrdinalIgnoreCase))
        {
            _file.UnionWith(Ids(ours.Groups["ids"].Value));
        }

        var hadolint = MatchHadolintComment(comment);
        if (hadolint.Success && hadolint.Groups["global"].Success)
        {
            _file.UnionWith(Ids(hadolint.Groups["ids"].Value).Select(HadolintKey));
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
                    if (check.Trim() is { Length: > 0 } name)
                    {
                        _file.Add(BuildKitKey(name));
                    }
                }
            }
        }
    }

    internal static HashSet<string> Ids(string list)
        => new(list.Split(new[] { ',', ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries), StringComparer.OrdinalIgnoreCase);

    private static SourceSpan StageSpan(DockerfileModel model, InstructionSyntax from)
    {
        var stage = model.Stages.FirstOrDefault(s => s.From == from);
        var next = stage is null ? null : model.Stages.FirstOrDefault(s => s.Index == stage.Index + 1);
        var end = next?.From.FullSpan.Start ?? model.Syntax.Text.Length;
        return SourceSpan.FromBounds(from.FullSpan.Start, end);
    }

    // Built on first use: most Dockerfiles have no suppression comment, and then no regex is ever constructed.
    private static class Patterns
    {
        public static readonly Regex OurComment = new(@"^#\s*containeranalyzers\s+(?<scope>ignore|ignore-stage|ignore-file)\s*=\s*(?<ids>[\w\s,]+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        public static readonly Regex HadolintComment = new(@"^#\s*hadolint\s+(?<global>global\s+)?ignore\s*=\s*(?<ids>[\w\s,]+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    }

    private sealed record SuppressedRange(SourceSpan Span, HashSet<string> Ids);
}
