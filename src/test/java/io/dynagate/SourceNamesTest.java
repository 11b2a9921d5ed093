package io.dynagate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Types are named through imports, not spelled out inline (STYLE.md): an inline {@code
 * java.util.LinkedHashMap} in the middle of a method is read past, an import is seen. Comments,
 * Javadoc and string literals may name anything.
 */
class SourceNamesTest {

  private static final Pattern QUALIFIED =
      Pattern.compile(
          "(?<![\\w.\"/])(java|javax|jakarta|io|org|com|software)(\\.[a-z][a-z0-9_]*)+\\.[A-Z]\\w*");
  private static final Pattern STRING = Pattern.compile("\"(\\\\.|[^\"\\\\])*\"");

  @Test
  void mainCodeNamesTypesThroughImports() throws IOException {
    List<String> inline = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        List<String> lines = Files.readAllLines(file);
        for (int n = 0; n < lines.size(); n++) {
          String code = code(lines.get(n));
          if (QUALIFIED.matcher(code).find()) {
            inline.add(file + ":" + (n + 1) + ": " + lines.get(n).trim());
          }
        }
      }
    }
    assertEquals(List.of(), inline, "inline fully-qualified type names");
  }

  /** The line without strings and comments; import and package lines count as none. */
  private static String code(String line) {
    String trimmed = line.trim();
    if (trimmed.startsWith("import ")
        || trimmed.startsWith("package ")
        || trimmed.startsWith("*")
        || trimmed.startsWith("/*")
        || trimmed.startsWith("//")) {
      return "";
    }
    String code = STRING.matcher(line).replaceAll("\"\"");
    int comment = code.indexOf("//");
    return comment < 0 ? code : code.substring(0, comment);
  }
}
