package io.dynagate.reconcile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON documents compared as values: IAM answers them reformatted. */
final class Json {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Json() {}

  static boolean same(String a, String b) {
    try {
      return JSON.readTree(a).equals(JSON.readTree(b));
    } catch (JsonProcessingException e) {
      return false;
    }
  }
}
