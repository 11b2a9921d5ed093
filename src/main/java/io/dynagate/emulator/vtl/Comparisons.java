package io.dynagate.emulator.vtl;

import java.math.BigDecimal;
import org.apache.velocity.runtime.parser.node.ASTComparisonNode;
import org.apache.velocity.runtime.parser.node.ASTEQNode;
import org.apache.velocity.runtime.parser.node.ASTNENode;
import org.apache.velocity.runtime.parser.node.MathUtils;
import org.apache.velocity.runtime.parser.node.Node;
import org.apache.velocity.runtime.parser.node.SimpleNode;
import org.apache.velocity.util.DuckType;

/**
 * {@code ==} and {@code !=} that answer as Velocity's own, without its cost on text that is no
 * number. Velocity first tries both sides as numbers, and for a side that is not a number it parses
 * the side's text with {@code new BigDecimal}, which throws: {@code #if($input.path('$.Item') ==
 * "")}, the test AWS's tutorials write, built two exceptions (with their stack traces) per render.
 * Here the text is parsed only when it has the form of a decimal number; the answers are the same,
 * since text of any other form is no number to {@code BigDecimal} either. (Velocity also asks a
 * value for a {@code getAsNumber()} method first; none of the values a mapping template sees has
 * one.)
 */
final class Comparisons {

  private Comparisons() {}

  /** Replaces the {@code ==} and {@code !=} nodes below {@code node}, before it is initialised. */
  static void replaceIn(Node node) {
    for (int i = 0; i < node.jjtGetNumChildren(); i++) {
      Node child = node.jjtGetChild(i);
      Node replaced = child;
      if (child.getClass() == ASTEQNode.class) {
        replaced = new Equal((ASTEQNode) child);
      } else if (child.getClass() == ASTNENode.class) {
        replaced = new NotEqual((ASTNENode) child);
      }
      if (replaced != child) {
        for (int k = 0; k < child.jjtGetNumChildren(); k++) {
          replaced.jjtAddChild(child.jjtGetChild(k), k);
          child.jjtGetChild(k).jjtSetParent(replaced);
        }
        replaced.jjtSetParent(node);
        node.jjtAddChild(replaced, i);
      }
      replaceIn(replaced);
    }
  }

  /**
   * Both sides as numbers, as {@code DuckType.asNumber} gives them, or null when either is none.
   */
  static Boolean compareAsNumbers(ASTComparisonNode node, Object left, Object right) {
    Number l = number(left);
    Number r = l == null ? null : number(right);
    return r == null ? null : node.numberTest(MathUtils.compare(l, r));
  }

  static Number number(Object value) {
    if (value instanceof Number number) {
      return number;
    }
    String text = DuckType.asString(value);
    if (text == null || !decimal(text)) {
      return null;
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      return null; // an exponent beyond an int: no number to BigDecimal either
    }
  }

  /**
   * Whether {@code text} has the form {@code BigDecimal(String)} reads: a sign, digits with at most
   * one point (at least one digit), then perhaps {@code e} or {@code E}, a sign and digits. Digits
   * are what {@link Character#isDigit} says, as for {@code BigDecimal}.
   */
  static boolean decimal(String text) {
    int i = 0;
    int n = text.length();
    if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
      i++;
    }
    int digits = 0;
    boolean point = false;
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (Character.isDigit(c)) {
        digits++;
      } else if (c == '.' && !point) {
        point = true;
      } else {
        break;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i == n) {
      return true;
    }
    if (text.charAt(i) != 'e' && text.charAt(i) != 'E') {
      return false;
    }
    i++;
    if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
      i++;
    }
    if (i == n) {
      return false;
    }
    for (; i < n; i++) {
      if (!Character.isDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static void copyPlace(SimpleNode copy, SimpleNode original) {
    copy.setFirstToken(original.getFirstToken());
    copy.setInfo(original.getInfo());
  }

  /** {@code ==}. */
  static final class Equal extends ASTEQNode {
    Equal(ASTEQNode original) {
      super(original.getType());
      copyPlace(this, original);
      last = original.getLastToken();
      template = original.getTemplate();
    }

    @Override
    public Boolean compareNumbers(Object left, Object right) {
      return compareAsNumbers(this, left, right);
    }
  }

  /** {@code !=}. */
  static final class NotEqual extends ASTNENode {
    NotEqual(ASTNENode original) {
      super(original.getType());
      copyPlace(this, original);
      last = original.getLastToken();
      template = original.getTemplate();
    }

    @Override
    public Boolean compareNumbers(Object left, Object right) {
      return compareAsNumbers(this, left, right);
    }
  }
}
