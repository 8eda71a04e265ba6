using System;
using System.Text.RegularExpressions;
using ContainerAnalyzers.Text;

namespace ContainerAnalyzers.Projects;

/// <summary>Fixes that edit the project file's text: adding a property to its first unconditioned PropertyGroup.</summary>
public static class ProjectFileEdits
{
    private static readonly Regex PropertyGroup = new(@"<PropertyGroup\s*>", RegexOptions.CultureInvariant);
    private static readonly Regex ProjectOpen = new(@"<Project\b[^>]*?(?<selfClosing>/?)>", RegexOptions.CultureInvariant);

    /// <summary>An insertion of <c>&lt;name&gt;value&lt;/name&gt;</c>, indented like the file, or null when the text has no place for it.</summary>
    public static RuleFix? AddProperty(string? projectText, string name, string value, string title)
    {
        if (string.IsNullOrEmpty(projectText))
        {
            return null;
        }

        var text = projectText!;
        var newLine = NewLines.Of(text);
        var group = PropertyGroup.Match(text);
        if (group.Success)
        {
            var close = text.IndexOf("</PropertyGroup>", group.Index, StringComparison.Ordinal);
            if (close < 0)
            {
                return null;
            }

            var lineStart = text.LastIndexOf('\n', close - 1) + 1;
            var closeIndent = text.Substring(lineStart, close - lineStart);
            var indent = closeIndent.Trim().Length == 0 ? closeIndent + "  " : "    ";
            var insertAt = closeIndent.Trim().Length == 0 ? lineStart : close;
            var insertion = closeIndent.Trim().Length == 0 ? $"{indent}<{name}>{value}</{name}>{newLine}" : $"{newLine}{indent}<{name}>{value}</{name}>{newLine}";
            return new RuleFix(title, RuleFixTarget.ProjectFile, new SourceSpan(insertAt, 0), string.Empty, insertion);
        }

        var project = ProjectOpen.Match(text);
        if (!project.Success || project.Groups["selfClosing"].Value.Length > 0)
        {
            return null;
        }

        var at = project.Index + project.Length;
        return new RuleFix(title, RuleFixTarget.ProjectFile, new SourceSpan(at, 0), string.Empty, $"{newLine}  <PropertyGroup>{newLine}    <{name}>{value}</{name}>{newLine}  </PropertyGroup>");
    }
}
