package io.dynagate.emulator.vtl;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.velocity.util.introspection.Info;
import org.apache.velocity.util.introspection.SecureUberspector;
import org.apache.velocity.util.introspection.VelMethod;
import org.apache.velocity.util.introspection.VelPropertyGet;
import org.apache.velocity.util.introspection.VelPropertySet;

/**
 * {@link SecureUberspector} with its answers kept. Velocity caches a lookup only for the length of
 * one render (in the render's context), so every request paid the secure introspection of every
 * method and property again. What the uberspector answers depends only on the target's class, the
 * name and the arguments' classes (for a setter, the value's), so it is kept on those.
 *
 * <p>{@code String.replaceAll}, {@code replaceFirst} and {@code matches}, which generated templates
 * call on every value, compile their regex on each call; here they reuse a compiled {@link
 * Pattern}, with the same results and the same exceptions.
 */
public final class CachingUberspector extends SecureUberspector {

  /** Entries before a cache starts over: lookups are bounded by the names templates write. */
  private static final int LIMIT = 10_000;

  private record MethodKey(Class<?> target, String name, Class<?>[] argTypes) {
    @Override
    public boolean equals(Object o) {
      return o instanceof MethodKey k
          && k.target == target
          && k.name.equals(name)
          && Arrays.equals(k.argTypes, argTypes);
    }

    @Override
    public int hashCode() {
      return (target.hashCode() * 31 + name.hashCode()) * 31 + Arrays.hashCode(argTypes);
    }
  }

  private record PropertyKey(Class<?> target, String name) {}

  private record SetterKey(Class<?> target, String name, Class<?> valueType) {}

  private final Map<MethodKey, Optional<VelMethod>> methods = new ConcurrentHashMap<>();
  private final Map<PropertyKey, Optional<VelPropertyGet>> properties = new ConcurrentHashMap<>();
  private final Map<SetterKey, Optional<VelPropertySet>> setters = new ConcurrentHashMap<>();
  private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

  @Override
  public VelMethod getMethod(Object obj, String methodName, Object[] args, Info i) {
    // A Class target resolves its static methods: the answer depends on the value, not kept.
    if (obj == null || obj instanceof Class) {
      return super.getMethod(obj, methodName, args, i);
    }
    MethodKey key = new MethodKey(obj.getClass(), methodName, classes(args));
    Optional<VelMethod> known = methods.get(key);
    if (known == null) {
      known = Optional.ofNullable(lookUp(obj, methodName, args, i, key.argTypes()));
      bounded(methods).put(key, known);
    }
    return known.orElse(null);
  }

  @Override
  public VelPropertyGet getPropertyGet(Object obj, String identifier, Info i) {
    if (obj == null || obj instanceof Class) {
      return super.getPropertyGet(obj, identifier, i);
    }
    PropertyKey key = new PropertyKey(obj.getClass(), identifier);
    Optional<VelPropertyGet> known = properties.get(key);
    if (known == null) {
      known = Optional.ofNullable(super.getPropertyGet(obj, identifier, i));
      bounded(properties).put(key, known);
    }
    return known.orElse(null);
  }

  // Velocity looks a setter up on every #set($map.key = ...), trying a bean setter by reflection
  // before the map's put: the walk over nested values in generated templates does that per value.
  @Override
  public VelPropertySet getPropertySet(Object obj, String identifier, Object arg, Info i) {
    if (obj == null || obj instanceof Class) {
      return super.getPropertySet(obj, identifier, arg, i);
    }
    SetterKey key = new SetterKey(obj.getClass(), identifier, arg == null ? null : arg.getClass());
    Optional<VelPropertySet> known = setters.get(key);
    if (known == null) {
      known = Optional.ofNullable(super.getPropertySet(obj, identifier, arg, i));
      bounded(setters).put(key, known);
    }
    return known.orElse(null);
  }

  private VelMethod lookUp(
      Object obj, String methodName, Object[] args, Info i, Class<?>[] argTypes) {
    VelMethod found = super.getMethod(obj, methodName, args, i);
    boolean regexOnString =
        found != null
            && obj instanceof String
            && Arrays.stream(argTypes).allMatch(t -> t == String.class)
            && switch (methodName) {
              case "replaceAll", "replaceFirst" -> argTypes.length == 2;
              case "matches" -> argTypes.length == 1;
              default -> false;
            };
    return regexOnString ? new CompiledRegexMethod(found, this) : found;
  }

  Pattern pattern(String regex) {
    Pattern pattern = patterns.get(regex);
    if (pattern == null) {
      pattern = Pattern.compile(regex);
      bounded(patterns).put(regex, pattern);
    }
    return pattern;
  }

  private static <K, V> Map<K, V> bounded(Map<K, V> cache) {
    if (cache.size() >= LIMIT) {
      cache.clear();
    }
    return cache;
  }

  private static Class<?>[] classes(Object[] args) {
    Class<?>[] types = new Class<?>[args.length];
    for (int n = 0; n < args.length; n++) {
      types[n] = args[n] == null ? null : args[n].getClass();
    }
    return types;
  }

  /** A String regex method run with a kept {@link Pattern}; failures surface as reflection's. */
  private record CompiledRegexMethod(VelMethod reflective, CachingUberspector owner)
      implements VelMethod {

    @Override
    public Object invoke(Object o, Object[] params) throws InvocationTargetException {
      String text = (String) o;
      try {
        var matcher = owner.pattern((String) params[0]).matcher(text);
        return switch (reflective.getMethodName()) {
          case "replaceAll" -> matcher.replaceAll((String) params[1]);
          case "replaceFirst" -> matcher.replaceFirst((String) params[1]);
          default -> matcher.matches();
        };
      } catch (RuntimeException e) {
        throw new InvocationTargetException(e);
      }
    }

    @Override
    public boolean isCacheable() {
      return reflective.isCacheable();
    }

    @Override
    public String getMethodName() {
      return reflective.getMethodName();
    }

    @Override
    public Method getMethod() {
      return reflective.getMethod();
    }

    @Override
    public Class<?> getReturnType() {
      return reflective.getReturnType();
    }
  }
}
