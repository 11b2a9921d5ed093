package io.dynagate.emulator.core;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One folder of JSON files, one per entity, each written atomically (temporary file, then rename)
 * so that a crash leaves either the old or the new version.
 */
public final class StateFiles<T> {

  private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .findAndRegisterModules()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private final Path dir;
  private final Class<T> type;

  public StateFiles(Path dir, Class<T> type) {
    this.dir = dir;
    this.type = type;
  }

  /** Every stored entity. */
  public List<T> loadAll() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      List<T> loaded = new ArrayList<>();
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        loaded.add(MAPPER.readValue(file.toFile(), type));
      }
      return loaded;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the emulator state in " + dir, e);
    }
  }

  /** Stores an entity under a file-safe key (ids and IAM names are). */
  public void write(String key, T value) {
    try {
      // Readable by its owner only, as the rest of the data directory.
      Files.createDirectories(dir, OWNER_ONLY);
      Path target = dir.resolve(key + ".json");
      Path temp = Files.createTempFile(dir, key, ".tmp");
      MAPPER.writeValue(temp.toFile(), value);
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the emulator state in " + dir, e);
    }
  }

  public void delete(String key) {
    try {
      Files.deleteIfExists(dir.resolve(key + ".json"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete from the emulator state in " + dir, e);
    }
  }
}
