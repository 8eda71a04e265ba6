using System.Collections.Generic;
using System.IO;
using ContainerAnalyzers.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Tokens;

namespace ContainerAnalyzers.Compose;

internal enum YamlEventKind
{
    Scalar,
    Alias,
    SequenceStart,
    SequenceEnd,
    MappingStart,
    MappingEnd,
    DocumentEnd,
}

/// <summary>One step of a YAML document: what <see cref="YamlTree"/> builds its nodes from.</summary>
internal readonly struct YamlEvent
{
    public YamlEvent(YamlEventKind kind, Mark start, Mark end, string? anchor = null, string value = "", ScalarStyle style = ScalarStyle.Plain)
    {
        Kind = kind;
        Start = start;
        End = end;
        Anchor = anchor;
        Value = value;
        Style = style;
    }

    public YamlEventKind Kind { get; }

    public Mark Start { get; }

    public Mark End { get; }

    /// <summary>The anchor a node defines; for an alias, the anchor it names.</summary>
    public string? Anchor { get; }

    public string Value { get; }

    public ScalarStyle Style { get; }
}

/// <summary>
/// The events of a YAML stream's first document, read from YamlDotNet's scanner, for the YAML compose files and actions
/// are written in: block and flow sequences, block mappings, empty flow mappings, scalars of every style, anchors,
/// aliases and the default tag handles. It gives the events YamlDotNet's parser gives for them, marks included. Anything
/// else (directives, a flow mapping with entries, a pair inside a flow sequence, a key-less value, a scanner error, any
/// text that is not YAML) makes it stop with <see cref="OutsideItsGrammar"/>, and <see cref="YamlTree"/> reads the text
/// with YamlDotNet's parser instead: that parser alone decides what is an error and what its message is.
/// Why not always that parser: its first use in a process builds its default tag directives, whose handle check is a
/// compiled regex, 17–30 ms of a fresh compiler's time for every compose file (issue 26). Iterative: a state stack,
/// no recursion, so nesting cannot exhaust the call stack.
/// </summary>
internal sealed class YamlEventReader
{
    private readonly Scanner _scanner;

    // The states to return to, innermost last (a ValueList: a Stack<State> is framework code a fresh compiler
    // process would JIT-compile).
    private readonly ValueList<State> _states = new(16);
    private State _state = State.StreamStart;
    private Token? _token;

    public YamlEventReader(string text) => _scanner = new Scanner(new StringReader(text));

    private enum State
    {
        StreamStart,
        DocumentStart,
        DocumentContent,
        DocumentEnd,
        BlockNode,
        BlockSequenceFirstEntry,
        BlockSequenceEntry,
        IndentlessSequenceEntry,
        BlockMappingFirstKey,
        BlockMappingKey,
        BlockMappingValue,
        FlowSequenceFirstEntry,
        FlowSequenceEntry,
        FlowMappingFirstKey,
        End,
    }

    /// <summary>The next event of the first document; false once it has ended.</summary>
    /// <exception cref="OutsideItsGrammar">The text is outside what this reader reads (or not YAML).</exception>
    /// <exception cref="YamlException">The scanner found the text is not YAML.</exception>
    public bool Read(out YamlEvent next)
    {
        while (_state != State.End)
        {
            if (Step() is { } produced)
            {
                next = produced;
                return true;
            }
        }

        next = default;
        return false;
    }

    // One state's work: an event, or null when the state only moved on (the stream's start, a document's start).
    private YamlEvent? Step()
    {
        switch (_state)
        {
            case State.StreamStart:
                if (Current() is not StreamStart)
                {
                    throw new OutsideItsGrammar();
                }

                Skip();
                _state = State.DocumentStart;
                return null;
            case State.DocumentStart:
                return FirstDocumentStart();
            case State.DocumentContent:
                if (Current() is VersionDirective or TagDirective or DocumentStart or DocumentEnd or StreamEnd)
                {
                    _state = _states.RemoveLast();
                    return Empty(_scanner.CurrentPosition);
                }

                return Node(block: true, indentlessSequence: false);
            case State.DocumentEnd:
                var token = Current();
                if (token is not (DocumentEnd or StreamEnd or DocumentStart))
                {
                    throw new OutsideItsGrammar();
                }

                _state = State.End;
                return new YamlEvent(YamlEventKind.DocumentEnd, token.Start, token is DocumentEnd ? token.End : token.Start);
            case State.BlockNode:
                return Node(block: true, indentlessSequence: false);
            case State.BlockSequenceFirstEntry:
            case State.BlockSequenceEntry:
                return BlockSequenceEntry(first: _state == State.BlockSequenceFirstEntry);
            case State.IndentlessSequenceEntry:
                return IndentlessSequenceEntry();
            case State.BlockMappingFirstKey:
            case State.BlockMappingKey:
                return BlockMappingKey(first: _state == State.BlockMappingFirstKey);
            case State.BlockMappingValue:
                return BlockMappingValue();
            case State.FlowSequenceFirstEntry:
            case State.FlowSequenceEntry:
                return FlowSequenceEntry(first: _state == State.FlowSequenceFirstEntry);
            case State.FlowMappingFirstKey:
                return EmptyFlowMapping();
            default:
                _state = State.End;
                return null;
        }
    }

