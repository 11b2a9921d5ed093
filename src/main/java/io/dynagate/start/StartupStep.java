package io.dynagate.start;

/**
 * Work that must finish before the service takes requests (e.g. the registry table, the emulator).
 */
public interface StartupStep {

  /** Lower runs first. */
  int order();

  /** Throws {@link StartException} with a one-line explanation when the service cannot start. */
  void run();
}
