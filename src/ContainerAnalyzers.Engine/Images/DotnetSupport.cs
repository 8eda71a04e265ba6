using System;
using System.Collections.Generic;
using System.Globalization;

namespace ContainerAnalyzers.Images;

/// <summary>
/// End of support of each .NET (Core) version, from Microsoft's support policy, compiled into the package so a
/// build gives the same answer on every machine and every day. <see cref="AsOf"/> is the date the table was last
/// reviewed: a version counts as out of support when its end of support is on or before that date.
/// </summary>
public static class DotnetSupport
{
    public static readonly DateTimeOffset AsOf = new(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);

    // A switch, not a dictionary of DateTimeOffset: the framework's dictionary code over a value type is not
    // precompiled, and a fresh compiler would JIT-compile it for this one lookup.
    private static DateTimeOffset? EndOfSupport(string version) => version switch
    {
        "1.0" => Date(2019, 6, 27),
        "1.1" => Date(2019, 6, 27),
        "2.0" => Date(2018, 10, 1),
        "2.1" => Date(2021, 8, 21),
        "2.2" => Date(2019, 12, 23),
        "3.0" => Date(2020, 3, 3),
        "3.1" => Date(2022, 12, 13),
        "5.0" => Date(2022, 5, 10),
        "6.0" => Date(2024, 11, 12),
        "7.0" => Date(2024, 5, 14),
        "8.0" => Date(2026, 11, 10),
        "9.0" => Date(2026, 11, 10),
        "10.0" => Date(2028, 11, 14),
        _ => null,
    };

    /// <summary>The end-of-support date of a version that is out of support as of <see cref="AsOf"/>, else null.</summary>
    public static DateTimeOffset? EndedOn(string version)
        => EndOfSupport(version) is { } end && end <= AsOf ? end : null;

    public static string Format(DateTimeOffset date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTimeOffset Date(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.Zero);
}
