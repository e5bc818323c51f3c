/**
 * The shop as a Spring Boot web application: the table design ({@link dev.monotable.sample.spring.AppData},
 * {@link dev.monotable.sample.spring.Customer}, {@link dev.monotable.sample.spring.Order}), REST controllers
 * on the table beans the Monotable starter makes of the generated {@code AppDataTable} and
 * {@code AppDataAsyncTable}, the mapping of Monotable's exceptions to HTTP statuses, and the {@code local}
 * profile that runs it all on an embedded monotable-local.
 */
package dev.monotable.sample.spring;
