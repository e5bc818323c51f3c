/**
 * The run-time API of Monotable: what users call on generated repositories and tables — query
 * builders ({@link dev.monotable.runtime.Query}) and their {@link dev.monotable.runtime.Page}s,
 * {@link dev.monotable.runtime.Scan}, typed {@link dev.monotable.runtime.Update}s,
 * {@link dev.monotable.runtime.Condition}s on {@link dev.monotable.runtime.Path}s,
 * {@link dev.monotable.runtime.Transaction}s, batches, {@link dev.monotable.runtime.TableOptions} —
 * and the exceptions: {@link dev.monotable.runtime.MonotableException} for failed operations,
 * {@link IllegalArgumentException} subclasses for input refused before sending.
 *
 * <p>Some public classes here are still called only by generated code (schemas, codecs, key
 * formats, the entity store); they are to move to an internal package with no compatibility
 * promise.
 */
package dev.monotable.runtime;
