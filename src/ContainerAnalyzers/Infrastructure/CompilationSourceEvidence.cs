using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using ContainerAnalyzers.Rules;
using ContainerAnalyzers.Semantics;
using Microsoft.CodeAnalysis;

namespace ContainerAnalyzers.Infrastructure;

/// <summary>
/// Source evidence from a compilation: a plain text search of its syntax trees, remembered per compilation and per
/// question. Only asked when a rule has everything else against the Dockerfile, so most builds never search.
/// </summary>
internal sealed class CompilationSourceEvidence : SourceEvidence
{
    private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<string, bool>> Answers = new();
    private static readonly ConditionalWeakTable<Compilation, CodeEndpoints> EndpointAnswers = new();
    private static readonly ConditionalWeakTable<Compilation, IReadOnlyList<(string Id, string Where)>> TimeZoneAnswers = new();
    private static readonly ConditionalWeakTable<Compilation, IReadOnlyList<(string Name, string Where)>> CultureAnswers = new();
    private static readonly ConditionalWeakTable<Compilation, StrongBox<string?>> DataProtectionAnswers = new();

    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<string, bool> _answers;
    private readonly CancellationToken _cancellationToken;

    private CompilationSourceEvidence(Compilation compilation, CancellationToken cancellationToken)
    {
        _compilation = compilation;
        _answers = Answers.GetValue(compilation, _ => new ConcurrentDictionary<string, bool>(StringComparer.Ordinal));
        _cancellationToken = cancellationToken;
    }

    public static SourceEvidence For(Compilation? compilation, CancellationToken cancellationToken)
        => compilation is null ? None : new CompilationSourceEvidence(compilation, cancellationToken);

    public override bool? MentionsAny(IReadOnlyList<string> words)
        => _answers.GetOrAdd(string.Join("|", words), _ => Search(words));

    public override CodeEndpoints? Endpoints => EndpointAnswers.GetValue(_compilation, c => CodeEndpointSearch.Find(c, _cancellationToken));

    public override IReadOnlyList<(string Id, string Where)>? TimeZoneLookups => TimeZoneAnswers.GetValue(_compilation, c => CodeLiteralLookups.TimeZones.Find(c, _cancellationToken));

    public override IReadOnlyList<(string Name, string Where)>? CultureCreations => CultureAnswers.GetValue(_compilation, c => CodeLiteralLookups.Cultures.Find(c, _cancellationToken));

    public override string? DataProtectionUse => DataProtectionAnswers.GetValue(_compilation, c => new StrongBox<string?>(DataProtectionCalls.Find(c, _cancellationToken))).Value;

    private bool Search(IReadOnlyList<string> words)
    {
        foreach (var tree in _compilation.SyntaxTrees)
        {
            if (CodeText.ContainsAny(tree.GetText(_cancellationToken), words))
            {
                return true;
            }
        }

        return false;
    }
}
