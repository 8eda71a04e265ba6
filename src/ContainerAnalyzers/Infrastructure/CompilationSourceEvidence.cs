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
    // One entry per compilation for every question: each entry of a ConditionalWeakTable is a runtime handle, costly
    // to make and scanned by each garbage collection (issue 26).
    private static readonly ConditionalWeakTable<Compilation, Answers> AnswersOf = new();

    // The calls through which an app opens SQL Server connections: EF Core's providers and SqlClient's own connection.
    private static readonly CodeWords SqlServerCalls = new("UseSqlServer", "UseAzureSql", "AddSqlServer", "SqlConnection");

    // Each call as a word list of its own, to name the one a file makes.
    private static readonly CodeWords[] SqlServerCallWords = SqlServerCalls.Words.Select(c => new CodeWords(c)).ToArray();

    // Where the code sets up the host: its endpoints, and the calls that use the Data Protection keys. A web project's
    // Dockerfile and compose rules ask both questions in one build, so one pass over each file answers which it needs.
    private static readonly CodeWords HostSetupWords = CodeWords.OfLists(CodeEndpointSearch.Words, DataProtectionCalls.Words);
    private const int EndpointWords = 0;
    private const int DataProtectionWords = 1;

    private readonly Compilation _compilation;
    private readonly Answers _answers;
    private readonly CancellationToken _cancellationToken;

    private CompilationSourceEvidence(Compilation compilation, CancellationToken cancellationToken)
    {
        _compilation = compilation;
        _answers = AnswersOf.GetValue(compilation, static _ => new Answers());
        _cancellationToken = cancellationToken;
    }

    public static SourceEvidence For(Compilation? compilation, CancellationToken cancellationToken)
        => compilation is null ? None : new CompilationSourceEvidence(compilation, cancellationToken);

    public override bool? MentionsAny(IReadOnlyList<string> words)
    {
        var mentions = _answers.Mentions ?? AnalysisCache.Once(ref _answers.Mentions, new ConcurrentDictionary<string, Answer<StrongBox<bool>>>(StringComparer.Ordinal));
        return mentions.GetOrAdd(string.Join("|", words), static _ => new Answer<StrongBox<bool>>())
            .Get(words, w => new StrongBox<bool>(Search(w))).Value;
    }

    public override CodeEndpoints? Endpoints
        => _answers.Endpoints.Get(this, static e => CodeEndpointSearch.Find(e._compilation, e.HostSetupFiles.Mentioning(EndpointWords), e._cancellationToken));

    public override IReadOnlyList<(string Id, string Where)>? TimeZoneLookups
        => _answers.TimeZones.Get(this, static e => CodeLiteralLookups.TimeZones.Find(e._compilation, e._cancellationToken));

    public override IReadOnlyList<(string Id, string Where)>? NodaTimeBclLookups
        => _answers.NodaTime.Get(this, static e => Infrastructure.NodaTimeBclLookups.Find(e._compilation, e._cancellationToken));

    public override IReadOnlyList<(string Name, string Where)>? CultureCreations
        => _answers.Cultures.Get(this, static e => CodeLiteralLookups.Cultures.Find(e._compilation, e._cancellationToken));

    public override IReadOnlyList<(string Path, string Where)>? FileWrites
        => _answers.FileWrites.Get(this, static e => CodeLiteralLookups.FileWrites.Find(e._compilation, e._cancellationToken));

    public override string? DataProtectionUse
        => _answers.DataProtection.Get(this, static e => new StrongBox<string?>(DataProtectionCalls.Find(e.HostSetupFiles.Mentioning(DataProtectionWords), e._cancellationToken))).Value;

    public override string? SqlClientUse
        => _answers.SqlClient.Get(this, static e => new StrongBox<string?>(FindSqlClientUse(e._compilation, e._cancellationToken))).Value;

    public override SqliteUse? Sqlite
        => _answers.Sqlite.Get(this, static e => new StrongBox<SqliteUse?>(SqliteCalls.Find(e._compilation, e._cancellationToken))).Value;

    // Asked from inside the endpoints' and the Data Protection answers' searches; its own search asks nothing else.
    private CodeFileMarks HostSetupFiles => _answers.HostSetup.Get(this, static e => CodeFileMarks.Of(e._compilation, HostSetupWords, e._cancellationToken));

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

            var call = SqlServerCallWords.First(c => CodeText.ContainsAny(text, c)).Words[0];
            return $"Microsoft.Data.SqlClient {sqlClient.Version.Major}.{sqlClient.Version.Minor} ({call})";
        }

        return null;
    }

    private bool Search(IReadOnlyList<string> list)
    {
        var words = new CodeWords(list.ToArray());
        foreach (var tree in _compilation.SyntaxTrees)
        {
            if (CodeText.ContainsAny(tree.GetText(_cancellationToken), words))
            {
                return true;
            }
        }

        return false;
    }

    // A compilation's answers, each searched for on first use; the boxes hold answers that may be null.
    private sealed class Answers
    {
        // One answer per word list a rule asks about (CTR0024's culture evidence), made on the first such question.
        public ConcurrentDictionary<string, Answer<StrongBox<bool>>>? Mentions;
        public readonly Answer<CodeFileMarks> HostSetup = new();
        public readonly Answer<CodeEndpoints> Endpoints = new();
        public readonly Answer<IReadOnlyList<(string Id, string Where)>> TimeZones = new();
        public readonly Answer<IReadOnlyList<(string Id, string Where)>> NodaTime = new();
        public readonly Answer<IReadOnlyList<(string Name, string Where)>> Cultures = new();
        public readonly Answer<IReadOnlyList<(string Path, string Where)>> FileWrites = new();
        public readonly Answer<StrongBox<string?>> DataProtection = new();
        public readonly Answer<StrongBox<string?>> SqlClient = new();
        public readonly Answer<StrongBox<SqliteUse?>> Sqlite = new();
    }

    // One answer, searched for once per compilation. The Dockerfile's and the compose file's callbacks run at the same
    // time and often ask the same question (where the code listens): the second waits for the first's search instead of
    // repeating it. A search that is cancelled or throws leaves nothing behind, so the next asker searches again. Two
    // answers can never wait on each other: a search asks no other question while it holds its lock, except for the
    // files a group of searches shares (HostSetup), whose own search asks nothing.
    internal sealed class Answer<T>
        where T : class
    {
        private T? _value;

        public T Get<TState>(TState state, Func<TState, T> search)
        {
            if (Volatile.Read(ref _value) is { } answer)
            {
                return answer;
            }

            lock (this)
            {
                if (_value is { } searched)
                {
                    return searched;
                }

                answer = search(state);
                Volatile.Write(ref _value, answer);
                return answer;
            }
        }
    }
}
