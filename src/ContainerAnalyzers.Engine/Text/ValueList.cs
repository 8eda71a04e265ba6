using System;
using System.Collections;
using System.Collections.Generic;

namespace ContainerAnalyzers.Text;

/// <summary>
/// A growable list of one of the package's own structs or enums, for the hot lists of the parsers. Not <see cref="List{T}"/>:
/// ReadyToRun cannot precompile the framework's generic code over a value type defined in another assembly, so a fresh
/// compiler process would JIT-compile List's methods for each such struct before the first diagnostic. This type's
/// code is the package's own, and is precompiled with it.
/// </summary>
internal sealed class ValueList<T> : IReadOnlyList<T>
    where T : struct
{
    private T[] _items;

    public ValueList(int capacity = 4) => _items = new T[Math.Max(capacity, 1)];

    public int Count { get; private set; }

    public T this[int index] => (uint)index < (uint)Count ? _items[index] : throw new ArgumentOutOfRangeException(nameof(index));

    public void Add(T item)
    {
        if (Count == _items.Length)
        {
            // Array.Copy, not Array.Resize<T>: the generic one is framework code over T (see the summary).
            var grown = new T[_items.Length * 2];
            Array.Copy(_items, grown, Count);
            _items = grown;
        }

        _items[Count++] = item;
    }

    /// <summary>Removes and returns the last item: the list used as a stack.</summary>
    public T RemoveLast() => Count > 0 ? _items[--Count] : throw new InvalidOperationException("the list is empty");

    public IEnumerator<T> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return _items[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
