using System;
using System.Collections.Generic;
using System.Linq;
using ContainerAnalyzers.Syntax;

namespace ContainerAnalyzers.Fixes;

/// <summary>Names both rewrites choose: a stage name no other stage takes, and the ARGs an instruction declares.</summary>
internal static class RewriteNames
{
    public static IEnumerable<string> ArgumentNames(InstructionSyntax instruction)
        => instruction is ArgInstructionSyntax arg ? arg.Declarations.Select(d => d.Name) : Enumerable.Empty<string>();

    public static string UniqueName(string name, IEnumerable<string> taken)
    {
        var names = new HashSet<string>(taken, StringComparer.OrdinalIgnoreCase);
        var candidate = name;
        for (var i = 2; names.Contains(candidate) || candidate.Equals("final", StringComparison.OrdinalIgnoreCase); i++)
        {
            candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }
}
