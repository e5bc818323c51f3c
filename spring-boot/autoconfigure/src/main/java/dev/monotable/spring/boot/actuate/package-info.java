/**
 * Actuator support: {@link dev.monotable.spring.boot.actuate.MonotableHealthIndicator}, the
 * {@code monotable} health contributor, which compares each table with its design.
 */
package dev.monotable.spring.boot.actuate;
