using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
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
    private static readonly ConditionalWeakTable<Compilation, IReadOnlyList<(string Id, string Where)>> NodaTimeAnswers = new();
    private static readonly ConditionalWeakTable<Compilation, IReadOnlyList<(string Path, string Where)>> FileWriteAnswers = new();
    private static readonly ConditionalWeakTable<Compilation, StrongBox<string?>> DataProtectionAnswers = new();
    private static readonly ConditionalWeakTable<Compilation, StrongBox<string?>> SqlClientAnswers = new();
    private static readonly ConditionalWeakTable<Compilation, StrongBox<SqliteUse?>> SqliteAnswers = new();

    // The calls through which an app opens SQL Server connections: EF Core's providers and SqlClient's own connection.
    private static readonly string[] SqlServerCalls = { "UseSqlServer", "UseAzureSql", "AddSqlServer", "SqlConnection" };

    // Each call as a word list of its own (CodeText keeps its anchors per list, so the lists are made once).
    private static readonly Dictionary<string, string[]> SqlServerCallWords = SqlServerCalls.ToDictionary(c => c, c => new[] { c }, StringComparer.Ordinal);

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

    public override IReadOnlyList<(string Id, string Where)>? NodaTimeBclLookups => NodaTimeAnswers.GetValue(_compilation, c => Infrastructure.NodaTimeBclLookups.Find(c, _cancellationToken));

    public override IReadOnlyList<(string Name, string Where)>? CultureCreations => CultureAnswers.GetValue(_compilation, c => CodeLiteralLookups.Cultures.Find(c, _cancellationToken));

    public override IReadOnlyList<(string Path, string Where)>? FileWrites => FileWriteAnswers.GetValue(_compilation, c => CodeLiteralLookups.FileWrites.Find(c, _cancellationToken));

    public override string? DataProtectionUse => DataProtectionAnswers.GetValue(_compilation, c => new StrongBox<string?>(DataProtectionCalls.Find(c, _cancellationToken))).Value;

    public override string? SqlClientUse => SqlClientAnswers.GetValue(_compilation, c => new StrongBox<string?>(FindSqlClientUse(c, _cancellationToken))).Value;

    public override SqliteUse? Sqlite => SqliteAnswers.GetValue(_compilation, c => new StrongBox<SqliteUse?>(SqliteCalls.Find(c, _cancellationToken))).Value;

    // The referenced Microsoft.Data.SqlClient (directly or through EF Core's SQL Server provider), from 2.0 on, and the
    // first of the calls the code makes through it.
    private static string? FindSqlClientUse(Compilation compilation, CancellationToken cancellationToken)
    {
        var sqlClient = compilation.ReferencedAssemblyNames.FirstOrDefault(a => a.Name == "Microsoft.Data.SqlClient" && a.Version.Major >= 2);
        if (sqlClient is null)
        {
            return null;
        }

        foreach (var tree in compilation.SyntaxTrees)
        {
            var text = tree.GetText(cancellationToken);
            if (!CodeText.ContainsAny(text, SqlServerCalls))
            {
                continue;
            }

            var call = SqlServerCalls.First(c => CodeText.ContainsAny(text, SqlServerCallWords[c]));
            return $"Microsoft.Data.SqlClient {sqlClient.Version.Major}.{sqlClient.Version.Minor} ({call})";
        }

        return null;
    }

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
