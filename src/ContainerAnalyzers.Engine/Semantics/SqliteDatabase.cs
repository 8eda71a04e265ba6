using System;
using System.Collections.Generic;

namespace ContainerAnalyzers.Semantics;

/// <summary>
/// Where the code opens a SQLite database (<c>UseSqlite</c>, <c>AddSqlite</c>, <c>new SqliteConnection</c>) and with
/// which connection string: a literal, or one of the configuration's <c>ConnectionStrings</c> by name
/// (<c>GetConnectionString("Default")</c>). Both are null when the code passes something the search cannot follow.
/// </summary>
public sealed class SqliteOpening
{
    public SqliteOpening(string call, string where, string? connectionStringName, string? connectionString)
    {
        Call = call;
        Where = where;
        ConnectionStringName = connectionStringName;
        ConnectionString = connectionString;
    }

    /// <summary>The call that opens the database: <c>UseSqlite</c>.</summary>
    public string Call { get; }

    /// <summary>Where in the code: <c>Program.cs:12</c>.</summary>
    public string Where { get; }

    public string? ConnectionStringName { get; }

    public string? ConnectionString { get; }
}

/// <summary>What the code does with SQLite: the databases it opens, and the first call by which it writes to one.</summary>
public sealed class SqliteUse
{
    public SqliteUse(IReadOnlyList<SqliteOpening> openings, string? write)
    {
        Openings = openings;
        Write = write;
    }

    public IReadOnlyList<SqliteOpening> Openings { get; }

    /// <summary>
    /// The first call that writes (<c>SaveChanges</c>, <c>Migrate</c>, <c>EnsureCreated</c>, <c>ExecuteNonQuery</c>,
    /// Identity's <c>AddEntityFrameworkStores</c>…); null when the code makes none, and may only read a database it ships.
    /// </summary>
    public string? Write { get; }
}

/// <summary>Reads a Microsoft.Data.Sqlite connection string, by its documented keywords.</summary>
public static class SqliteConnectionString
{
    // Microsoft.Data.Sqlite's keywords (learn.microsoft.com/dotnet/standard/data/sqlite/connection-strings). A string
    // with any other keyword is not one SQLite would accept, so it belongs to another provider (SQL Server also says
    // "Data Source").
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Data Source", "DataSource", "Filename", "Mode", "Cache", "Password", "Foreign Keys", "Recursive Triggers",
        "Default Timeout", "Command Timeout", "Pooling", "Vfs",
    };

    /// <summary>
    /// The database file the connection string opens for writing, as written (relative to the working directory when
    /// not absolute); null when it opens none the package can place: an in-memory or temporary database, read-only
    /// mode, a URI file name, <c>|DataDirectory|</c>, quoting, or a keyword SQLite does not have.
    /// </summary>
    public static string? DatabaseFile(string connectionString)
    {
        string? file = null;
        foreach (var part in connectionString.Split(';'))
        {
            if (part.Trim().Length == 0)
            {
                continue;
            }

            var equals = part.IndexOf('=');
            if (equals <= 0)
            {
                return null;
            }

            var key = part.Substring(0, equals).Trim();
            var value = part.Substring(equals + 1).Trim();
            if (!Keywords.Contains(key) || value.IndexOf('"') >= 0 || value.IndexOf('\'') >= 0)
            {
                return null;
            }

            if (key.Equals("Mode", StringComparison.OrdinalIgnoreCase) && !value.Equals("ReadWriteCreate", StringComparison.OrdinalIgnoreCase) && !value.Equals("ReadWrite", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            if (key.Equals("Data Source", StringComparison.OrdinalIgnoreCase) || key.Equals("DataSource", StringComparison.OrdinalIgnoreCase)
                || key.Equals("Filename", StringComparison.OrdinalIgnoreCase))
            {
                file = value;
            }
        }

        return file is null || file.Length == 0 || file.StartsWith(":", StringComparison.Ordinal) || file.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            || file.IndexOf('|') >= 0 || file.IndexOf('$') >= 0 || file.IndexOf('%') >= 0 || file.IndexOf('\\') >= 0 || file.IndexOf('~') == 0
            || file.EndsWith("/", StringComparison.Ordinal)
            ? null
            : file;
    }
}
