package org.sesreturns.catalogue;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which catalogue and history files to load.
 *
 * @param catalogue a catalogue file; unset for the Sefton catalogue shipped in the jar
 * @param history comma-separated history files; empty for none; unset for the shipped Sefton
 *     history when the shipped catalogue is used, and none otherwise
 */
@ConfigurationProperties("ses")
record CatalogueProperties(String catalogue, String history) {

  static final String DEFAULT_CATALOGUE = "classpath:catalogue/sefton-ses.yaml";
  static final String DEFAULT_HISTORY = "classpath:catalogue/sefton-ses-2023-24-q4.yaml";

  String catalogueLocation() {
    return catalogue == null || catalogue.isBlank() ? DEFAULT_CATALOGUE : catalogue.strip();
  }

  java.util.List<String> historyLocations() {
    String value = history != null ? history
        : catalogueLocation().equals(DEFAULT_CATALOGUE) ? DEFAULT_HISTORY : "";
    return java.util.Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
