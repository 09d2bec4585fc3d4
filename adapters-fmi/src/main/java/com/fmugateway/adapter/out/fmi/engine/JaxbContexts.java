package com.fmugateway.adapter.out.fmi.engine;

import java.util.Map;
import javax.xml.bind.JAXBContext;
import javax.xml.bind.JAXBContextFactory;
import javax.xml.bind.JAXBException;

/**
 * JAXB's context factory for the worker JVM, keeping one context per bound class: FMI4j reads every
 * FMU's {@code modelDescription.xml} through {@code JAXB.unmarshal} twice (once for the FMI
 * version, once for the description), with two classes, and {@code JAXB} remembers one context,
 * weakly; so every FMU load built two contexts, most of a newly uploaded FMU's first run (about 30
 * ms of 45 on a warm worker). A context depends only on the classes, never on an FMU, and is
 * thread-safe.
 *
 * <p>Chosen with {@code -Djavax.xml.bind.JAXBContextFactory=}{@link #PROPERTY_VALUE} (the worker
 * command sets it); anything but a single class without properties goes to the JAXB runtime as
 * before.
 */
public final class JaxbContexts implements JAXBContextFactory {

  /** The system property JAXB reads its context factory from. */
  public static final String PROPERTY = JAXBContext.JAXB_CONTEXT_FACTORY;

  public static final String PROPERTY_VALUE = JaxbContexts.class.getName();

  private static final JAXBContextFactory RUNTIME = new com.sun.xml.bind.v2.JAXBContextFactory();

  /** Lives as long as its class: FMI4j's few description classes, in practice. */
  private static final ClassValue<JAXBContext> CONTEXTS =
      new ClassValue<>() {
        @Override
        protected JAXBContext computeValue(Class<?> type) {
          try {
            return RUNTIME.createContext(new Class<?>[] {type}, Map.of());
          } catch (JAXBException e) {
            throw new ContextFailure(e);
          }
        }
      };

  /** Public and without arguments, as JAXB instantiates it. */
  public JaxbContexts() {}

  @Override
  public JAXBContext createContext(Class<?>[] classes, Map<String, ?> properties)
      throws JAXBException {
    if (classes.length != 1 || (properties != null && !properties.isEmpty())) {
      return RUNTIME.createContext(classes, properties);
    }
    try {
      return CONTEXTS.get(classes[0]);
    } catch (ContextFailure e) {
      throw e.failure;
    }
  }

  @Override
  public JAXBContext createContext(
      String contextPath, ClassLoader classLoader, Map<String, ?> properties) throws JAXBException {
    return RUNTIME.createContext(contextPath, classLoader, properties);
  }

  /** Carries a checked failure out of {@link ClassValue#computeValue}; nothing is cached then. */
  private static final class ContextFailure extends RuntimeException {
    private final JAXBException failure;

    ContextFailure(JAXBException cause) {
      super(cause);
      this.failure = cause;
    }
  }
}
