using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ContainerAnalyzers.Infrastructure;

/// <summary>
/// The files of a compilation that mention a word of each of a group's lists (<see cref="CodeWords.OfLists"/>), found
/// in one pass over each file's text. The searches that share a group read only the files marked for their list, so
/// the project's code is read once for all of them.
/// </summary>
internal sealed class CodeFileMarks
{
    // Only the files that mention something: in most projects a handful of the thousands.
    private readonly SyntaxTree[] _files;
    private readonly int[] _lists;

    private CodeFileMarks(SyntaxTree[] files, int[] lists)
    {
        _files = files;
        _lists = lists;
    }

    public static CodeFileMarks Of(Compilation compilation, CodeWords words, CancellationToken cancellationToken)
    {
        var files = new List<SyntaxTree>();
        var lists = new List<int>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (CodeText.ListsIn(tree.GetText(cancellationToken), words) is var found and not 0)
            {
                files.Add(tree);
                lists.Add(found);
            }
        }

        return new CodeFileMarks(files.ToArray(), lists.ToArray());
    }

    /// <summary>The files that mention a word of list <paramref name="list"/>, in the compilation's order.</summary>
    public IEnumerable<SyntaxTree> Mentioning(int list)
    {
        for (var i = 0; i < _files.Length; i++)
        {
            if ((_lists[i] & (1 << list)) != 0)
            {
                yield return _files[i];
            }
        }
    }
}
