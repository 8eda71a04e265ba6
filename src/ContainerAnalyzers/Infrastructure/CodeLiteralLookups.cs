using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ContainerAnalyzers.Infrastructure;

/// <summary>
/// Finds the literal (or constant) names the app's code asks the OS's data for: the time zones it looks up
/// (<c>TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")</c>) and the cultures it creates
/// (<c>new CultureInfo("de-DE")</c>). Each call is confirmed by its symbol; a name the code computes is not counted,
/// since it may be one the runtime answers itself. Only files whose text names one of the members are parsed, and the
/// semantic model is asked only about those calls.
/// </summary>
internal sealed class CodeLiteralLookups
{
    // TimeZoneInfo.Unix answers UTC, Etc/UTC, Etc/UCT, Etc/Universal, Etc/Zulu, UCT, Universal and Zulu without the
    // database; GMT names are counted as UTC too, to stay on the side of silence.
    private static readonly string[] UtcNames = { "UTC", "Etc/UTC", "Etc/UCT", "Etc/Universal", "Etc/Zulu", "UCT", "Universal", "Zulu", "GMT", "Etc/GMT" };

    /// <summary>
    /// Time-zone lookups: each needs the time-zone database, except UTC and its aliases, which .NET answers itself.
    /// TimeZoneConverter's and Quartz's lookups (<c>TimeZoneUtil.FindTimeZoneById</c>, for cron triggers in a time zone)
    /// end in <c>FindSystemTimeZoneById</c>.
    /// </summary>
    public static CodeLiteralLookups TimeZones { get; } = new(
        new[] { "FindSystemTimeZoneById", "TryFindSystemTimeZoneById", "ConvertTimeBySystemTimeZoneId", "GetTimeZoneInfo", "TryGetTimeZoneInfo", "FindTimeZoneById" },
        new[] { "System.TimeZoneInfo", "TimeZoneConverter.TZConvert", "Quartz.Util.TimeZoneUtil" },
        parameter => parameter.IndexOf("id", StringComparison.OrdinalIgnoreCase) >= 0,
        UtcNames);

    /// <summary>Whether a time-zone id is one the runtime answers without the OS's database (UTC and its aliases).</summary>
    public static bool IsUtc(string id) => UtcNames.Any(u => u.Equals(id.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Culture creations: each needs culture data, except the invariant culture (its name is empty).</summary>
    public static CodeLiteralLookups Cultures { get; } = new(
        new[] { "CultureInfo", "GetCultureInfo", "CreateSpecificCulture" },
        new[] { "System.Globalization.CultureInfo" },
        parameter => parameter.IndexOf("name", StringComparison.OrdinalIgnoreCase) >= 0,
        new[] { string.Empty });

    /// <summary>
    /// Files the code writes by a literal path (<c>File.WriteAllText("notes.txt", …)</c>, <c>AppendAllLines</c>,
    /// <c>CreateText</c>, <c>OpenWrite</c>…): each needs its folder, or the file, writable by the container's user.
    /// <c>File.Create</c> is left out: its name is too common for the text search that picks the files to parse.
    /// </summary>
    public static CodeLiteralLookups FileWrites { get; } = new(
        new[]
        {
            "WriteAllText", "WriteAllTextAsync", "WriteAllBytes", "WriteAllBytesAsync", "WriteAllLines", "WriteAllLinesAsync",
            "AppendAllText", "AppendAllTextAsync", "AppendAllLines", "AppendAllLinesAsync", "CreateText", "AppendText", "OpenWrite",
        },
        new[] { "System.IO.File" },
        parameter => parameter == "path",
        Array.Empty<string>());

    private readonly string[] _members;
    private readonly CodeWords _memberWords;
    private readonly string[] _types;
    private readonly Func<string, bool> _isNameParameter;
    private readonly string[] _answeredByTheRuntime;

    private CodeLiteralLookups(string[] members, string[] types, Func<string, bool> isNameParameter, string[] answeredByTheRuntime)
    {
        _members = members;
        _memberWords = new CodeWords(members);
        _types = types;
        _isNameParameter = isNameParameter;
        _answeredByTheRuntime = answeredByTheRuntime;
    }

    /// <summary>Each literal name with where it is (<c>File.cs:line</c>), in the order of the files.</summary>
    public IReadOnlyList<(string Name, string Where)> Find(Compilation compilation, CancellationToken cancellationToken)
    {
        var found = new List<(string, string)>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (!CodeText.ContainsAny(tree.GetText(cancellationToken), _memberWords))
            {
                continue;
            }

            SemanticModel? model = null;
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                var (name, arguments) = CodeSyntax.Call(node);
                // A lookup is only found by a constant name: a call with no argument that can be one is not asked about.
                if (name is null || arguments is null || Array.IndexOf(_members, name) < 0 || !CodeSyntax.AnyMayBeConstant(arguments))
                {
                    continue;
                }

                model ??= compilation.GetSemanticModel(tree);
                if (model.GetSymbolInfo(node, cancellationToken).Symbol is not IMethodSymbol method || Array.IndexOf(_types, method.ContainingType?.ToDisplayString()) < 0)
                {
                    continue;
                }

                foreach (var argument in arguments.Arguments)
                {
                    if (model.GetOperation(argument, cancellationToken) is IArgumentOperation { Parameter: { } parameter }
                        && parameter.Type.SpecialType == SpecialType.System_String
                        && _isNameParameter(parameter.Name)
                        && model.GetConstantValue(argument.Expression, cancellationToken) is { HasValue: true, Value: string value }
                        && !_answeredByTheRuntime.Any(a => a.Equals(value.Trim(), StringComparison.OrdinalIgnoreCase)))
                    {
                        found.Add((value, CodeSyntax.Where(tree, argument.Span, cancellationToken)));
                    }
                }
            }
        }

        return found;
    }
}
