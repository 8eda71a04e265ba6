using System.Collections.Generic;

namespace ContainerAnalyzers.Semantics;

/// <summary>
/// Evidence from the project's source code, supplied by the host (the Roslyn analyzer searches the compilation's
/// syntax trees). Rules ask only when everything else already points to a problem, so the search is rare.
/// </summary>
public abstract class SourceEvidence
{
    public static SourceEvidence None { get; } = new NoSourceEvidence();

    /// <summary>True when one of the words appears in the sources; null when the sources are not available.</summary>
    public abstract bool? MentionsAny(IReadOnlyList<string> words);

    /// <summary>Where the code itself says the app listens; null when the sources are not available (then no rule can be sure).</summary>
    public virtual CodeEndpoints? Endpoints => null;

    /// <summary>
    /// The time zones the code looks up by a literal id other than UTC (<c>TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")</c>,
    /// <c>ConvertTimeBySystemTimeZoneId</c>, TimeZoneConverter's <c>TZConvert.GetTimeZoneInfo</c>), each with where in
    /// the code; empty when it looks up none; null when the sources are not available.
    /// </summary>
    public virtual IReadOnlyList<(string Id, string Where)>? TimeZoneLookups => null;

    /// <summary>
    /// The time zones the code looks up by a literal id other than UTC through NodaTime's BCL provider
    /// (<c>DateTimeZoneProviders.Bcl["Europe/Paris"]</c>), which reads the OS's database too; empty when none; null when
    /// the sources are not available.
    /// </summary>
    public virtual IReadOnlyList<(string Id, string Where)>? NodaTimeBclLookups => null;

    /// <summary>
    /// The cultures the code creates by a literal name other than the invariant one (<c>new CultureInfo("de-DE")</c>,
    /// <c>CultureInfo.GetCultureInfo</c>, <c>CreateSpecificCulture</c>), each with where in the code; empty when it creates
    /// none; null when the sources are not available.
    /// </summary>
    public virtual IReadOnlyList<(string Name, string Where)>? CultureCreations => null;

    /// <summary>
    /// The call by which the code makes the app depend on its Data Protection keys outliving the container (cookie or
    /// Identity authentication, <c>AddSession</c>, <c>AddDataProtection</c>): the first one found. Null when it calls none, when the sources are not
    /// available, or when the code persists the keys itself (<c>PersistKeysTo…</c>), which only running it can judge.
    /// </summary>
    public virtual string? DataProtectionUse => null;

    /// <summary>
    /// How the app opens SQL Server connections with a Microsoft.Data.SqlClient that refuses globalization-invariant mode
    /// (2.0 and later check for it when a connection opens, and throw): the version it references and the call that uses
    /// it (<c>"Microsoft.Data.SqlClient 5.1 (UseSqlServer)"</c>). Null when it references no such version, its code calls
    /// none of the APIs, or the sources are not available.
    /// </summary>
    public virtual string? SqlClientUse => null;

    /// <summary>
    /// The SQLite databases the code opens through Microsoft.Data.Sqlite (directly or through EF Core's provider), and
    /// whether it writes; null when it references no SQLite provider, opens none, or the sources are not available.
    /// </summary>
    public virtual SqliteUse? Sqlite => null;

    /// <summary>
    /// The files the code writes by a literal path (<c>File.WriteAllText("notes.txt", …)</c>), each with where in the
    /// code; empty when it writes none that way; null when the sources are not available.
    /// </summary>
    public virtual IReadOnlyList<(string Path, string Where)>? FileWrites => null;

    private sealed class NoSourceEvidence : SourceEvidence
    {
        public override bool? MentionsAny(IReadOnlyList<string> words) => null;
    }
}
