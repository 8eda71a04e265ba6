using System.Collections.Generic;
using System.Text.RegularExpressions;
using System.Threading;
using ContainerAnalyzers.Semantics;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0014: a FROM image that Docker's reference grammar rejects, checked after ARG substitution: upper-case or
/// otherwise invalid repository path, an empty or invalid tag, a malformed digest. Stage names are not checked.
/// </summary>
public sealed class CTR0014InvalidImageReferenceRule : DockerfileRule
{

    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0014",
        "Invalid image reference",
        "'{0}' is not a valid image reference: {1}",
        RuleCategories.Image,
        RuleSeverity.Warning,
        "Docker rejects references with upper-case repository names, an empty tag, an invalid tag or a malformed digest.");

    public override RuleDescriptor Descriptor => Definition;

    protected internal override void Analyze(DockerfileAnalysis analysis, List<RuleFinding> findings, CancellationToken cancellationToken)
    {
        foreach (var stage in analysis.Model.Stages)
        {
            if (stage.BaseStage is not null || stage.BaseName is not { } name || stage.From.Image is not { } token || Problem(name) is not { } problem)
            {
                continue;
            }

            findings.Add(Report(token.Span, name, problem));
        }
    }

    /// <summary>What is wrong with a reference, or null when Docker accepts it.</summary>
    // Nearly every reference is lower-case letters, digits and . - _ / : with one tag: accept those without the regexes.
    private static bool IsPlainlyValid(string reference)
    {
        var colons = 0;
        var lastSlash = -1;
        var previous = '/';
        for (var i = 0; i < reference.Length; i++)
        {
            var c = reference[i];
            var separator = c is '/' or ':' or '.' or '-' or '_';
            if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9') && !separator)
            {
                return false;
            }

            if (separator && previous is '/' or ':' or '.' or '-')
            {
                return false;
            }

            colons += c == ':' ? 1 : 0;
            lastSlash = c == '/' ? i : lastSlash;
            previous = c;
        }

        return reference.Length > 0 && colons <= 1 && previous is not ('/' or ':' or '.' or '-' or '_') && (colons == 0 || reference.LastIndexOf(':') > lastSlash);
    }

    public static string? Problem(string reference)
    {
        if (IsPlainlyValid(reference))
        {
            return null;
        }

        var rest = reference;
        var at = rest.IndexOf('@');
        if (at >= 0)
        {
            var digest = rest.Substring(at + 1);
            rest = rest.Substring(0, at);
            if (!Patterns.Digest.IsMatch(digest) || (digest.StartsWith("sha256:", System.StringComparison.Ordinal) && !Patterns.Sha256.IsMatch(digest)))
            {
                return $"the digest '{digest}' is not <algorithm>:<hex> (sha256 takes 64 lower-case hex digits)";
            }
        }

        var slash = rest.LastIndexOf('/');
        var colon = rest.LastIndexOf(':');
        if (colon > slash)
        {
            var tag = rest.Substring(colon + 1);
            rest = rest.Substring(0, colon);
            if (tag.Length == 0)
            {
                return "the tag after ':' is empty";
            }

            if (!Patterns.Tag.IsMatch(tag))
            {
                return $"the tag '{tag}' may only hold letters, digits, '_', '.' and '-', and start with a letter, digit or '_'";
            }
        }

        var components = rest.Split('/');
        for (var i = 0; i < components.Length; i++)
        {
            var component = components[i];
            // The first component is a registry host when it has a '.' or ':' or is localhost; hosts follow other rules.
            if (i == 0 && components.Length > 1 && (component.IndexOf('.') >= 0 || component.IndexOf(':') >= 0 || component == "localhost"))
            {
                continue;
            }

            if (!Patterns.PathComponent.IsMatch(component))
            {
                return component.ToLowerInvariant() != component && Patterns.PathComponent.IsMatch(component.ToLowerInvariant())
                    ? $"repository names must be lower-case ('{component}')"
                    : $"'{component}' is not a valid repository name component";
            }
        }

        return null;
    }

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(SourceSpan span, string reference, string problem)
        => new(Definition, span, new[] { reference, problem });

    // Built on first use, not when the rule table reads Definition (which runs this class's static initialisers).
    private static class Patterns
    {
        public static readonly Regex PathComponent = new(@"^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$", RegexOptions.CultureInvariant);
        public static readonly Regex Tag = new(@"^[\w][\w.-]{0,127}$", RegexOptions.CultureInvariant);
        public static readonly Regex Digest = new(@"^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9a-fA-F]{32,}$", RegexOptions.CultureInvariant);
        public static readonly Regex Sha256 = new(@"^sha256:[0-9a-f]{64}$", RegexOptions.CultureInvariant);
    }
}