    // implicit_document ::= block_node DOCUMENT-END*; explicit_document ::= DOCUMENT-START block_node? DOCUMENT-END*.
    // Only the first document is read: the reader ends after it. Directives, and a stream with no document, are left
    // to YamlDotNet's parser.
    private YamlEvent? FirstDocumentStart()
    {
        var token = Current();
        if (token is not (VersionDirective or TagDirective or DocumentStart or StreamEnd or DocumentEnd) || token is BlockMappingStart)
        {
            _states.Add(State.DocumentEnd);
            _state = State.BlockNode;
            return null;
        }

        if (token is not DocumentStart)
        {
            throw new OutsideItsGrammar();
        }

        Skip();
        _states.Add(State.DocumentEnd);
        _state = State.DocumentContent;
        return null;
    }

    // node ::= ALIAS | properties content? | content, where properties are an anchor and a tag in either order.
    private YamlEvent Node(bool block, bool indentlessSequence)
    {
        if (Current() is AnchorAlias alias)
        {
            _state = _states.RemoveLast();
            Skip();
            return new YamlEvent(YamlEventKind.Alias, alias.Start, alias.End, alias.Value.Value);
        }

        var start = Current().Start;
        Anchor? anchor = null;
        Tag? tag = null;
        while (true)
        {
            if (anchor is null && Current() is Anchor anchorToken)
            {
                anchor = anchorToken;
                Skip();
            }
            else if (tag is null && Current() is Tag tagToken)
            {
                tag = tagToken;
                Skip();
            }
            else if (Current() is Anchor or Tag or AnchorAlias)
            {
                // A second anchor or tag, or an alias after properties: an error, YamlDotNet's parser words it.
                throw new OutsideItsGrammar();
            }
            else
            {
                break;
            }
        }

        if (tag is not null && tag.Handle is not ("" or "!" or "!!"))
        {
            throw new OutsideItsGrammar();
        }

        var anchorName = anchor is null || string.IsNullOrEmpty(anchor.Value.Value) ? null : anchor.Value.Value;
        var token = Current();
        if (indentlessSequence && token is BlockEntry)
        {
            _state = State.IndentlessSequenceEntry;
            return new YamlEvent(YamlEventKind.SequenceStart, start, token.End, anchorName);
        }

        switch (token)
        {
            case Scalar scalar:
                _state = _states.RemoveLast();
                Skip();
                return new YamlEvent(YamlEventKind.Scalar, start, scalar.End, anchorName, scalar.Value, scalar.Style);
            case FlowSequenceStart:
                _state = State.FlowSequenceFirstEntry;
                return new YamlEvent(YamlEventKind.SequenceStart, start, token.End, anchorName);
            case FlowMappingStart:
                _state = State.FlowMappingFirstKey;
                return new YamlEvent(YamlEventKind.MappingStart, start, token.End, anchorName);
            case BlockSequenceStart when block:
                _state = State.BlockSequenceFirstEntry;
                return new YamlEvent(YamlEventKind.SequenceStart, start, token.End, anchorName);
            case BlockMappingStart when block:
                _state = State.BlockMappingFirstKey;
                return new YamlEvent(YamlEventKind.MappingStart, start, token.End, anchorName);
        }

        if (anchor is not null || tag is not null)
        {
            // Properties with no content: an empty scalar that carries them.
            _state = _states.RemoveLast();
            return new YamlEvent(YamlEventKind.Scalar, start, token.End, anchorName);
        }

        throw new OutsideItsGrammar();
    }

    // block_sequence ::= BLOCK-SEQUENCE-START (BLOCK-ENTRY block_node?)* BLOCK-END
    private YamlEvent BlockSequenceEntry(bool first)
    {
        if (first)
        {
            Skip();
        }

        var token = Current();
        if (token is BlockEntry)
        {
            Skip();
            return NodeAfter(token, empty: Current() is BlockEntry or BlockEnd, State.BlockSequenceEntry, indentlessSequence: false);
        }

        if (token is BlockEnd)
        {
            _state = _states.RemoveLast();
            Skip();
            return new YamlEvent(YamlEventKind.SequenceEnd, token.Start, token.End);
        }

        throw new OutsideItsGrammar();
    }

