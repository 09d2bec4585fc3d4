package com.fmugateway.adapter.in.http.docs;

import com.fasterxml.jackson.databind.AnnotationIntrospector;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.core.util.Json31;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Schemas as the API really reads and writes JSON. The API serializes with Jackson 3, while
 * swagger-core inspects classes with Jackson 2, which does not see Jackson 3's {@code @JsonNaming}:
 * without this every schema would show {@code fmuId} where the API speaks {@code fmu_id}. Nested
 * records get their outer type's name in front ({@code RevenueDay}, {@code SimulationsDay}), so two
 * {@code Day}s do not collapse into one schema.
 */
public final class ApiModelResolver {

  private ApiModelResolver() {}

  /** Replaces swagger-core's default resolver (springdoc swaps a bean of the same class in). */
  public static ModelResolver create() {
    ObjectMapper mapper = Json31.mapper().copy();
    mapper.setAnnotationIntrospector(
        AnnotationIntrospector.pair(
            new Jackson3Naming(), mapper.getSerializationConfig().getAnnotationIntrospector()));
    return new ModelResolver(mapper, new NestedTypeNames()).openapi31(true);
  }

  /** Reads Jackson 3's class-level {@code @JsonNaming} for Jackson 2's property introspection. */
  static final class Jackson3Naming extends NopAnnotationIntrospector {

    private static final long serialVersionUID = 1L;

    @Override
    public Object findNamingStrategy(AnnotatedClass ac) {
      JsonNaming naming = ac.getRawType().getAnnotation(JsonNaming.class);
      if (naming == null) {
        return null;
      }
      if (naming.value()
          == tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy.class) {
        return PropertyNamingStrategies.SnakeCaseStrategy.class;
      }
      throw new IllegalStateException(
          "no OpenAPI counterpart for the naming strategy " + naming.value().getName());
    }
  }

  /** {@code RevenueResponse.Day} → {@code RevenueDay}; other types keep their simple name. */
  static final class NestedTypeNames extends TypeNameResolver {

    @Override
    protected String getNameOfClass(Class<?> cls) {
      String name = super.getNameOfClass(cls);
      Class<?> outer = cls.getEnclosingClass();
      if (outer == null || name.endsWith("Response") || name.endsWith("Request")) {
        return name;
      }
      return outer.getSimpleName().replaceAll("(Response|Request)$", "") + name;
    }
  }
}
