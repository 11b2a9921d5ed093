package io.dynagate.declaration;

/** DynamoDB scalar attribute types allowed in key schemas. */
public enum AttributeType {
  S,
  N,
  B
}
