/**
 * Prints the output model as Java source text: policy constants and facade, system builder classes
 * over {@code dev.reclaim.model.build}, JUnit 5 tests. Deterministic ASCII text; no I/O.
 */
package dev.reclaim.gen.render;