    // indentless_sequence ::= (BLOCK-ENTRY block_node?)+, a mapping's value written at the key's own indentation.
    private YamlEvent IndentlessSequenceEntry()
    {
        var token = Current();
        if (token is not BlockEntry)
        {
            _state = _states.RemoveLast();
            return new YamlEvent(YamlEventKind.SequenceEnd, token.Start, token.End);
        }

        Skip();
        return NodeAfter(token, empty: Current() is BlockEntry or Key or Value or BlockEnd, State.IndentlessSequenceEntry, indentlessSequence: false);
    }

    // block_mapping ::= BLOCK-MAPPING-START ((KEY block_node_or_indentless_sequence?)? (VALUE block_node_or_indentless_sequence?)?)* BLOCK-END
    private YamlEvent BlockMappingKey(bool first)
    {
        if (first)
        {
            Skip();
        }

        var token = Current();
        switch (token)
        {
            case Key:
                Skip();
                return NodeAfter(token, empty: Current() is Key or Value or BlockEnd, State.BlockMappingValue, indentlessSequence: true);
            case BlockEnd:
                _state = _states.RemoveLast();
                Skip();
                return new YamlEvent(YamlEventKind.MappingEnd, token.Start, token.End);
            default:
                // A value with no key, an alias as a key with no indicator, or an error.
                throw new OutsideItsGrammar();
        }
    }

    private YamlEvent BlockMappingValue()
    {
        var token = Current();
        if (token is not Value)
        {
            _state = State.BlockMappingKey;
            return Empty(token.Start);
        }

        Skip();
        return NodeAfter(token, empty: Current() is Key or Value or BlockEnd, State.BlockMappingKey, indentlessSequence: true);
    }

    // After a block indicator (an entry's '-', a key's '?', a value's ':'): the node written after it, or, when the next
    // token already ends the entry, an empty scalar at the indicator's end. Either way the reader goes on in next.
    private YamlEvent NodeAfter(Token indicator, bool empty, State next, bool indentlessSequence)
    {
        if (empty)
        {
            _state = next;
            return Empty(indicator.End);
        }

        _states.Add(next);
        return Node(block: true, indentlessSequence);
    }

    // flow_sequence ::= FLOW-SEQUENCE-START (flow_sequence_entry FLOW-ENTRY)* flow_sequence_entry? FLOW-SEQUENCE-END,
    // where an entry is a flow node; an entry that is a single pair ([a: b]) is left to YamlDotNet's parser.
    private YamlEvent FlowSequenceEntry(bool first)
    {
        if (first)
        {
            Skip();
        }

        if (Current() is not FlowSequenceEnd)
        {
            if (!first)
            {
                if (Current() is not FlowEntry)
                {
                    throw new OutsideItsGrammar();
                }

                Skip();
            }

            if (Current() is Key)
            {
                // A single pair inside a flow sequence ([a: b]).
                throw new OutsideItsGrammar();
            }

            if (Current() is not FlowSequenceEnd)
            {
                _states.Add(State.FlowSequenceEntry);
                return Node(block: false, indentlessSequence: false);
            }
        }

        var end = Current();
        _state = _states.RemoveLast();
        Skip();
        return new YamlEvent(YamlEventKind.SequenceEnd, end.Start, end.End);
    }

    // flow_mapping ::= FLOW-MAPPING-START FLOW-MAPPING-END: an empty one ({}); one with entries is left to YamlDotNet's parser.
    private YamlEvent EmptyFlowMapping()
    {
        Skip();
        var end = Current();
        if (end is not FlowMappingEnd)
        {
            throw new OutsideItsGrammar();
        }

        _state = _states.RemoveLast();
        Skip();
        return new YamlEvent(YamlEventKind.MappingEnd, end.Start, end.End);
    }

    private static YamlEvent Empty(Mark at) => new(YamlEventKind.Scalar, at, at);

    // The scanner's next token, not yet consumed. A stream always ends with its end token, and the states above stop at
    // it, so running out of tokens is only possible on a scanner bug: reported as invalid YAML at the last position.
    private Token Current()
    {
        if (_token is null)
        {
            if (!_scanner.MoveNextWithoutConsuming() || _scanner.Current is not { } token)
            {
                throw new OutsideItsGrammar();
            }

            // The scanner's own error: the parser decides what it means where it stands.
            _token = token is Error ? throw new OutsideItsGrammar() : token;
        }

        return _token;
    }

    private void Skip()
    {
        if (_token is not null)
        {
            _token = null;
            _scanner.ConsumeCurrent();
        }
    }

    /// <summary>The text is outside what this reader reads: YamlDotNet's parser reads it instead.</summary>
    internal sealed class OutsideItsGrammar : System.Exception
    {
    }
}
