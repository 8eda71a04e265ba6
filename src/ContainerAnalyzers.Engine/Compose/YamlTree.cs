using System;
using System.Collections.Generic;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ContainerAnalyzers.Compose;

/// <summary>A node of a YAML document with its start and end in the text.</summary>
internal abstract class YamlNode
{
    protected YamlNode(Mark start) => Start = start;

    public Mark Start { get; }

    public Mark End { get; set; } = Mark.Empty;
}

internal sealed class YamlScalar : YamlNode
{
    public YamlScalar(string value, ScalarStyle style, Mark start, Mark end)
        : base(start)
    {
        Value = value;
        Style = style;
        End = end;
    }

    public string Value { get; }

    public ScalarStyle Style { get; }

    /// <summary>A plain empty scalar: YAML's null (<c>key:</c> with nothing after it).</summary>
    public bool IsNull => Style == ScalarStyle.Plain && (Value.Length == 0 || Value == "~" || Value == "null");
}

internal sealed class YamlSequence : YamlNode
{
    public YamlSequence(Mark start)
        : base(start)
    {
    }

    public List<YamlNode> Items { get; } = new();
}

internal sealed class YamlMapping : YamlNode
{
    public YamlMapping(Mark start)
        : base(start)
    {
    }

    public List<KeyValuePair<YamlNode, YamlNode>> Pairs { get; } = new();

    /// <summary>The scalar keys added so far, so a key defined twice is found without a scan (a mapping may have 50,000 keys).</summary>
    internal HashSet<string> ScalarKeys { get; } = new(StringComparer.Ordinal);
}

/// <summary>
/// Loads YAML into <see cref="YamlNode"/>s, without recursion (an explicit stack) and without YamlDotNet's representation
/// model, whose recursive loading and alias handling a hostile file can drive into a stack overflow. The events come
/// from <see cref="YamlEventReader"/>, or, for a text outside its grammar or not YAML, from YamlDotNet's parser, which
/// alone decides what is an error. Aliases point to the node of their anchor (shared, never expanded); an alias to an
/// unknown anchor and a key defined twice in a mapping are errors, as they are to compose. Throws
/// <see cref="YamlException"/> on invalid YAML.
/// </summary>
internal static class YamlTree
{
    private static int _parserReads;

    private delegate bool NextEvent(out YamlEvent next);

    /// <summary>The first document's root, or null for a text with no document.</summary>
    public static YamlNode? Load(string text)
    {
        try
        {
            return Build(new YamlEventReader(text).Read);
        }
        catch (Exception exception) when (exception is YamlEventReader.OutsideItsGrammar or YamlException)
        {
            System.Threading.Interlocked.Increment(ref _parserReads);
            return LoadWithParser(text);
        }
    }

    /// <summary>How many texts this process read with YamlDotNet's parser: lets a test prove the reader reads real files.</summary>
    internal static int ParserReads => System.Threading.Volatile.Read(ref _parserReads);

    /// <summary>The same, from YamlDotNet's parser only: the fallback, and the tests' oracle for the reader.</summary>
    internal static YamlNode? LoadWithParser(string text) => Build(new ParserEvents(text).Read);

    private static YamlNode? Build(NextEvent next)
    {
        var anchors = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        // The collections still open, innermost last: a List of a class, not a Stack of tuples, whose framework code
        // would be JIT-compiled in every fresh compiler process.
        var open = new List<OpenCollection>();
        YamlNode? pendingKey = null;
        YamlNode? root = null;
        while (next(out var current))
        {
            YamlNode? complete = null;
            switch (current.Kind)
            {
                case YamlEventKind.DocumentEnd when root is not null:
                    return root;
                case YamlEventKind.Scalar:
                    complete = Register(new YamlScalar(current.Value, current.Style, current.Start, current.End), current.Anchor);
                    break;
                case YamlEventKind.Alias:
                    if (current.Anchor is null || !anchors.TryGetValue(current.Anchor, out var target))
                    {
                        throw new YamlException(current.Start, current.End, $"the alias '*{current.Anchor}' names no anchor defined before it");
                    }

                    complete = target;
                    break;
                case YamlEventKind.SequenceStart:
                    open.Add(new OpenCollection(new YamlSequence(current.Start), current.Anchor, pendingKey));
                    pendingKey = null;
                    break;
                case YamlEventKind.MappingStart:
                    open.Add(new OpenCollection(new YamlMapping(current.Start), current.Anchor, pendingKey));
                    pendingKey = null;
                    break;
                case YamlEventKind.SequenceEnd or YamlEventKind.MappingEnd:
                    var closed = open[open.Count - 1];
                    open.RemoveAt(open.Count - 1);
                    closed.Node.End = current.End;
                    pendingKey = closed.KeyAbove;
                    complete = Register(closed.Node, closed.Anchor);
                    break;
            }

            if (complete is null)
            {
                continue;
            }

            if (open.Count == 0)
            {
                root ??= complete;
                continue;
            }

            switch (open[open.Count - 1].Node)
            {
                case YamlSequence sequence:
                    sequence.Items.Add(complete);
                    break;
                case YamlMapping when pendingKey is null:
                    pendingKey = complete;
                    break;
                case YamlMapping mapping:
                    if (pendingKey is YamlScalar key && key.Value != "<<" && !mapping.ScalarKeys.Add(key.Value))
                    {
                        throw new YamlException(key.Start, key.End, $"the key '{key.Value}' is defined twice in the same mapping");
                    }

                    mapping.Pairs.Add(new KeyValuePair<YamlNode, YamlNode>(pendingKey, complete));
                    pendingKey = null;
                    break;
            }
        }

        return root;

        YamlNode Register(YamlNode node, string? anchor)
        {
            if (anchor is not null)
            {
                anchors[anchor] = node;
            }

            return node;
        }
    }

    // A sequence or mapping being built, with its anchor and the key of the mapping entry it is the value of.
    private sealed record OpenCollection(YamlNode Node, string? Anchor, YamlNode? KeyAbove);

    // YamlDotNet's parser's events, as the reader gives them.
    private sealed class ParserEvents
    {
        private readonly Parser _parser;

        public ParserEvents(string text) => _parser = new Parser(new StringReader(text));

        public bool Read(out YamlEvent next)
        {
            while (_parser.MoveNext())
            {
                var current = _parser.Current!;
                switch (current)
                {
                    case Scalar scalar:
                        next = new YamlEvent(YamlEventKind.Scalar, scalar.Start, scalar.End, Name(scalar.Anchor), scalar.Value, scalar.Style);
                        return true;
                    case AnchorAlias alias:
                        next = new YamlEvent(YamlEventKind.Alias, alias.Start, alias.End, alias.Value.Value);
                        return true;
                    case SequenceStart sequence:
                        next = new YamlEvent(YamlEventKind.SequenceStart, sequence.Start, sequence.End, Name(sequence.Anchor));
                        return true;
                    case MappingStart mapping:
                        next = new YamlEvent(YamlEventKind.MappingStart, mapping.Start, mapping.End, Name(mapping.Anchor));
                        return true;
                    case SequenceEnd:
                        next = new YamlEvent(YamlEventKind.SequenceEnd, current.Start, current.End);
                        return true;
                    case MappingEnd:
                        next = new YamlEvent(YamlEventKind.MappingEnd, current.Start, current.End);
                        return true;
                    case DocumentEnd:
                        next = new YamlEvent(YamlEventKind.DocumentEnd, current.Start, current.End);
                        return true;
                }
            }

            next = default;
            return false;
        }

        private static string? Name(AnchorName anchor) => anchor.IsEmpty ? null : anchor.Value;
    }
}
