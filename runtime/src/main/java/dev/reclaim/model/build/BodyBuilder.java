package dev.reclaim.model.build;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.reclaim.model.Ctx;
import dev.reclaim.model.SourcePos;
import dev.reclaim.model.Stmt;

/**
 * The statements of one body (LANGUAGE.md §2), appended in order. Nested bodies are lambdas that
 * receive a fresh builder, so generated code nests the way the source does. Names are not resolved
 * here; the checker reports unknown ones.
 */
public final class BodyBuilder {
    private final List<Stmt> stmts = new ArrayList<>();

    BodyBuilder() {
    }

    /** Builds a body from a lambda: an empty lambda gives an empty body. */
    public static List<Stmt> of(Consumer<BodyBuilder> body) {
        BodyBuilder b = new BodyBuilder();
        body.accept(b);
        return b.build();
    }

    /** {@code alloc N CTX}. */
    public BodyBuilder alloc(int pages, Ctx ctx, SourcePos pos) {
        return add(new Stmt.Alloc(pages, ctx, pos));
    }

    /** {@code free N}. */
    public BodyBuilder free(int pages, SourcePos pos) {
        return add(new Stmt.Free(pages, pos));
    }

    /** {@code lock L}, or {@code lock L shared} when {@code shared}. */
    public BodyBuilder lock(String lock, boolean shared, SourcePos pos) {
        return add(new Stmt.Lock(lock, shared, pos));
    }

    /** {@code unlock L}. */
    public BodyBuilder unlock(String lock, SourcePos pos) {
        return add(new Stmt.Unlock(lock, pos));
    }

    /** {@code trylock L else stop}. */
    public BodyBuilder trylockElseStop(String lock, SourcePos pos) {
        return add(new Stmt.TryLock(lock, null, pos));
    }

    /** {@code trylock L else { BODY }}. */
    public BodyBuilder trylock(String lock, SourcePos pos, Consumer<BodyBuilder> orElse) {
        return add(new Stmt.TryLock(lock, of(orElse), pos));
    }

    /** {@code write INST}. */
    public BodyBuilder write(String instance, SourcePos pos) {
        return add(new Stmt.Write(instance, pos));
    }

    /** {@code submit INST}. */
    public BodyBuilder submit(String instance, SourcePos pos) {
        return add(new Stmt.Submit(instance, pos));
    }

    /** {@code wait INST}. */
    public BodyBuilder await(String instance, SourcePos pos) {
        return add(new Stmt.Wait(instance, pos));
    }

    /** {@code fill INST N CTX}. */
    public BodyBuilder fill(String instance, int pages, Ctx ctx, SourcePos pos) {
        return add(new Stmt.Fill(instance, pages, ctx, pos));
    }

    /** {@code dirty INST N}. */
    public BodyBuilder dirty(String instance, int pages, SourcePos pos) {
        return add(new Stmt.Dirty(instance, pages, pos));
    }

    /** {@code clean INST}. */
    public BodyBuilder clean(String instance, SourcePos pos) {
        return add(new Stmt.Clean(instance, pos));
    }

    /** {@code call OP}. */
    public BodyBuilder call(String op, SourcePos pos) {
        return add(new Stmt.Call(op, pos));
    }

    /** {@code scope CTX { BODY }}. */
    public BodyBuilder scope(Ctx ctx, SourcePos pos, Consumer<BodyBuilder> body) {
        return add(new Stmt.Scope(ctx, of(body), pos));
    }

    /** {@code if PERM { BODY }} (no else branch). */
    public BodyBuilder when(String permission, SourcePos pos, Consumer<BodyBuilder> then) {
        return add(new Stmt.If(permission, of(then), List.of(), pos));
    }

    /** {@code if PERM { BODY } else { BODY }}. */
    public BodyBuilder when(String permission, SourcePos pos, Consumer<BodyBuilder> then,
                            Consumer<BodyBuilder> orElse) {
        return add(new Stmt.If(permission, of(then), of(orElse), pos));
    }

    /** {@code queue WQ}. */
    public BodyBuilder queue(String workqueue, SourcePos pos) {
        return add(new Stmt.Queue(workqueue, pos));
    }

    /** {@code take POOL}. */
    public BodyBuilder take(String pool, SourcePos pos) {
        return add(new Stmt.Take(pool, pos));
    }

    /** {@code give POOL}. */
    public BodyBuilder give(String pool, SourcePos pos) {
        return add(new Stmt.Give(pool, pos));
    }

    /** {@code stop}. */
    public BodyBuilder stop(SourcePos pos) {
        return add(new Stmt.Stop(pos));
    }

    /**
     * Appends the statements {@code more} adds to this same body, not to a nested one. Generated
     * code splits a long body into such groups because each lambda is a method of its own, and a
     * method holds at most 64 KiB of bytecode.
     */
    public BodyBuilder group(Consumer<BodyBuilder> more) {
        more.accept(this);
        return this;
    }

    private BodyBuilder add(Stmt s) {
        stmts.add(s);
        return this;
    }

    List<Stmt> build() {
        return List.copyOf(stmts);
    }
}
