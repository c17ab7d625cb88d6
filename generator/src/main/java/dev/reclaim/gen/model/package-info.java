/**
 * The output model of the code generator: which classes each policy and system gets, in which
 * package, and the Java name of every constant and method, escaped and made distinct
 * ({@link dev.reclaim.gen.model.JavaNames}) before anything is printed.
 */
package dev.reclaim.gen.model;
