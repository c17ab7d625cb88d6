package dev.reclaim.model;

import java.util.List;

/**
 * A statement of a body (LANGUAGE.md §2). Names refer to declarations of the enclosing system;
 * the lowering has already checked that they resolve.
 */
public sealed interface Stmt {
    SourcePos pos();

    record Alloc(int pages, Ctx ctx, SourcePos pos) implements Stmt {}

    record Free(int pages, SourcePos pos) implements Stmt {}

    record Lock(String lock, boolean shared, SourcePos pos) implements Stmt {}

    record Unlock(String lock, SourcePos pos) implements Stmt {}

    /** {@code orElse == null} means {@code else stop}. */
    record TryLock(String lock, List<Stmt> orElse, SourcePos pos) implements Stmt {
        public TryLock {
            orElse = orElse == null ? null : List.copyOf(orElse);
        }

        public boolean elseStop() {
            return orElse == null;
        }
    }

    record Write(String instance, SourcePos pos) implements Stmt {}

    record Submit(String instance, SourcePos pos) implements Stmt {}

    record Wait(String instance, SourcePos pos) implements Stmt {}

    record Fill(String instance, int pages, Ctx ctx, SourcePos pos) implements Stmt {}

    record Dirty(String instance, int pages, SourcePos pos) implements Stmt {}

    record Clean(String instance, SourcePos pos) implements Stmt {}

    record Call(String op, SourcePos pos) implements Stmt {}

    record Scope(Ctx ctx, List<Stmt> body, SourcePos pos) implements Stmt {
        public Scope {
            body = List.copyOf(body);
        }
    }

    /** {@code orElse} is empty when there is no else branch. */
    record If(String permission, List<Stmt> then, List<Stmt> orElse, SourcePos pos) implements Stmt {
        public If {
            then = List.copyOf(then);
            orElse = List.copyOf(orElse);
        }
    }

    record Queue(String workqueue, SourcePos pos) implements Stmt {}

    record Take(String pool, SourcePos pos) implements Stmt {}

    record Give(String pool, SourcePos pos) implements Stmt {}

    record Stop(SourcePos pos) implements Stmt {}
}
