package org.sesreturns.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Converts between the engine's JSON variables and Jackson trees. A client may send a JSON
 * variable as Spin {@code Json}, as a string holding JSON, or (over REST without a type) as a
 * deserialized list; all of them are read the same way here.
 */
public final class Json {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Reads a variable value as JSON; empty when absent, and an error when it is not JSON. */
  public static Optional<JsonNode> read(Object value, String name) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      if (value instanceof SpinJsonNode spin) {
        return Optional.of(MAPPER.readTree(spin.toString()));
      }
      if (value instanceof String text) {
        return text.isBlank() ? Optional.empty() : Optional.of(MAPPER.readTree(text));
      }
      return Optional.of(MAPPER.valueToTree(value));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new InvalidInputException(name + ": is not valid JSON");
    }
  }

  /**
   * The engine stores a String variable in a column of 4000 characters; a longer text (a
   * commentary, say) travels as a Json string, which is stored without that limit.
   */
  public static final int MAX_STRING_VARIABLE = 4000;

  /**
   * Reads a text variable sent as a String (up to the engine's limit) or as a Json string (any
   * length): the same text either way. A String over the limit is refused here, with a clear
   * message, before the engine would fail to store it.
   */
  public static String text(Object value, String name) {
    if (value == null) {
      return null;
    }
    if (value instanceof String text) {
      if (text.length() > MAX_STRING_VARIABLE) {
        throw new InvalidInputException(name + ": is " + text.length() + " characters long; a String variable holds at most "
            + MAX_STRING_VARIABLE + ": send a longer text as a Json string (the form does)");
      }
      return text;
    }
    JsonNode node = read(value, name).orElse(null);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw new InvalidInputException(name + ": must be text");
    }
    return node.asText();
  }

  /** A Json variable holding a text, so it is not bound by the engine's String limit. */
  public static TypedValue textVariable(String text) {
    return SpinValues.jsonValue(text == null ? "null" : MAPPER.getNodeFactory().textNode(text).toString()).create();
  }

  /** A Spin JSON variable value holding the tree. */
  public static TypedValue variable(JsonNode node) {
    return SpinValues.jsonValue(node.toString()).create();
  }
}
