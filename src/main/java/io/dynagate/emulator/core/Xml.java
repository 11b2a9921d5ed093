package io.dynagate.emulator.core;

/** A small XML writer for Query-protocol answers: elements and escaped text, nothing more. */
public final class Xml {

  private final StringBuilder out = new StringBuilder();

  public Xml open(String name) {
    out.append('<').append(name).append('>');
    return this;
  }

  /** Opens the root element in a namespace. */
  public Xml open(String name, String namespace) {
    out.append('<').append(name).append(" xmlns=\"").append(escape(namespace)).append("\">");
    return this;
  }

  public Xml close(String name) {
    out.append("</").append(name).append('>');
    return this;
  }

  /** An element with text; nothing when the text is null. */
  public Xml text(String name, Object text) {
    if (text != null) {
      open(name);
      out.append(escape(text.toString()));
      close(name);
    }
    return this;
  }

  /** Appends an already written fragment. */
  public Xml raw(String fragment) {
    out.append(fragment);
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }

  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&apos;");
        case '\r' -> escaped.append("&#13;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
