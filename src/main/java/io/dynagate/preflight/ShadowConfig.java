package io.dynagate.preflight;

import io.dynagate.config.DynagateConfig;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Map;

/**
 * The application's configuration as the shadow sees it: embedded mode in a data folder of its own,
 * free ports, no quotas and no faults, and the target's account and region (the definition names
 * them in every ARN). Everything else reads through to the real configuration.
 */
final class ShadowConfig {

  private ShadowConfig() {}

  static DynagateConfig of(DynagateConfig real, Path dataDir, String accountId, String region) {
    Map<String, Object> overrides =
        Map.of(
            "dataDir", dataDir,
            "dynalite.port", 0,
            "emulator.port", 0,
            "emulator.accountId", accountId,
            "emulator.region", region);
    return overlay(DynagateConfig.class, real, "", overrides);
  }

  private static <T> T overlay(Class<T> type, T real, String prefix, Map<String, Object> values) {
    Object proxy =
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (self, method, args) -> {
              if (method.getDeclaringClass() == Object.class) {
                return objectMethod(self, method, args);
              }
              String path = prefix + method.getName();
              if (args == null && values.containsKey(path)) {
                return values.get(path);
              }
              Object answer = invoke(method, real, args);
              if (answer != null && isGroup(method.getReturnType())) {
                return overlay(groupType(method), answer, path + ".", values);
              }
              return answer;
            });
    return type.cast(proxy);
  }

  private static boolean isGroup(Class<?> type) {
    return type.isInterface() && type.getName().startsWith(DynagateConfig.class.getName());
  }

  @SuppressWarnings("unchecked")
  private static Class<Object> groupType(Method method) {
    return (Class<Object>) method.getReturnType();
  }

  private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static Object objectMethod(Object self, Method method, Object[] args) {
    return switch (method.getName()) {
      case "equals" -> self == args[0];
      case "hashCode" -> System.identityHashCode(self);
      default -> "shadow configuration";
    };
  }
}
