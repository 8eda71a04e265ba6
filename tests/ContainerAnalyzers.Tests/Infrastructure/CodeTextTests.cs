using System.Text;
using ContainerAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis.Text;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Infrastructure;

/// <summary>
/// Issue 26: the code searches read a file's characters where they are when the compiler holds them in one string, and
/// in chunks otherwise; a word is found wherever it lies, chunk ends included, whichever way the text is read, and
/// several lists of words are told apart in one pass.
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

    // Words with no capital at all, and words that share their anchors (seven words on five letters).
    [Test]
    public void LowerCaseWordsAndSharedAnchors([Values] TextForm form)
    {
        var words = new CodeWords("Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "golf");
        Assert.That(words.AnchorCharacters, Has.Count.LessThanOrEqualTo(5));
        Assert.That(CodeText.ContainsAny(Text("var x = Foxtrot;", form), words), Is.True);
        Assert.That(CodeText.ContainsAny(Text("mini golf", form), words), Is.True);
        Assert.That(CodeText.ContainsAny(Text("alpha bravo Golf", form), words), Is.False);
        Assert.That(CodeText.ContainsAny(Text("a golf", form), new CodeWords("golf")), Is.True);
    }

    // More anchor letters than one vectorized pass takes: six words with no letter in common.
    [Test]
    public void MoreAnchorsThanOnePassTakes([Values] TextForm form)
    {
        var words = CodeWords.OfLists(new[] { "Zulu", "Yankee", "Xray" }, new[] { "Juliett", "Quebec", "Kilo" });
        Assert.That(words.AnchorCharacters, Has.Count.GreaterThan(5));
        Assert.That(CodeText.ContainsAny(Text("var k = Kilo;", form), words), Is.True);
        Assert.That(CodeText.ListsIn(Text("Xray(); Quebec();", form), words), Is.EqualTo(0b11));
        Assert.That(CodeText.ListsIn(Text("Quebec();", form), words), Is.EqualTo(0b10));
        Assert.That(CodeText.ListsIn(Text("zulu yankee", form), words), Is.Zero);
    }

    // Several lists in one pass: each list's bit, wherever its word lies, chunk ends included.
    [Test]
    public void ListsFoundInOnePass([Values(0, (16 * 1024) - 4, (16 * 1024) + 3, (40 * 1024) + 7)] int offset, [Values] TextForm form)
    {
        var words = CodeWords.OfLists(new[] { "Kestrel", ".Run(" }, new[] { "AddCookie", "PersistKeysTo" });
        var padding = new string('x', offset);
        Assert.That(CodeText.ListsIn(Text(padding + "app.Run();", form), words), Is.EqualTo(0b01));
        Assert.That(CodeText.ListsIn(Text(padding + "services.AddCookie();", form), words), Is.EqualTo(0b10));
        Assert.That(CodeText.ListsIn(Text("app.Run();" + padding + "o.PersistKeysToFileSystem(d);", form), words), Is.EqualTo(0b11));
        Assert.That(CodeText.ListsIn(Text(padding + "app.Runner(); AddCookies", form), words), Is.EqualTo(0b10));
        Assert.That(CodeText.ListsIn(Text(padding + "app.Runner(); Add Cookie", form), words), Is.Zero);
    }

    // The searches asked in every web build take the one vectorized pass, the two that share it too.
    [Test]
    public void TheHostSetupSearchesTakeOnePass()
    {
        Assert.That(new CodeWords(CodeEndpointSearch.Words).AnchorCharacters, Has.Count.LessThanOrEqualTo(5));
        Assert.That(new CodeWords(DataProtectionCalls.Words).AnchorCharacters, Has.Count.LessThanOrEqualTo(5));
        Assert.That(CodeWords.OfLists(CodeEndpointSearch.Words, DataProtectionCalls.Words).AnchorCharacters, Has.Count.LessThanOrEqualTo(5));
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
