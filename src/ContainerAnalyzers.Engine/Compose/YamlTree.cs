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
    public YamlScalar(Scalar scalar)
        : base(scalar.Start)
    {
        Value = scalar.Value;
        Style = scalar.Style;
        End = scalar.End;
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
/// Loads YAML into <see cref="YamlNode"/>s from YamlDotNet's event parser, without recursion (an explicit stack) and
/// without YamlDotNet's representation model, whose recursive loading and alias handling a hostile file can drive into
/// a stack overflow. Aliases point to the node of their anchor (shared, never expanded); an alias to an unknown anchor
/// and a key defined twice in a mapping are errors, as they are to compose. Throws <see cref="YamlException"/> on invalid YAML.
/// </summary>
internal static class YamlTree
{
    /// <summary>The first document's root, or null for a text with no document.</summary>
    public static YamlNode? Load(string text)
    {
        var parser = new Parser(new StringReader(text));
        var anchors = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var open = new Stack<(YamlNode Node, string? Anchor)>();
        YamlNode? pendingKey = null;
        var pendingKeys = new Stack<YamlNode?>();
        YamlNode? root = null;
        while (parser.MoveNext())
        {
            var current = parser.Current;
            YamlNode? complete = null;
            switch (current)
            {
                case DocumentEnd when root is not null:
                    return root;
                case Scalar scalar:
                    complete = Register(new YamlScalar(scalar), scalar.Anchor);
                    break;
                case AnchorAlias alias:
                    if (!anchors.TryGetValue(alias.Value.Value, out var target))
                    {
                        throw new YamlException(alias.Start, alias.End, $"the alias '*{alias.Value.Value}' names no anchor defined before it");
                    }

                    complete = target;
                    break;
                case SequenceStart sequence:
                    open.Push((new YamlSequence(sequence.Start), sequence.Anchor.IsEmpty ? null : sequence.Anchor.Value));
                    pendingKeys.Push(pendingKey);
                    pendingKey = null;
                    break;
                case MappingStart mapping:
                    open.Push((new YamlMapping(mapping.Start), mapping.Anchor.IsEmpty ? null : mapping.Anchor.Value));
                    pendingKeys.Push(pendingKey);
                    pendingKey = null;
                    break;
                case SequenceEnd or MappingEnd:
                    var (node, anchor) = open.Pop();
                    node.End = current.End;
                    pendingKey = pendingKeys.Pop();
                    complete = anchor is null ? node : Register(node, new AnchorName(anchor));
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

            switch (open.Peek().Node)
            {
                case YamlSequence sequence:
                    sequence.Items.Add(complete);
                    break;
                case YamlMapping mapping when pendingKey is null:
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

        YamlNode Register(YamlNode node, AnchorName anchor)
        {
            if (!anchor.IsEmpty)
            {
                anchors[anchor.Value] = node;
            }

            return node;
        }
    }
}
