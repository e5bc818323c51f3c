/** A table its tenants share ({@code @Table(tenant = "tenantId")}), for the tests of tenant isolation. */
package dev.monotable.it.tenant;
