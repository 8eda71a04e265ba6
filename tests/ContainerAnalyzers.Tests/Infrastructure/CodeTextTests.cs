using System.Text;
using ContainerAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis.Text;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Infrastructure;

/// <summary>
/// Issue 26: the code searches read a file's characters where they are when the compiler holds them in one string, and
/// in chunks otherwise; a word is found wherever it lies, chunk ends included, whichever way the text is read.
/// </summary>
[TestFixture]
public sealed class CodeTextTests
{
    public enum TextForm
    {
        // SourceText.From(string): what the compiler makes of a file it reads from disk.
        OneString,

        // Any other text (a large file, an edited document): read through CopyTo.
        Pieces,
    }

    private static SourceText Text(string text, TextForm form) => form == TextForm.OneString ? SourceText.From(text) : new PiecesText(text);

    [Test]
    public void FindsAWordAtEveryOffset([Values(0, (16 * 1024) - 3, (16 * 1024) - 6, 16 * 1024, (40 * 1024) + 7)] int offset, [Values] TextForm form)
    {
        var text = new string(' ', offset) + "builder.WebHost.UseUrls(\"http://+:5000\");" + new string(' ', 100);
        Assert.That(CodeText.ContainsAny(Text(text, form), new CodeWords("Kestrel", "UseUrls")), Is.True);
        Assert.That(CodeText.ContainsAny(Text(text, form), new CodeWords("Kestrel", "ListenAnyIP")), Is.False);
    }

    // A word anchored on a capital that is not its first character (".Run(" on 'R'), at a chunk's start and end.
    [Test]
    public void FindsAWordAnchoredInsideIt([Values(0, (16 * 1024) - 2, (16 * 1024) - 5, (16 * 1024) + 1)] int offset, [Values] TextForm form)
    {
        var words = new CodeWords("Listen", "Urls", ".Run(", "UseSetting", "ASPNETCORE_", "Kestrel");
        Assert.That(CodeText.ContainsAny(Text(new string('x', offset) + "app.Run(\"http://+:80\");", form), words), Is.True);
        Assert.That(CodeText.ContainsAny(Text(new string('x', offset) + "app.Run();", form), words), Is.True);
        Assert.That(CodeText.ContainsAny(Text(new string('x', offset) + "app.Runner(); Run(x); Lis ten U rls", form), words), Is.False);
    }

    // More anchor letters than one vectorized pass takes, and words with no capital at all.
    [Test]
    public void ManyAnchorsAndLowerCaseWords([Values] TextForm form)
    {
        var words = new CodeWords("Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "golf");
        Assert.That(CodeText.ContainsAny(Text("var x = Foxtrot;", form), words), Is.True);
        Assert.That(CodeText.ContainsAny(Text("mini golf", form), words), Is.True);
        Assert.That(CodeText.ContainsAny(Text("alpha bravo Golf", form), words), Is.False);
        Assert.That(CodeText.ContainsAny(Text("a golf", form), new CodeWords("golf")), Is.True);
    }

    [Test]
    public void EmptyTextMentionsNothing([Values] TextForm form) => Assert.That(CodeText.ContainsAny(Text(string.Empty, form), new CodeWords("Urls")), Is.False);

    // What the one-string path rests on: Roslyn's text made from a string hands that string back, not a copy. Were this
    // to change, the search would still be right, but it would allocate a copy of every file it reads.
    [Test]
    public void TheCompilersStringTextHandsBackItsString()
    {
        var source = "app.Run();" + new string(' ', 100);
        Assert.That(SourceText.From(source).ToString(), Is.SameAs(source));
    }

    // A SourceText of another type than SourceText.From(string)'s, which can only be read through CopyTo.
    private sealed class PiecesText : SourceText
    {
        private readonly string _text;

        public PiecesText(string text) => _text = text;

        public override Encoding? Encoding => Encoding.UTF8;

        public override int Length => _text.Length;

        public override char this[int position] => _text[position];

        public override void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count) => _text.CopyTo(sourceIndex, destination, destinationIndex, count);

        public override string ToString(TextSpan span) => throw new AssertionException("the search made a string of a text kept in pieces");
    }
}
