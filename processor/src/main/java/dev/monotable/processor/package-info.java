/**
 * The Monotable annotation processor: {@code MonotableProcessor} (registered with AutoService) runs
 * the stages read, model, check and generate, in that order and never back, once per round; types
 * another processor has not generated yet are deferred to a later round.
 */
package dev.monotable.processor;
