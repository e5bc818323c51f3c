package dev.monotable.processor.model;

/**
 * A call of a generated repository's {@code scanAll()} in the code being compiled.
 *
 * @param accessor the table accessor it was called on ({@code orders} in {@code table.orders().scanAll()}),
 *     or empty when the receiver is not such a call
 * @param suppressed whether {@code @SuppressWarnings("monotable.scan")} covers it
 */
public record ScanCall(String accessor, boolean suppressed, SourceRef source) {}
