package dev.repairscope.sim;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * A list that only grows, kept in fixed-size chunks. A copy ({@link DeepCopy}) shares every full
 * chunk with the original and copies only the last one: a snapshot of a run with two million
 * journal events costs a few hundred references, not two million.
 */
public final class AppendOnlyLog<E> extends AbstractList<E> implements RandomAccess, DeepCopy.Custom {
    private static final int SHIFT = 12;
    private static final int CHUNK = 1 << SHIFT;

    private Object[][] chunks = new Object[16][];
    private int size;

    @Override
    public boolean add(E element) {
        int chunk = size >>> SHIFT;
        if (chunk == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunks.length * 2);
        }
        if (chunks[chunk] == null) {
            chunks[chunk] = new Object[CHUNK];
        }
        chunks[chunk][size & (CHUNK - 1)] = element;
        size++;
        modCount++;
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " of " + size);
        }
        return (E) chunks[index >>> SHIFT][index & (CHUNK - 1)];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Object copyWith(DeepCopy copier) {
        AppendOnlyLog<E> copy = new AppendOnlyLog<>();
        copier.remember(this, copy);
        copy.chunks = chunks.clone(); // full chunks never change again: shared
        int last = size >>> SHIFT;
        if (last < chunks.length && chunks[last] != null) {
            copy.chunks[last] = chunks[last].clone(); // the one both sides will still write to
        }
        copy.size = size;
        return copy;
    }
}
