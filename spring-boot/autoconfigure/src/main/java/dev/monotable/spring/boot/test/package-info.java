/**
 * Test support: {@link dev.monotable.spring.boot.test.AutoConfigureMonotableLocal} runs a test's
 * application context on its own in-process monotable-local engine, with the tables created.
 */
package dev.monotable.spring.boot.test;
