/**
 * Writes generated files: confined to their output roots, each replaced atomically, unchanged ones
 * left alone.
 */
package dev.reclaim.gen.write;
