using System.Text.RegularExpressions;
using NUnit.Framework;

namespace ContainerAnalyzers.Tests.Infrastructure;

/// <summary>
/// The engine's layers import only downward (issue 25): core (Text) → syntax (Syntax) → facts (Images, Projects,
/// Semantics, Compose) → rules (Rules) → fixes (Fixes). A folder of src/ContainerAnalyzers.Engine is a layer and its
/// namespace; a file that names a higher layer, by a using or a qualified name, fails here.
/// </summary>
[TestFixture]
public sealed class LayeringTests
{
    private static readonly Dictionary<string, int> Layers = new(StringComparer.Ordinal)
    {
        ["Text"] = 0, ["Polyfills"] = 0,
        ["Syntax"] = 1,
        ["Images"] = 2, ["Projects"] = 2, ["Semantics"] = 2, ["Compose"] = 2,
        ["Rules"] = 3,
        ["Fixes"] = 4,
    };

    private static readonly Regex Reference = new(@"using ContainerAnalyzers\.(?<layer>\w+)|(?<![\w.])(?<layer>Fixes|Rules|Compose|Semantics|Projects|Images|Syntax)\.[A-Z]\w*", RegexOptions.CultureInvariant);

    [Test]
    public void NoLayerImportsAHigherOne()
    {
        var engine = Path.Combine(TestPaths.RepositoryRoot, "src", "ContainerAnalyzers.Engine");
        var upward = new List<string>();
        foreach (var file in Directory.EnumerateFiles(engine, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(engine, file).Replace('\\', '/');
            if (relative.StartsWith("obj/", StringComparison.Ordinal) || relative.StartsWith("bin/", StringComparison.Ordinal)
                || !Layers.TryGetValue(relative.Split('/')[0], out var own))
            {
                continue;
            }

            foreach (Match match in Reference.Matches(File.ReadAllText(file)))
            {
                var layer = match.Groups["layer"].Value;
                if (Layers.TryGetValue(layer, out var rank) && rank > own)
                {
                    upward.Add($"{relative} uses {layer}");
                }
            }
        }

        Assert.That(upward.Distinct(), Is.Empty);
    }

    [Test]
    public void TheCheckSeesAnUpwardImport()
    {
        // The pattern the check relies on finds both forms in a fact-layer file.
        Assert.That(Reference.Matches("using ContainerAnalyzers.Fixes;\nvar d = Fixes.PathText.GetDirectory(p);").Select(m => m.Groups["layer"].Value), Is.EqualTo(new[] { "Fixes", "Fixes" }));
    }
}
