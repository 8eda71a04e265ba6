using ContainerAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Infrastructure;

/// <summary>
/// Issue 26: a code question is searched for once per compilation. The Dockerfile's and the compose file's callbacks
/// run at the same time and ask the same question; the second waits for the first's answer.
/// </summary>
[TestFixture]
public sealed class CompilationSourceEvidenceTests
{
    [Test]
    public void AskersAtTheSameTimeShareOneSearch()
    {
        var answer = new CompilationSourceEvidence.Answer<object>();
        var searches = 0;
        using var searching = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        object Search(string _)
        {
            Interlocked.Increment(ref searches);
            searching.Set();
            release.Wait(TimeSpan.FromSeconds(10));
            return new object();
        }

        var first = Task.Run(() => answer.Get("code", Search));
        Assert.That(searching.Wait(TimeSpan.FromSeconds(10)), Is.True, "the first asker started its search");
        var others = Enumerable.Range(0, 4).Select(_ => Task.Run(() => answer.Get("code", Search))).ToArray();
        release.Set();

        var answers = others.Select(t => t.Result).Append(first.Result).ToList();
        Assert.That(searches, Is.EqualTo(1));
        Assert.That(answers, Has.All.SameAs(answers[0]));
        Assert.That(answer.Get("code", Search), Is.SameAs(answers[0]), "later askers read the answer");
        Assert.That(searches, Is.EqualTo(1));
    }

    // A search cancelled with its caller's build leaves nothing behind: the next asker, with its own token, searches.
    [Test]
    public void ACancelledSearchIsNotRemembered()
    {
        var answer = new CompilationSourceEvidence.Answer<string>();
        Assert.Throws<OperationCanceledException>(() => answer.Get(new CancellationToken(canceled: true), token =>
        {
            token.ThrowIfCancellationRequested();
            return "never";
        }));
        Assert.That(answer.Get(CancellationToken.None, _ => "searched"), Is.EqualTo("searched"));
    }

    // The word lists a rule asks about (CTR0024's culture evidence) go through the same answers: one per list.
    [Test]
    public void AWordListIsAnsweredFromTheCode()
    {
        var compilation = CSharpCompilation.Create("App", new[]
        {
            CSharpSyntaxTree.ParseText("public static class Numbers { public static int One => 1; }"),
            CSharpSyntaxTree.ParseText("public static class Prices { public static object Culture => new System.Globalization.CultureInfo(\"fr-FR\"); }"),
        });
        var evidence = CompilationSourceEvidence.For(compilation, CancellationToken.None);

        Assert.That(evidence.MentionsAny(new[] { "RegionInfo", "CultureInfo" }), Is.True);
        Assert.That(evidence.MentionsAny(new[] { "RegionInfo", "IStringLocalizer" }), Is.False);
        Assert.That(CompilationSourceEvidence.For(compilation, CancellationToken.None).MentionsAny(new[] { "RegionInfo", "CultureInfo" }), Is.True, "asked again, from another callback");
    }
}
