using System.Collections.Generic;
using System.Linq;
using ContainerAnalyzers.Text;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Syntax;

/// <summary>
/// Path normalization returns a path that is already normal as it is, without rebuilding it: the shortcut must give
/// exactly what the segment-by-segment rebuild gives, for every root, separator and dot segment.
/// </summary>
[TestFixture]
public sealed class PathTextTests
{
    [TestCase("/src/App/App.csproj", "/src/App/App.csproj")]
    [TestCase("C:/repo/src/App", "C:/repo/src/App")]
    [TestCase("C:\\repo\\src\\App\\", "C:/repo/src/App")]
    [TestCase("/src/./App/../Api/", "/src/Api")]
    [TestCase("./App", "App")]
    [TestCase("../App", "../App")]
    [TestCase("/..", "/")]
    [TestCase("//server/share//x", "//server/share/x")]
    [TestCase("a/.hidden/..x/.../b", "a/.hidden/..x/.../b")]
    [TestCase("", "")]
    public void NormalizesAsBuildKitCleansAndMsBuildSpells(string path, string expected)
        => Assert.That(PathText.Normalize(path), Is.EqualTo(expected));

    [Test]
    public void TheShortcutAgreesWithTheRebuildOnEveryShortPath()
    {
        var pieces = new[] { "a", "bc", ".", "..", "...", ".x", "x.", "C:", "c:", "/", "\\", "//" };
        var checkedPaths = 0;
        foreach (var path in Paths(pieces, 4))
        {
            Assert.That(PathText.Normalize(path), Is.EqualTo(PathText.Rebuild(path)), $"'{path}'");
            checkedPaths++;
        }

        Assert.That(checkedPaths, Is.GreaterThan(20_000), "every path of up to four pieces");
    }

    [Test]
    public void ANormalPathIsReturnedWithoutANewString()
    {
        const string path = "/home/user/src/App/App.csproj";
        Assert.That(PathText.Normalize(path), Is.SameAs(path));
    }

    private static IEnumerable<string> Paths(string[] pieces, int count)
    {
        IEnumerable<string> paths = new[] { string.Empty };
        var all = new List<string>(paths);
        for (var i = 0; i < count; i++)
        {
            paths = paths.SelectMany(p => pieces.Select(piece => p + piece)).ToList();
            all.AddRange(paths);
        }

        return all;
    }
}
