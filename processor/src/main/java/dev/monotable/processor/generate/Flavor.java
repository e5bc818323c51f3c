package dev.monotable.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.monotable.processor.model.EntityModel;
import dev.monotable.processor.model.TypeRef;

/**
 * Which twin a repository generator writes: the synchronous repository, whose methods return what
 * they read, or the async one over the SDK's async client, whose methods return futures and whose
 * query builders return async narrowed queries. Both are written by one generator, so they cannot
 * drift apart.
 */
enum Flavor {
  SYNC, ASYNC;

  boolean async() {
    return this == ASYNC;
  }

  /** The generated repository of {@code entity} in this flavor. */
  TypeRef repositoryType(EntityModel entity) {
    return async() ? entity.asyncRepositoryType() : entity.repositoryType();
  }

  ClassName abstractRepository() {
    return async() ? TypeNames.ABSTRACT_ASYNC_REPOSITORY : TypeNames.ABSTRACT_REPOSITORY;
  }

  ClassName abstractQuery(boolean consistent) {
    if (async()) {
      return consistent ? TypeNames.ABSTRACT_ASYNC_CONSISTENT_QUERY : TypeNames.ABSTRACT_ASYNC_QUERY;
    }
    return consistent ? TypeNames.ABSTRACT_CONSISTENT_QUERY : TypeNames.ABSTRACT_QUERY;
  }

  ClassName narrowedQuery(boolean consistent) {
    if (async()) {
      return consistent ? TypeNames.ASYNC_NARROWED_CONSISTENT_QUERY : TypeNames.ASYNC_NARROWED_QUERY;
    }
    return consistent ? TypeNames.NARROWED_CONSISTENT_QUERY : TypeNames.NARROWED_QUERY;
  }

  ClassName update() {
    return async() ? TypeNames.ASYNC_UPDATE : TypeNames.UPDATE;
  }

  ClassName scan() {
    return async() ? TypeNames.ASYNC_SCAN : TypeNames.SCAN;
  }

  /** What a method that reads or writes {@code type} returns: it, or a future of it ({@code void}: of {@code Void}). */
  TypeName result(TypeName type) {
    if (!async()) {
      return type;
    }
    return ParameterizedTypeName.get(TypeNames.COMPLETABLE_FUTURE,
        type.equals(TypeName.VOID) ? ClassName.get(Void.class) : type.box());
  }

  /**
   * The {@code QueryPlan} method that makes a builder: {@code narrowed}, {@code consistentRange}, ...,
   * or its async twin {@code asyncNarrowed}, {@code asyncConsistentRange}, ...
   */
  String planCall(String call) {
    return async() ? "async" + Character.toUpperCase(call.charAt(0)) + call.substring(1) : call;
  }
}
