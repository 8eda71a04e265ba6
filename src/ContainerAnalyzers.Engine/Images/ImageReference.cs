using System;

namespace ContainerAnalyzers.Images;

/// <summary>A parsed image reference: <c>[registry/]repository[:tag][@digest]</c>.</summary>
public sealed class ImageReference
{
    private ImageReference(string original, string? registry, string repository, string? tag, string? digest)
    {
        Original = original;
        Registry = registry;
        Repository = repository;
        Tag = tag;
        Digest = digest;
    }

    public string Original { get; }

    /// <summary>What <see cref="DotnetImage.TryClassify"/> found for this reference, once it has looked.</summary>
    internal object? DotnetClassification;

    /// <summary>For example <c>mcr.microsoft.com</c>; null for Docker Hub.</summary>
    public string? Registry { get; }

    /// <summary>The path without registry, for example <c>dotnet/sdk</c> or <c>microsoft/dotnet</c>.</summary>
    public string Repository { get; }

    public string? Tag { get; }

    public string? Digest { get; }

    /// <summary>Registry and repository, lower-cased, for example <c>mcr.microsoft.com/dotnet/sdk</c>.</summary>
    public string Name => (Registry is null ? Repository : Registry + "/" + Repository).ToLowerInvariant();

    public bool IsScratch => Registry is null && string.Equals(Repository, "scratch", StringComparison.OrdinalIgnoreCase) && Tag is null && Digest is null;

    /// <summary>The reference with another repository and/or tag, spelled as written otherwise; a digest is dropped with a new tag.</summary>
    public string With(string? repository = null, string? tag = null)
    {
        var path = (Registry is null ? string.Empty : Registry + "/") + (repository ?? Repository);
        if (tag is not null)
        {
            return path + ":" + tag;
        }

        return path + (Tag is null ? string.Empty : ":" + Tag) + (Digest is null ? string.Empty : "@" + Digest);
    }

    /// <summary>Splits a reference without judging it; returns null only for text that cannot be one at all.</summary>
    public static ImageReference? TryParse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '$')
            {
                return null;
            }
        }

        string? digest = null;
        var remainder = text;
        var at = remainder.IndexOf('@');
        if (at >= 0)
        {
            digest = remainder.Substring(at + 1);
            remainder = remainder.Substring(0, at);
        }

        string? tag = null;
        var lastSlash = remainder.LastIndexOf('/');
        var colon = remainder.LastIndexOf(':');
        if (colon > lastSlash)
        {
            tag = remainder.Substring(colon + 1);
            remainder = remainder.Substring(0, colon);
        }

        string? registry = null;
        var firstSlash = remainder.IndexOf('/');
        if (firstSlash > 0)
        {
            var first = remainder.Substring(0, firstSlash);
            if (first.IndexOf('.') >= 0 || first.IndexOf(':') >= 0 || first == "localhost")
            {
                registry = first;
                remainder = remainder.Substring(firstSlash + 1);
            }
        }

        if (remainder.Length == 0)
        {
            return null;
        }

        if (registry is "docker.io" or "index.docker.io" or "registry-1.docker.io")
        {
            registry = null;
        }

        if (registry is null && remainder.StartsWith("library/", StringComparison.Ordinal))
        {
            remainder = remainder.Substring("library/".Length);
        }

        return new ImageReference(text, registry, remainder, tag, digest);
    }

    public override string ToString() => Original;
}
