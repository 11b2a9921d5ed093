package io.dynagate.preflight;

import io.quarkus.arc.Arc;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.inject.Inject;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * A second, private instance of every bean of the emulator: its stores, counters, data plane and
 * server. CDI holds one instance per application-scoped bean, and the shadow must share no state
 * with the emulator the application may be using as its target, so its graph is built here, by the
 * same rules as CDI's (constructor injection, {@code Instance<T>} resolved lazily, which is how the
 * emulator breaks its own cycles), from the bean classes the container knows. Types outside the
 * emulator come from {@code provided} first, then from the application (stateless services).
 */
final class EmulatorGraph implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(EmulatorGraph.class);
  private static final String PACKAGE = "io.dynagate.emulator.";

  private final List<Class<?>> beanClasses;
  private final Map<Class<?>, Object> instances = new LinkedHashMap<>();
  private final List<Object> created = new ArrayList<>();

  private EmulatorGraph(List<Class<?>> beanClasses, Map<Class<?>, Object> provided) {
    this.beanClasses = beanClasses;
    instances.putAll(provided);
    created.addAll(provided.values());
  }

  /** A graph over the emulator's bean classes; {@code provided} instances are used as they are. */
  static EmulatorGraph of(Map<Class<?>, Object> provided) {
    Set<Bean<?>> beans = Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE);
    List<Class<?>> classes =
        beans.stream()
            .map(Bean::getBeanClass)
            .filter(c -> c.getName().startsWith(PACKAGE))
            .distinct()
            .sorted(Comparator.comparing(Class::getName))
            .collect(Collectors.toList());
    return new EmulatorGraph(classes, provided);
  }

  /** The graph's one instance of {@code type}, built on first use. */
  synchronized <T> T get(Class<T> type) {
    Object existing = instances.get(type);
    if (existing != null) {
      return type.cast(existing);
    }
    List<Class<?>> candidates = candidates(type);
    if (candidates.size() == 1) {
      Class<?> bean = candidates.get(0);
      Object built = instances.containsKey(bean) ? instances.get(bean) : build(bean);
      instances.put(type, built);
      return type.cast(built);
    }
    if (!candidates.isEmpty()) {
      throw new IllegalStateException("ambiguous in the shadow emulator: " + type.getName());
    }
    LOG.debugf("shadow emulator shares the application's %s", type.getName());
    Object shared = Arc.container().instance(type).get();
    instances.put(type, shared);
    return type.cast(shared);
  }

  private List<Class<?>> candidates(Class<?> type) {
    return beanClasses.stream().filter(type::isAssignableFrom).toList();
  }

  private Object build(Class<?> bean) {
    Constructor<?> constructor = injectable(bean);
    constructor.setAccessible(true);
    Type[] types = constructor.getGenericParameterTypes();
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      args[i] = resolve(types[i]);
    }
    try {
      Object instance = constructor.newInstance(args);
      instances.put(bean, instance);
      created.add(instance);
      callAnnotated(instance, PostConstruct.class);
      return instance;
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("cannot build " + bean.getName(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + bean.getName(), e);
    }
  }

  /**
   * The {@code @Inject} constructor, else the widest (CDI may add a no-argument one for proxies).
   */
  private static Constructor<?> injectable(Class<?> bean) {
    Constructor<?>[] all = bean.getDeclaredConstructors();
    return Arrays.stream(all)
        .filter(c -> c.isAnnotationPresent(Inject.class))
        .findFirst()
        .orElseGet(
            () ->
                Arrays.stream(all)
                    .max(Comparator.comparingInt(Constructor::getParameterCount))
                    .orElseThrow());
  }

  private Object resolve(Type type) {
    if (type instanceof ParameterizedType parameterized
        && parameterized.getRawType() == Instance.class) {
      return lazy((Class<?>) erase(parameterized.getActualTypeArguments()[0]));
    }
    return get(erase(type));
  }

  private static Class<?> erase(Type type) {
    if (type instanceof ParameterizedType parameterized) {
      return (Class<?>) parameterized.getRawType();
    }
    return (Class<?>) type;
  }

  /** An {@code Instance<T>} over this graph's beans of type T, resolved when first asked. */
  private Instance<?> lazy(Class<?> type) {
    return (Instance<?>)
        Proxy.newProxyInstance(
            Instance.class.getClassLoader(),
            new Class<?>[] {Instance.class},
            (self, method, args) -> {
              List<Object> all = candidates(type).stream().map(c -> (Object) get(c)).toList();
              return switch (method.getName()) {
                case "get" -> {
                  if (all.size() != 1) {
                    throw new IllegalStateException(
                        all.size() + " shadow beans of type " + type.getName());
                  }
                  yield all.get(0);
                }
                case "iterator" -> all.iterator();
                case "stream" -> all.stream();
                case "spliterator" -> all.spliterator();
                case "forEach" -> {
                  all.forEach((Consumer<Object>) args[0]);
                  yield null;
                }
                case "isResolvable" -> all.size() == 1;
                case "isUnsatisfied" -> all.isEmpty();
                case "isAmbiguous" -> all.size() > 1;
                case "hashCode" -> System.identityHashCode(self);
                case "equals" -> self == args[0];
                case "toString" -> "shadow Instance<" + type.getSimpleName() + ">";
                default ->
                    throw new UnsupportedOperationException(
                        "shadow Instance does not support " + method.getName());
              };
            });
  }

  private static void callAnnotated(Object instance, Class<? extends Annotation> annotation)
      throws ReflectiveOperationException {
    for (Class<?> c = instance.getClass(); c != Object.class; c = c.getSuperclass()) {
      for (Method method : c.getDeclaredMethods()) {
        if (method.isAnnotationPresent(annotation) && method.getParameterCount() == 0) {
          method.setAccessible(true);
          method.invoke(instance);
        }
      }
    }
  }

  /** Runs the {@code @PreDestroy} of everything this graph built or was given, newest first. */
  @Override
  public synchronized void close() {
    List<Object> reversed = new ArrayList<>(created);
    Collections.reverse(reversed);
    for (Object instance : reversed) {
      try {
        callAnnotated(instance, PreDestroy.class);
      } catch (ReflectiveOperationException | RuntimeException e) {
        LOG.warnf("shadow %s did not stop cleanly: %s", instance.getClass().getSimpleName(), e);
      }
    }
    created.clear();
    instances.clear();
  }
}
