package com.fmugateway.adapter.out.fmi.fmi3;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Binds one loaded FMU library to a copy of {@link Fmi3DirectLibrary}, whose native methods JNA
 * registers with that library's functions.
 *
 * <p>A class's native methods bind to one library at a time, and one process loads several FMU
 * libraries (several FMUs, several copies of one FMU), so each binding gets a class of its own,
 * defined from the template's bytes in a class loader of its own. Classes are not made afresh for
 * every load: JNA keeps every class it ever registered in a cache it never empties, so a released
 * class is unregistered (a late call then fails in Java rather than jumping into unmapped code) and
 * kept for the next library. There are as many classes as libraries loaded at once.
 */
final class Fmi3DirectBinding {

  private static final String TEMPLATE = Fmi3DirectLibrary.class.getName();
  private static final byte[] TEMPLATE_BYTES = templateBytes();
  private static final String[] NATIVE_FUNCTIONS = nativeFunctions();
  private static final Deque<Class<?>> UNBOUND = new ArrayDeque<>();

  private final Class<?> bound;
  private final Fmi3Library library;

  private Fmi3DirectBinding(Class<?> bound, Fmi3Library library) {
    this.bound = bound;
    this.library = library;
  }

  /**
   * Binds {@code nativeLibrary} directly; empty when it lacks one of the functions, which then all
   * stay with {@code interfaceMapped}: that looks each function up at its first call, so an FMU
   * that leaves out functions it never needs still runs as before.
   */
  static Optional<Fmi3DirectBinding> bind(
      NativeLibrary nativeLibrary, Fmi3Library interfaceMapped) {
    for (String function : NATIVE_FUNCTIONS) {
      try {
        nativeLibrary.getFunction(function);
      } catch (UnsatisfiedLinkError missing) {
        return Optional.empty();
      }
    }
    Class<?> template = take();
    Native.register(template, nativeLibrary);
    try {
      Fmi3Library library =
          (Fmi3Library) template.getConstructor(Fmi3Library.class).newInstance(interfaceMapped);
      return Optional.of(new Fmi3DirectBinding(template, library));
    } catch (ReflectiveOperationException e) {
      Native.unregister(template);
      throw new IllegalStateException("cannot instantiate the direct FMI 3.0 binding", e);
    }
  }

  /** The library's functions, each called directly where JNA allows. */
  Fmi3Library library() {
    return library;
  }

  /** Unbinds before the library is closed; the binding's class waits for the next library. */
  void release() {
    Native.unregister(bound);
    synchronized (UNBOUND) {
      UNBOUND.push(bound);
    }
  }

  private static Class<?> take() {
    synchronized (UNBOUND) {
      Class<?> unbound = UNBOUND.poll();
      if (unbound != null) {
        return unbound;
      }
    }
    try {
      return Class.forName(TEMPLATE, true, new TemplateLoader(Fmi3DirectBinding.class));
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("cannot define the direct FMI 3.0 binding", e);
    }
  }

  private static String[] nativeFunctions() {
    return java.util.Arrays.stream(Fmi3DirectLibrary.class.getDeclaredMethods())
        .filter(m -> Modifier.isNative(m.getModifiers()))
        .map(Method::getName)
        .toArray(String[]::new);
  }

  private static byte[] templateBytes() {
    String resource = TEMPLATE.substring(TEMPLATE.lastIndexOf('.') + 1) + ".class";
    try (InputStream in = Fmi3DirectLibrary.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no " + resource + " on the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Defines the template itself, once; everything else comes from the parent. */
  private static final class TemplateLoader extends ClassLoader {

    TemplateLoader(Class<?> owner) {
      super(owner.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.equals(TEMPLATE)) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> defined = findLoadedClass(name);
        if (defined == null) {
          defined = defineClass(name, TEMPLATE_BYTES, 0, TEMPLATE_BYTES.length);
        }
        return defined;
      }
    }
  }
}
