/**
 * {@code reclaimc generate}: Java from checked policies (docs/GENERATE.md). One concern per package:
 * {@link dev.reclaim.gen.model} decides what is generated and every Java name (the output model and
 * the escaping rules), {@link dev.reclaim.gen.render} prints that model as Java sources, and
 * {@link dev.reclaim.gen.write} puts them on disk atomically and only inside the output directories.
 * {@link dev.reclaim.gen.Generator} chains the first two; the command line adds the third.
 */
package dev.reclaim.gen;
