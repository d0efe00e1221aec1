package org.sesreturns.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sesreturns.SesReturnsApplication;
import org.sesreturns.catalogue.CatalogueException;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A wrong catalogue stops start-up with one message naming the file, the place and the problem. */
@ExtendWith(OutputCaptureExtension.class)
class BadCatalogueStartupIT {

  @TempDir
  Path dir;

  @Test
  void unknownPersonStopsStartUp(CapturedOutput output) throws Exception {
    String catalogue = Files.readString(Path.of("src/test/resources/catalogue/made-up.yaml"))
        .replace("ses-lead: sam.ses", "ses-lead: sam.nobody");
    Path file = dir.resolve("catalogue.yaml");
    Files.writeString(file, catalogue);
    // the logo it names goes with it
    Files.copy(Path.of("src/test/resources/catalogue/made-up-logo.png"), dir.resolve("made-up-logo.png"));

    assertThatThrownBy(() -> new SpringApplicationBuilder(SesReturnsApplication.class)
        .properties("server.port=0", "management.server.port=0", "ses.catalogue=" + file, "ses.history=",
            "spring.datasource.url=jdbc:h2:mem:bad-catalogue;DB_CLOSE_DELAY=-1")
        .run())
        .hasRootCauseInstanceOf(CatalogueException.class);

    assertThat(output).contains("The catalogue cannot be loaded: " + file
        + ", at objectives[0].ses-lead: unknown person 'sam.nobody' (not in people)");
  }
}
