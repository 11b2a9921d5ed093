package io.dynagate.declaration;

public enum KeyType {
  HASH,
  RANGE
}
