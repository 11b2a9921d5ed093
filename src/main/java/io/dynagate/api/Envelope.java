package io.dynagate.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.dynagate.store.Status;

/** How every declaration is answered: its spec as declared and its status as observed. */
public record Envelope(String name, String owner, long version, JsonNode spec, Status status) {}
