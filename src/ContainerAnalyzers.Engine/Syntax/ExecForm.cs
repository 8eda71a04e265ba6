using System.Collections.Generic;
using System.Linq;

namespace ContainerAnalyzers.Syntax;

/// <summary>The exec form of ENTRYPOINT, CMD and RUN as text: the JSON array BuildKit reads back as the same words.</summary>
public static class ExecForm
{
    public static string Format(IEnumerable<string> words)
        => "[" + string.Join(", ", words.Select(w => "\"" + w.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"")) + "]";
}
