package dev.monotable.it.tenant;

import dev.monotable.annotation.AccessPattern;
import dev.monotable.annotation.Entity;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.SortKey;

/** A project of a tenant: all of a tenant's projects in one partition. */
@Entity(table = Saas.class)
@PartitionKey("TENANT#<tenantId>#PROJECTS")
@SortKey("PROJECT#<projectId>")
@AccessPattern(name = "projectsOfTenant")
public record Project(String tenantId, String projectId, String title) {}
