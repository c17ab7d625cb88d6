package dev.reclaim.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.reclaim.model.SourcePos;

/**
 * The instructions of every body of a system in one array, so a thread's position is a single
 * int. Parallel primitive arrays keep the interpreter free of object loads; the text, position and
 * inline frame of each instruction serve only the reports.
 */
final class Code {
    /** An inline frame: a thread's body, an op inlined into it, or a shrinker part. */
    record Frame(int parent, String label, SourcePos pos, boolean unit) {
    }

    int[] op = new int[64];
    int[] a = new int[64];
    int[] b = new int[64];
    int[] c = new int[64];
    long[] ctx = new long[64];
    boolean[] yield = new boolean[64];
    int[] frame = new int[64];
    String[] text = new String[64];
    SourcePos[] pos = new SourcePos[64];
    int size;
    final List<Frame> frames = new ArrayList<>();

    int emit(int opcode, int x, int y, int z, boolean yields, int frameId, String txt, SourcePos p) {
        if (size == op.length) {
            int n = size * 2;
            op = Arrays.copyOf(op, n);
            a = Arrays.copyOf(a, n);
            b = Arrays.copyOf(b, n);
            c = Arrays.copyOf(c, n);
            ctx = Arrays.copyOf(ctx, n);
            yield = Arrays.copyOf(yield, n);
            frame = Arrays.copyOf(frame, n);
            text = Arrays.copyOf(text, n);
            pos = Arrays.copyOf(pos, n);
        }
        op[size] = opcode;
        a[size] = x;
        b[size] = y;
        c[size] = z;
        yield[size] = yields;
        frame[size] = frameId;
        text[size] = txt;
        pos[size] = p == null ? SourcePos.UNKNOWN : p;
        return size++;
    }

    int frame(int parent, String label, SourcePos p, boolean unit) {
        frames.add(new Frame(parent, label, p == null ? SourcePos.UNKNOWN : p, unit));
        return frames.size() - 1;
    }

    void trim() {
        op = Arrays.copyOf(op, size);
        a = Arrays.copyOf(a, size);
        b = Arrays.copyOf(b, size);
        c = Arrays.copyOf(c, size);
        ctx = Arrays.copyOf(ctx, size);
        yield = Arrays.copyOf(yield, size);
        frame = Arrays.copyOf(frame, size);
        text = Arrays.copyOf(text, size);
        pos = Arrays.copyOf(pos, size);
    }
}
