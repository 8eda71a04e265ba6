using System;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Rules.Definitions;

/// <summary>
/// CTR0099: a rule of this package threw on the file and reported nothing for it. The host reports this instead of
/// letting the exception become AD0001 (which fails every build that treats warnings as errors) and instead of hiding
/// it: the user sees which rule went quiet and why, and the tests, which run the rules without this net, fail.
/// Reported at the start of the file; informational, so a bug of ours never fails a user's build.
/// </summary>
public static class CTR0099RuleFailedRule
{
    /// <summary>This rule's row of the rule table.</summary>
    public static RuleDescriptor Definition { get; } = new(
        "CTR0099",
        "A ContainerAnalyzers rule failed",
        "{0} failed on this file with {1} and reported nothing for it; the other rules ran. Please report it with the file: {2}",
        RuleCategories.Syntax,
        RuleSeverity.Info,
        "A rule of the package threw an exception. Its findings for this file are lost, the other rules still report, and the build does not fail because of it.")
    {
        Inputs = RuleInputs.Dockerfile | RuleInputs.Compose | RuleInputs.ProjectFile,
    };

    /// <summary>The finding for <paramref name="failed"/> (a rule id, or the step of the analysis) failing with <paramref name="exception"/>.</summary>
    public static RuleFinding Failure(string failed, Exception exception)
        => Report(new SourceSpan(0, 0), failed, exception.GetType().FullName ?? exception.GetType().Name, FirstLine(exception.Message));

    /// <summary>The finding, with the message arguments the format takes, in order.</summary>
    private static RuleFinding Report(SourceSpan span, string failed, string exceptionType, string message)
        => new(Definition, span, new[] { failed, exceptionType, message });

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(new[] { '\r', '\n' });
        var line = end < 0 ? message : message.Substring(0, end);
        return line.Length > 200 ? line.Substring(0, 200) + "…" : line;
    }
}
